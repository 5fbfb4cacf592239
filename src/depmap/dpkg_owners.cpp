#include "depmap/dpkg_owners.hpp"

#include "util/cache_dir.hpp"
#include "util/cache_validity.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace pydeb::depmap
{

namespace
{

// First line of a cache file; bump when its layout or meaning changes.
constexpr std::string_view k_format = "pydeb dpkg owners 1";
constexpr std::size_t k_kept = 20;

} // namespace

DpkgOwners::DpkgOwners(fs::path root) : m_root(std::move(root)) {}

std::optional<std::optional<std::string>>
DpkgOwners::answer(const std::vector<std::string>& group) const
{
    bool all_unowned = true;
    for (const auto& spelling : group)
    {
        const auto it = m_known.find(spelling);
        if (it == m_known.end())
        {
            all_unowned = false;
        }
        else if (it->second)
        {
            return it->second;
        }
    }
    if (all_unowned)
    {
        return std::optional<std::string>(); // answered: nobody ships it
    }
    return std::nullopt; // not answered yet
}

std::vector<std::optional<std::string>>
DpkgOwners::lookup(const std::vector<std::vector<std::string>>& groups, const Installed& installed)
{
    load_cache();
    if (!std::ranges::all_of(groups, [&](const auto& group) { return answer(group).has_value(); }))
    {
        scan(groups, installed);
        save_cache();
    }
    std::vector<std::optional<std::string>> owners;
    for (const auto& group : groups)
    {
        owners.push_back(answer(group).value_or(std::nullopt));
    }
    return owners;
}

void DpkgOwners::scan(const std::vector<std::vector<std::string>>& groups,
                      const Installed& installed)
{
    std::set<std::string_view> pending;
    for (const auto& group : groups)
    {
        for (const auto& spelling : group)
        {
            if (!m_known.contains(spelling))
            {
                pending.insert(spelling);
            }
        }
    }
    const auto answered = [&]
    { return std::ranges::all_of(groups, [&](const auto& g) { return answer(g).has_value(); }); };
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_root / "var/lib/dpkg/info", ec))
    {
        const auto name = entry.path().filename().native();
        if (!name.ends_with(".list"))
        {
            continue;
        }
        const auto package = name.substr(0, std::min(name.find(':'), name.size() - 5));
        if (!installed(package))
        {
            continue;
        }
        auto list = util::read_file(entry.path());
        if (!list)
        {
            continue;
        }
        const std::string& buffer = *list;
        // One path per line (dpkg's info/PKG.list); the first list naming a path owns it.
        for (std::size_t pos = 0; pos < buffer.size();)
        {
            const auto end = std::min(buffer.find('\n', pos), buffer.size());
            const std::string_view line(buffer.data() + pos, end - pos);
            if (const auto it = pending.find(line); it != pending.end())
            {
                m_known.emplace(std::string(line), package);
                pending.erase(it);
            }
            pos = end + 1;
        }
        if (pending.empty() || answered())
        {
            return; // some spellings may stay unknown: not every list was read
        }
    }
    for (const auto spelling : pending)
    {
        m_known.emplace(std::string(spelling), std::nullopt);
    }
}

void DpkgOwners::load_cache()
{
    if (m_cache_loaded)
    {
        return;
    }
    m_cache_loaded = true;
    const auto dir = util::cache_directory("dpkg-owners");
    const auto status = util::stable_identity(m_root / "var/lib/dpkg/status");
    const auto info = util::stable_identity(m_root / "var/lib/dpkg/info");
    if (!dir || !status || !info)
    {
        return;
    }
    util::Hasher hasher(util::HashAlgorithm::sha256);
    for (const auto& part : {std::string(k_format), *status, *info})
    {
        hasher.update(std::to_string(part.size()) + ":" + part + "\n");
    }
    m_cache_file = *dir / (util::to_hex(hasher.finish()) + ".txt");
    // "SPELLING\tOWNER" per line, OWNER empty for "no installed package". A line that does not
    // parse ends the reading: what came before it is still right.
    const auto text = util::read_file(*m_cache_file);
    if (!text || !text->starts_with(std::string(k_format) + "\n"))
    {
        return;
    }
    for (std::size_t pos = k_format.size() + 1; pos < text->size();)
    {
        const auto end = text->find('\n', pos);
        const auto tab = text->rfind('\t', end);
        if (end == std::string::npos || tab == std::string::npos || tab < pos)
        {
            return;
        }
        const std::string owner = text->substr(tab + 1, end - tab - 1);
        m_known.emplace(text->substr(pos, tab - pos),
                        owner.empty() ? std::nullopt : std::optional(owner));
        pos = end + 1;
    }
}

void DpkgOwners::save_cache() const
{
    if (!m_cache_file)
    {
        return;
    }
    std::string text = std::string(k_format) + "\n";
    for (const auto& [spelling, owner] : m_known)
    {
        if (spelling.find('\n') == std::string::npos)
        {
            text += spelling + "\t" + owner.value_or("") + "\n";
        }
    }
    std::error_code ec;
    fs::create_directories(m_cache_file->parent_path(), ec);
    if (!ec && util::write_file_atomic(*m_cache_file, text))
    {
        util::prune_cache_directory(m_cache_file->parent_path(), k_kept);
    }
}

} // namespace pydeb::depmap
