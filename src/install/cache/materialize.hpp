// Put one wheel cache entry (wheel_cache.hpp) into the stage as install_wheel would have written
// it. The entry's owner-map claims are replayed first: the first claimant of a path writes it and
// OwnerMap::check compares the digests afterwards, so conflicts between wheels are found on a hit
// exactly as on a fresh install. Then each file this wheel writes is hard-linked or copied
// (LinkMode); a .pyc goes with its source (placed when this wheel wrote the .py).
#pragma once

#include "install/install_options.hpp"
#include "install/layout.hpp"
#include "install/wheel/owner_map.hpp"
#include "install/cache/wheel_cache.hpp"
#include "util/expected.hpp"
#include "util/spare_directories.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pydeb::install
{

struct MaterializeRequest
{
    const CacheEntry& entry;
    const Layout& layout; // the stage
    std::string owner;    // the wheel's file name, as install_wheel claims
    std::string where;    // the wheel's path, for messages
    std::string_view cache_tag;
    LinkMode link = LinkMode::copy;
    util::SpareDirectories* spares = nullptr; // for the stage's new directories
};

// The files one entry placed: their absolute target paths ("/opt/app/..."), in manifest order,
// and what each one is as the entry records it (contents[i] is files[i]'s).
struct PlacedFiles
{
    std::vector<std::string> files;
    std::vector<FileContent> contents;
};

// claim_entry, then place_entry.
[[nodiscard]] Expected<PlacedFiles> materialize(const MaterializeRequest& request,
                                                OwnerMap& owners);

// The two halves, so an install of many wheels claims in request order (the first wheel to claim
// a path writes it, as a sequential installer would) and places the files in parallel.
[[nodiscard]] std::vector<OwnerMap::Claim> claim_entry(const MaterializeRequest& request,
                                                       OwnerMap& owners);
[[nodiscard]] Expected<PlacedFiles>
place_entry(const MaterializeRequest& request, const std::vector<OwnerMap::Claim>& won);

} // namespace pydeb::install
