// The pipeline's entry points, one per command. Each loads the spec and runs the stages it needs,
// in order: resolve → install → map → write (see run.cpp).
#pragma once

#include "spec/spec.hpp"
#include "util/expected.hpp"
#include "util/stage_clock.hpp"
#include "util/strings.hpp"

#include <filesystem>
#include <optional>
#include <vector>

namespace pydeb::pipeline
{

struct BuildRequest
{
    std::filesystem::path spec;
    std::filesystem::path output_dir = ".";
    std::vector<spec::Format> formats; // empty: the spec's formats
    util::TimingReport timings = util::TimingReport::quiet;
};

// `pydeb install`: what dh_pydeb and %pydeb_install call.
struct InstallRequest
{
    std::filesystem::path spec;
    std::filesystem::path root; // staging root; the venv lands at ROOT/PREFIX
    // Take name, version, maintainer, description from DIR/debian/{control,changelog} for PACKAGE
    // when the spec leaves them out.
    std::optional<std::filesystem::path> debian_source;
    std::string package;
    std::optional<std::filesystem::path> substvars;    // write pydeb:Depends & co. (debhelper)
    std::optional<std::filesystem::path> rpm_filelist; // %files -f list of ROOT (rpmbuild)
    std::optional<std::filesystem::path> rpm_requires; // mapped Requires, one per line (rpmbuild)
    std::optional<spec::Strip> strip;                  // overrides the spec (DEB_BUILD_OPTIONS)
    std::optional<spec::InstallabilityCheck> check_installable;
    util::TimingReport timings = util::TimingReport::quiet;
};

[[nodiscard]] Expected<void> validate(const std::filesystem::path& spec);
// Prints name==version lines, sorted by normalized name.
[[nodiscard]] Expected<void> resolve(const std::filesystem::path& spec);
// (Re)writes the lockfile.
[[nodiscard]] Expected<void> lock(const std::filesystem::path& spec,
                                  const std::optional<std::filesystem::path>& lockfile);
[[nodiscard]] Expected<void> install(const InstallRequest& request);
// Prints every mapped soname with its provenance, then the final relation fields.
[[nodiscard]] Expected<void> deps(const std::filesystem::path& spec);
[[nodiscard]] Expected<void> build(const BuildRequest& request);

} // namespace pydeb::pipeline
