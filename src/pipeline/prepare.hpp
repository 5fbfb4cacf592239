// The steps every command shares: load the spec, ask the target interpreter about itself, build
// the project's own wheel.
#pragma once

#include "python/tags.hpp"
#include "resolve/resolve.hpp"
#include "sources/index_source.hpp"
#include "spec/load.hpp"
#include "util/expected.hpp"
#include "util/cache_store.hpp"
#include "util/files.hpp"
#include "util/progress.hpp"
#include "util/spare_directories.hpp"

#include <filesystem>
#include <memory>
#include <optional>

namespace pydeb::pipeline
{

struct Prepared
{
    spec::Spec spec;
    python::InterpreterFacts facts;
    util::CacheStore cache = util::CacheStore::off();
    // The build's pool of spare directories (in the cache store): the stage is made from it and
    // given back to it when `scratch` goes. Declared first, so it outlives `scratch`.
    std::unique_ptr<util::SpareDirectories> spares;
    util::TempDir scratch; // the project's wheel, the staging root of a build
    // What the resolver must satisfy: the spec's requirements (and requirements-file), plus the
    // project's own Requires-Dist. The project itself is not among them: it is built from
    // source on every run, so it is never locked by hash (see lockfile_stage.hpp).
    std::vector<python::Requirement> requirements;
    std::optional<resolve::ResolvedWheel> project_wheel;
    // With python: {bundle: ...}: the interpreter, made under bundle_root at its final path
    // (spec.prefix/python); stage_venv places it into the package's stage.
    struct Bundle
    {
        std::filesystem::path root;
        std::int64_t newest_mtime = 0;
    };
    std::optional<Bundle> bundle;
    // Where every stage of this command reports its progress, details and warnings.
    util::Progress* progress = nullptr;
    // `--offline`: package indexes are not asked; locked files come from the download cache.
    sources::Network network = sources::Network::online;
};

// PREFIX/python: where a bundled interpreter lives (install/bundle.hpp says why).
[[nodiscard]] std::filesystem::path bundle_prefix(const spec::Spec& spec);

[[nodiscard]] Expected<Prepared> prepare(const std::filesystem::path& spec_path,
                                         const spec::Defaults& defaults,
                                         const util::CacheStore& cache, util::Progress& progress,
                                         sources::Network network);

} // namespace pydeb::pipeline
