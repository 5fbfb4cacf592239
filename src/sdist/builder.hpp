// Wheels built from sdists for the target interpreter, as PEP 517 builds them, each in an
// isolated build environment (PEP 517 "Build environment", PEP 518):
//   1. the sdist is extracted into a private scratch directory (extract.hpp);
//   2. [build-system] of its pyproject.toml (setuptools' legacy backend with
//      setuptools>=40.8.0 and wheel when there is none) says what the build requires; pydeb's own
//      resolver resolves that from the same sources as the application (wheelhouses, indexes,
//      find-links; a build requirement that is itself only an sdist is built the same way), and
//      pydeb's own installer installs it into a fresh venv (no pip: install/ installs wheels);
//   3. the backend's get_requires_for_build_wheel hook may ask for more, installed the same way;
//      it runs in one process with build_wheel, whose wheel is kept only when the environment
//      already held what the first hook asked for (else a fresh tree is built again with it):
//      one import of the backend instead of two, 0.7 s for setuptools;
//   4. its build_wheel hook builds the wheel, run by templates/sdist/build_hook.py (after
//      pyproject_hooks' _in_process.py) in a subprocess whose working directory is the tree,
//      confined by bubblewrap (sandbox.hpp) unless install.sdist-sandbox is none: only the tree,
//      its private TMPDIR and HOME and the wheel's directory are writable, and there is no
//      network. A sandbox that cannot be made fails the build rather than running it unconfined.
// The wheel is kept in the cache store (util::CacheKind::built_wheels) under the sdist's sha256
// and the interpreter, beside the backend's output (build.log), so the same sdist is built once.
#pragma once

#include "resolve/source.hpp"
#include "spec/spec.hpp"
#include "python/tags.hpp"
#include "util/cache_store.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace pydeb::sdist
{

struct BuilderOptions
{
    python::InterpreterFacts target;
    util::CacheStore cache = util::CacheStore::off();
    resolve::WheelSource* source = nullptr;         // the spec's indexes and find-links, if any
    std::vector<std::filesystem::path> wheelhouses; // the spec's
    // Where builds run and, with the cache off, where the built wheels stay (the command's
    // scratch directory, which outlives the resolution and the install).
    std::filesystem::path scratch;
    spec::SdistSandbox sandbox = spec::SdistSandbox::bwrap;
};

class Builder final : public resolve::SdistBuilder
{
public:
    explicit Builder(BuilderOptions options) : m_options(std::move(options)) {}

    [[nodiscard]] Expected<std::filesystem::path> build(const resolve::SdistToBuild& sdist) override;

private:
    [[nodiscard]] Expected<std::filesystem::path> build_into(const resolve::SdistToBuild& sdist,
                                                             const std::filesystem::path& out,
                                                             std::string& log);

    // Whether bwrap was seen to confine a build in this command: checked once, before the
    // first hook runs, so that a missing bwrap or a kernel that refuses it is named as such.
    enum class SandboxCheck
    {
        pending,
        passed,
    };

    BuilderOptions m_options;
    SandboxCheck m_sandbox_check = SandboxCheck::pending;
    std::set<std::string> m_building; // sha256s being built: one that needs itself is a cycle
};

} // namespace pydeb::sdist
