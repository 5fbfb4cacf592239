// Which packages a build writes: one per format for the build host (no `targets:`), or one per
// target release (pydeb.yaml(5) TARGETS), each with the release's verified metadata to check
// against, its version suffix and its compression.
#pragma once

#include "depmap/types.hpp"
#include "package/model.hpp"
#include "pipeline/prepare.hpp"
#include "spec/spec.hpp"
#include "targets/debian_metadata.hpp"

#include <string>
#include <vector>

namespace pydeb::pipeline
{

struct TargetBuild
{
    spec::Format format = spec::Format::deb;
    std::string name;           // "bookworm"; empty for the build host
    std::string where;          // the target's place in the spec, "pydeb.yaml:12:5"
    std::string release_suffix; // appended to the spec's release: "~deb12", ".el9"
    package::Compression compression = package::Compression::zstd;
    // The release's indexes to check installability against; empty: the spec's or the host's.
    std::vector<depmap::RepoSource> repos;
    // A Debian target's verified metadata: its sonames are mapped from it (release_origin.hpp).
    std::optional<targets::ReleaseMetadata> release;
    // With the system interpreter, the release's own python3.X when it is not the build host's
    // (python::release_cpython, from the release's Packages): its build resolves, installs and
    // maps for that Python; nullopt: the host's interpreter serves.
    std::optional<python::InterpreterFacts> python;
};

// The Python a build's venv is made for: the target release's, or the prepared interpreter.
[[nodiscard]] inline const python::InterpreterFacts& build_python(const Prepared& prepared,
                                                                   const TargetBuild& build)
{
    return build.python ? *build.python : prepared.facts;
}

// "~deb12" for Debian 12: below any later revision of the same version and below a build without
// a suffix, above ~deb11, as Debian's backports (~bpo12+1) and third-party archives order their
// per-release builds (pydeb(1) TARGETS).
[[nodiscard]] std::string debian_release_suffix(int number);

// The builds for `formats`: per target of that format, else one for the host. Debian targets'
// metadata and rpm targets' repositories at URLs are fetched (or read from the cache store) and
// verified here, so a target whose archive or repository is unreachable or whose signature fails
// stops the build before anything is written.
[[nodiscard]] Expected<std::vector<TargetBuild>>
plan_targets(const Prepared& prepared, const std::vector<spec::Format>& formats,
             const std::string& deb_architecture);

} // namespace pydeb::pipeline
