// `pydeb explain`: why each system dependency and each distribution is in the package, and where
// its space goes, gathered from the pipeline's stages (pipeline/explain.cpp) and printed as text
// or JSON.
#pragma once

#include "depmap/types.hpp"
#include "explain/chain.hpp"
#include "explain/space.hpp"
#include "util/expected.hpp"

#include <string>
#include <vector>

namespace pydeb::explain
{

// One relation of Depends / Requires and the staged ELF objects whose NEEDED soname it satisfies.
struct SystemReason
{
    std::string target;   // "deb" or "rpm"
    std::string package;  // "libpq5"; rpm: the capability's library, "libpq.so.5"
    std::string relation; // "libpq5 (>= 10~~)", "libpq.so.5()(64bit)"
    std::string soname;
    std::vector<std::string> objects; // relative to the prefix, sorted
    std::string provenance;           // symbols, shlibs, package, rpm-soname
};

struct DistributionReason
{
    std::string name; // PEP 503
    std::string version;
    std::vector<Edge> chain; // from a top-level requirement; empty: not required (the project)
};

struct Report
{
    std::vector<SystemReason> system;              // by target, package, soname
    std::vector<DistributionReason> distributions; // by name
    std::vector<Usage> space;                      // largest first
};

// The mapped sonames that became a relation, grouped by (relation, soname).
[[nodiscard]] std::vector<SystemReason> system_reasons(const depmap::Mapping& mapping,
                                                       depmap::Target target,
                                                       const std::filesystem::path& prefix);

// Only what `what` names: a system package, soname or relation name; a distribution (any
// spelling of its name, PEP 503). An error listing what there is when nothing matches.
[[nodiscard]] Expected<Report> select(Report report, std::string_view what);

[[nodiscard]] std::string render_text(const Report& report);
[[nodiscard]] std::string render_json(const Report& report);

} // namespace pydeb::explain
