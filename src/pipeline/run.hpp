// The pipeline's entry points, one per command. Each loads the spec and runs the stages it needs,
// in order: resolve → install → map → write (see run.cpp).
#pragma once

#include "sources/index_source.hpp"
#include "spec/load.hpp"
#include "spec/spec.hpp"
#include "util/cache_store.hpp"
#include "util/expected.hpp"
#include "util/progress.hpp"
#include "util/strings.hpp"

#include <filesystem>
#include <optional>
#include <vector>

namespace pydeb::pipeline
{

// Where a spec's missing keys and relative paths come from when a packaging tool drives pydeb.
struct SpecContext
{
    // dh_pydeb: name, version, maintainer, description from DIR/debian/{control,changelog} for
    // PACKAGE, the license from a machine-readable DIR/debian/copyright; relative paths in the
    // spec resolve against DIR (the source package root), as in every debhelper file.
    std::optional<std::filesystem::path> debian_source;
    std::string package;
    // %pydeb_install: KEY=VALUE pairs from the .spec's tags (name, version, release, summary,
    // description, maintainer, license, homepage); an empty VALUE sets nothing. They win over the
    // debian/ values; a key the spec holds wins over both.
    std::vector<std::string> defaults;
    // pydeb's caches; the command line opens it (off under --no-cache).
    util::CacheStore cache = util::CacheStore::off();
    // --offline: no package index is asked (a lock's files come from the download cache).
    sources::Network network = sources::Network::online;

    [[nodiscard]] bool empty() const { return !debian_source && defaults.empty(); }
};

// The spec::Defaults for a context. The header keys are optional when `header` says so or when a
// packaging tool supplies the context (it writes the package's header, not pydeb).
[[nodiscard]] Expected<spec::Defaults> spec_defaults(const SpecContext& context,
                                                     spec::HeaderKeys header);

struct BuildRequest
{
    std::filesystem::path spec;
    std::filesystem::path output_dir = ".";
    std::vector<spec::Format> formats; // empty: the spec's formats
    util::CacheStore cache = util::CacheStore::off();
    sources::Network network = sources::Network::online;
    // --sign KEY: sign with this key from the GnuPG home, over the spec's sign.key.
    std::optional<std::string> sign_key;
};

// `pydeb install`: what dh_pydeb and %pydeb_install call.
struct InstallRequest
{
    std::filesystem::path spec;
    std::filesystem::path root; // staging root; the venv lands at ROOT/PREFIX
    SpecContext context;
    std::optional<std::filesystem::path> substvars;    // write pydeb:Depends & co. (debhelper)
    std::optional<std::filesystem::path> rpm_filelist; // %files -f list of ROOT (rpmbuild)
    std::optional<std::filesystem::path> rpm_requires; // mapped Requires, one per line (rpmbuild)
    std::optional<spec::Strip> strip;                  // overrides the spec (DEB_BUILD_OPTIONS)
    std::optional<spec::InstallabilityCheck> check_installable;
};

[[nodiscard]] Expected<void> validate(const std::filesystem::path& spec,
                                      const SpecContext& context = {});
// Prints name==version lines, sorted by normalized name.
[[nodiscard]] Expected<void> resolve(const std::filesystem::path& spec, const SpecContext& context,
                                     util::Progress& progress);
// (Re)writes the lockfile.
[[nodiscard]] Expected<void> lock(const std::filesystem::path& spec,
                                  const std::optional<std::filesystem::path>& lockfile,
                                  const std::optional<std::vector<std::string>>& upgrade,
                                  const SpecContext& context, util::Progress& progress);
[[nodiscard]] Expected<void> install(const InstallRequest& request, util::Progress& progress);
// Prints every mapped soname with its provenance, then the final relation fields.
[[nodiscard]] Expected<void> deps(const std::filesystem::path& spec, const SpecContext& context,
                                  util::Progress& progress);
// Each stage reports to `progress`; the written packages' paths go to stdout, one a line, and a
// summary line to the progress display.
[[nodiscard]] Expected<void> build(const BuildRequest& request, util::Progress& progress);

} // namespace pydeb::pipeline
