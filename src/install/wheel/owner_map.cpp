#include "install/wheel/owner_map.hpp"

#include "util/strings.hpp"

namespace pydeb::install
{

OwnerMap::Claim OwnerMap::claim(const std::filesystem::path& path, const std::string& owner)
{
    std::scoped_lock lock(m_mutex);
    auto& owners = m_owners[path.string()];
    owners.push_back({owner, {}});
    return owners.size() == 1 ? Claim::write : Claim::skip;
}

void OwnerMap::set_digest(const std::filesystem::path& path, const std::string& owner,
                          const std::string& sha256)
{
    std::scoped_lock lock(m_mutex);
    for (auto& entry : m_owners[path.string()])
    {
        if (entry.name == owner && entry.sha256.empty())
        {
            entry.sha256 = sha256;
            return;
        }
    }
}

std::vector<OwnerMap::Claim>
OwnerMap::claim_all(const std::vector<std::pair<std::string, std::string>>& claims,
                    const std::string& owner)
{
    std::scoped_lock lock(m_mutex);
    std::vector<Claim> result;
    result.reserve(claims.size());
    for (const auto& [path, sha256] : claims)
    {
        auto& owners = m_owners[path];
        owners.push_back({owner, sha256});
        result.push_back(owners.size() == 1 ? Claim::write : Claim::skip);
    }
    return result;
}

std::vector<std::pair<std::string, std::string>> OwnerMap::claims_of(const std::string& owner) const
{
    std::scoped_lock lock(m_mutex);
    std::vector<std::pair<std::string, std::string>> claims;
    for (const auto& [path, owners] : m_owners)
    {
        for (const auto& entry : owners)
        {
            if (entry.name == owner)
            {
                claims.emplace_back(path, entry.sha256);
            }
        }
    }
    return claims;
}

Expected<void> OwnerMap::check(std::vector<std::string>& warnings) const
{
    std::scoped_lock lock(m_mutex);
    std::vector<std::string> conflicts;
    std::map<std::string, std::string> folded;
    for (const auto& [path, owners] : m_owners)
    {
        for (const auto& other : owners)
        {
            if (other.sha256 != owners.front().sha256)
            {
                conflicts.push_back("/" + path + " is installed by both " + owners.front().name +
                                    " and " + other.name + " with different content");
                break;
            }
        }
        const auto [it, inserted] = folded.emplace(util::to_lower(path), path);
        if (!inserted)
        {
            warnings.push_back("/" + path + " and /" + it->second +
                               " differ only in case; they collide on case-insensitive systems");
        }
    }
    if (!conflicts.empty())
    {
        return fail(util::join(conflicts, "\n") +
                    "\nremove one of the conflicting distributions from the requirements");
    }
    return {};
}

} // namespace pydeb::install
