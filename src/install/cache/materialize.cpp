#include "install/cache/materialize.hpp"

#include "install/cache/file_placement.hpp"
#include "install/wheel/stage_tree.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unordered_map>

namespace pydeb::install
{

namespace
{

Expected<void> place(StageTree& tree, const std::string& relative, int source_root,
                     const CacheFile& file, LinkMode link)
{
    const int directory = PYDEB_TRY(tree.open_parent(relative));
    const auto name = relative.substr(relative.rfind('/') + 1);
    if (link == LinkMode::hardlink)
    {
        if (link_file_at(source_root, file, directory, name.c_str()))
        {
            return {};
        }
        if (errno == EEXIST)
        {
            PYDEB_TRY(make_room(directory, name.c_str()));
            if (link_file_at(source_root, file, directory, name.c_str()))
            {
                return {};
            }
        }
        // EXDEV (another file system), EMLINK, EPERM (protected_hardlinks): copy instead.
    }
    return copy_file_at(source_root, file, directory, name.c_str());
}

} // namespace

std::vector<OwnerMap::Claim> claim_entry(const MaterializeRequest& request, OwnerMap& owners)
{
    // Manifest paths are normalised (check_member_name), so joining strings is stage_relative().
    const auto prefix = request.layout.prefix.relative_path().generic_string() + "/";
    std::vector<std::pair<std::string, std::string>> claims;
    claims.reserve(request.entry.manifest.claims.size());
    for (const auto& claim : request.entry.manifest.claims)
    {
        claims.emplace_back(prefix + claim.path, claim.sha256);
    }
    return owners.claim_all(claims, request.owner);
}

Expected<PlacedFiles> materialize(const MaterializeRequest& request, OwnerMap& owners)
{
    return place_entry(request, claim_entry(request, owners));
}

Expected<PlacedFiles> place_entry(const MaterializeRequest& request,
                                               const std::vector<OwnerMap::Claim>& won)
{
    const auto& manifest = request.entry.manifest;
    const auto prefix = request.layout.prefix.relative_path().generic_string() + "/";
    std::unordered_map<std::string_view, bool> writes; // path -> this wheel's first claim won
    for (std::size_t i = 0; i < won.size(); ++i)
    {
        writes.emplace(manifest.claims[i].path, won[i] == OwnerMap::Claim::write);
    }
    const auto writes_path = [&](const std::string& path)
    {
        auto it = writes.find(path);
        if (it == writes.end())
        {
            it = writes.find(bytecode_source(path, request.cache_tag));
        }
        return it == writes.end() || it->second;
    };
    const util::Fd source_root(
        ::open(request.entry.files.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!source_root)
    {
        return fail(request.where + ": cannot open the wheel cache entry " +
                    request.entry.files.string() + ": " + std::strerror(errno));
    }
    auto tree = PYDEB_TRY(StageTree::open(request.layout.stage_root, request.spares));
    PlacedFiles placed_files;
    placed_files.files.reserve(manifest.files.size());
    placed_files.contents.reserve(manifest.files.size());
    for (const auto& file : manifest.files)
    {
        if (!writes_path(file.path))
        {
            continue; // another wheel's claim won; OwnerMap::check compares the contents
        }
        const auto relative = prefix + file.path;
        if (auto placed = place(tree, relative, source_root.get(), file, request.link); !placed)
        {
            return fail(request.where + ": cannot install /" + relative + " from " +
                        request.entry.files.string() + ": " + placed.error().message);
        }
        placed_files.files.push_back("/" + relative);
        placed_files.contents.push_back(file.content);
    }
    return placed_files;
}

} // namespace pydeb::install
