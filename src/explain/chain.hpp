// Which distribution pulled in another: the requirement graph of a resolved wheel set, as the
// resolver followed it (Requires-Dist with markers evaluated for the target interpreter, extras
// activated by the requirements that ask for them, PEP 508 / PEP 685), and the shortest chain
// from a top-level requirement to a distribution.
#pragma once

#include "python/marker.hpp"
#include "python/requirement.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::explain
{

// `from` (a PEP 503 name; empty for a top-level requirement) requires `to` by `requirement`.
struct Edge
{
    std::string from;
    std::string to;
    std::string requirement; // "certifi>=2017.4.17"

    bool operator==(const Edge&) const = default;
};

// The edges among `requires_dist`'s keys (normalized names of the resolved distributions, each
// with its Requires-Dist). A requirement whose marker is false for `environment` (with the
// extras requested of its distribution) is no edge; neither is one on a name outside the set.
[[nodiscard]] std::vector<Edge>
requirement_edges(const std::vector<python::Requirement>& top_level,
                  const std::map<std::string, std::vector<python::Requirement>>& requires_dist,
                  const python::MarkerEnvironment& environment);

// The shortest chain of edges from a top-level requirement to `name` (first edge has from ""),
// the first in name order among equally short ones; nullopt when nothing requires it.
[[nodiscard]] std::optional<std::vector<Edge>> chain_to(const std::vector<Edge>& edges,
                                                        const std::string& name);

} // namespace pydeb::explain
