#include "depmap/libsolv/check_memo.hpp"

#include "adapters/solv/pool.hpp"
#include "util/cache_validity.hpp"

#include <algorithm>
#include <charconv>

namespace fs = std::filesystem;

namespace pydeb::depmap::libsolv
{

namespace
{

// Bump when the key's inputs or the payload's layout change: older memos then never match.
constexpr std::string_view k_format = "pydeb installability check 2";

bool file_identity(util::CacheKey& key, const fs::path& path)
{
    const auto identity = util::stable_identity(path);
    if (identity)
    {
        key.add(*identity);
    }
    return identity.has_value();
}

// Every regular file of a directory, sorted (rpm-md's repodata/, an rpm database).
bool directory_identity(util::CacheKey& key, const fs::path& dir)
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
    key.add(dir.string()).add(static_cast<std::int64_t>(files.size()));
    return std::ranges::all_of(files, [&](const auto& file) { return file_identity(key, file); });
}

bool source_identity(util::CacheKey& key, const RepoSource& source)
{
    key.add(static_cast<std::int64_t>(source.kind));
    switch (source.kind)
    {
    case RepoKind::apt_packages:
        return file_identity(key, source.path);
    case RepoKind::dpkg_status:
        return file_identity(key, source.path / "var/lib/dpkg/status");
    case RepoKind::rpm_md:
        return directory_identity(key, source.path / "repodata");
    case RepoKind::rpmdb:
        for (const char* dbpath : {"var/lib/rpm", "usr/lib/sysimage/rpm"})
        {
            std::error_code ec;
            if (fs::is_directory(source.path / dbpath, ec) &&
                !directory_identity(key, source.path / dbpath))
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
    if (!check.cache.enabled())
    {
        return std::nullopt;
    }
    util::CacheKey key(k_format);
    key.add(adapters::solv::library_version())
        .add(check.target == Target::deb ? "deb" : "rpm")
        .add(check.package_name)
        .add(check.version)
        .add(check.architecture)
        .add(static_cast<std::int64_t>(check.relations.size()));
    for (const auto& relation : check.relations)
    {
        key.add(relation);
    }
    key.add(static_cast<std::int64_t>(sources.size()));
    for (const auto& source : sources)
    {
        if (!source_identity(key, source))
        {
            return std::nullopt;
        }
    }
    // Debian: the host's dpkg status also decides the architecture policy of an `all` package.
    const bool arch_from_dpkg =
        check.target == Target::deb && (check.architecture == "all" || check.architecture.empty());
    if (arch_from_dpkg && !file_identity(key, root / "var/lib/dpkg/status"))
    {
        return std::nullopt;
    }
    return CheckMemo(check.cache, key.hex());
}

std::optional<std::vector<std::string>> CheckMemo::read() const
{
    const auto text = m_cache.load(util::CacheKind::checks, m_key);
    if (!text)
    {
        return std::nullopt;
    }
    std::size_t pos = 0;
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
    std::string text = std::to_string(problems.size()) + "\n";
    for (const auto& problem : problems)
    {
        text += std::to_string(problem.size()) + "\n" + problem + "\n";
    }
    m_cache.store(util::CacheKind::checks, m_key, text);
}

} // namespace pydeb::depmap::libsolv
