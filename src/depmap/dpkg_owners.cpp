#include "depmap/dpkg_owners.hpp"

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

} // namespace

DpkgOwners::DpkgOwners(fs::path root, util::CacheStore cache)
    : m_root(std::move(root)), m_cache(std::move(cache))
{
}

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
    const auto status = util::stable_identity(m_root / "var/lib/dpkg/status");
    const auto info = util::stable_identity(m_root / "var/lib/dpkg/info");
    if (!m_cache.enabled() || !status || !info)
    {
        return;
    }
    m_cache_key = util::CacheKey(k_format).add(*status).add(*info).hex();
    // "SPELLING\tOWNER" per line, OWNER empty for "no installed package". A line that does not
    // parse ends the reading: what came before it is still right.
    const auto text = m_cache.load(util::CacheKind::dpkg_owners, *m_cache_key);
    if (!text)
    {
        return;
    }
    for (std::size_t pos = 0; pos < text->size();)
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
    if (!m_cache_key)
    {
        return;
    }
    std::string text;
    for (const auto& [spelling, owner] : m_known)
    {
        if (spelling.find('\n') == std::string::npos)
        {
            text += spelling + "\t" + owner.value_or("") + "\n";
        }
    }
    m_cache.store(util::CacheKind::dpkg_owners, *m_cache_key, text);
}

} // namespace pydeb::depmap
