#include "depmap/libsolv/check_memo.hpp"

#include "adapters/solv/pool.hpp"
#include "pydeb_config.h"
#include "util/cache_dir.hpp"
#include "util/cache_validity.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include <algorithm>
#include <charconv>

namespace fs = std::filesystem;

namespace pydeb::depmap::libsolv
{

namespace
{

// Bump when the key's inputs or the file's layout change: older memos then simply never match.
constexpr std::string_view k_format = "pydeb installability check 1";
// Memos kept per cache directory; every apt update orphans the previous ones.
constexpr std::size_t k_kept = 200;

// Length-prefixed, so no two different inputs hash the same text.
void field(util::Hasher& hasher, std::string_view text)
{
    hasher.update(std::to_string(text.size()) + ":");
    hasher.update(text);
    hasher.update("\n");
}

bool file_identity(util::Hasher& hasher, const fs::path& path)
{
    const auto identity = util::stable_identity(path);
    if (identity)
    {
        field(hasher, *identity);
    }
    return identity.has_value();
}

// Every regular file of a directory, sorted (rpm-md's repodata/, an rpm database).
bool directory_identity(util::Hasher& hasher, const fs::path& dir)
{
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
    {
        if (entry.is_regular_file(ec))
        {
            files.push_back(entry.path());
        }
    }
    if (ec)
    {
        return false;
    }
    std::ranges::sort(files);
    field(hasher, dir.string() + " " + std::to_string(files.size()));
    return std::ranges::all_of(files,
                               [&](const auto& file) { return file_identity(hasher, file); });
}

bool source_identity(util::Hasher& hasher, const RepoSource& source)
{
    field(hasher, std::to_string(static_cast<int>(source.kind)));
    switch (source.kind)
    {
    case RepoKind::apt_packages:
        return file_identity(hasher, source.path);
    case RepoKind::dpkg_status:
        return file_identity(hasher, source.path / "var/lib/dpkg/status");
    case RepoKind::rpm_md:
        return directory_identity(hasher, source.path / "repodata");
    case RepoKind::rpmdb:
        for (const char* dbpath : {"var/lib/rpm", "usr/lib/sysimage/rpm"})
        {
            std::error_code ec;
            if (fs::is_directory(source.path / dbpath, ec) &&
                !directory_identity(hasher, source.path / dbpath))
            {
                return false;
            }
        }
        return true;
    }
    return false;
}

std::optional<std::size_t> parse_count(std::string_view text)
{
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty())
    {
        return std::nullopt;
    }
    return value;
}

// "LEN\n" then LEN bytes then "\n", from pos; advances pos.
std::optional<std::string> take_record(std::string_view text, std::size_t& pos)
{
    const auto newline = text.find('\n', pos);
    if (newline == std::string_view::npos)
    {
        return std::nullopt;
    }
    const auto length = parse_count(text.substr(pos, newline - pos));
    if (!length || newline + 1 + *length >= text.size() || text[newline + 1 + *length] != '\n')
    {
        return std::nullopt;
    }
    pos = newline + 2 + *length;
    return std::string(text.substr(newline + 1, *length));
}

} // namespace

std::optional<CheckMemo> CheckMemo::for_check(const InstallCheck& check,
                                              const std::vector<RepoSource>& sources,
                                              const fs::path& root)
{
    const auto dir = util::cache_directory("checks");
    if (!dir)
    {
        return std::nullopt;
    }
    util::Hasher hasher(util::HashAlgorithm::sha256);
    field(hasher, k_format);
    field(hasher, PYDEB_VERSION);
    field(hasher, adapters::solv::library_version());
    field(hasher, check.target == Target::deb ? "deb" : "rpm");
    field(hasher, check.package_name);
    field(hasher, check.version);
    field(hasher, check.architecture);
    field(hasher, std::to_string(check.relations.size()));
    for (const auto& relation : check.relations)
    {
        field(hasher, relation);
    }
    field(hasher, std::to_string(sources.size()));
    for (const auto& source : sources)
    {
        if (!source_identity(hasher, source))
        {
            return std::nullopt;
        }
    }
    // Debian: the host's dpkg status also decides the architecture policy of an `all` package.
    const bool arch_from_dpkg =
        check.target == Target::deb && (check.architecture == "all" || check.architecture.empty());
    if (arch_from_dpkg && !file_identity(hasher, root / "var/lib/dpkg/status"))
    {
        return std::nullopt;
    }
    return CheckMemo(*dir / (util::to_hex(hasher.finish()) + ".txt"));
}

std::optional<std::vector<std::string>> CheckMemo::read() const
{
    const auto text = util::read_file(m_path);
    if (!text || !text->starts_with(std::string(k_format) + "\n"))
    {
        return std::nullopt;
    }
    std::size_t pos = k_format.size() + 1;
    const auto newline = text->find('\n', pos);
    const auto count = newline == std::string::npos
                           ? std::nullopt
                           : parse_count(std::string_view(*text).substr(pos, newline - pos));
    if (!count)
    {
        return std::nullopt;
    }
    pos = newline + 1;
    std::vector<std::string> problems;
    for (std::size_t i = 0; i < *count; ++i)
    {
        auto problem = take_record(*text, pos);
        if (!problem)
        {
            return std::nullopt;
        }
        problems.push_back(std::move(*problem));
    }
    if (pos != text->size())
    {
        return std::nullopt;
    }
    return problems;
}

void CheckMemo::write(const std::vector<std::string>& problems) const
{
    std::string text = std::string(k_format) + "\n" + std::to_string(problems.size()) + "\n";
    for (const auto& problem : problems)
    {
        text += std::to_string(problem.size()) + "\n" + problem + "\n";
    }
    std::error_code ec;
    fs::create_directories(m_path.parent_path(), ec);
    if (!ec && util::write_file_atomic(m_path, text))
    {
        util::prune_cache_directory(m_path.parent_path(), k_kept);
    }
}

} // namespace pydeb::depmap::libsolv
