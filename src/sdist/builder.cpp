#include "sdist/builder.hpp"

#include "adapters/process/process.hpp"
#include "install/install_stage.hpp"
#include "python/wheel_filename.hpp"
#include "resolve/resolve.hpp"
#include "sdist/extract.hpp"
#include "sdist/pep517_hook.hpp"
#include "sdist/sandbox.hpp"
#include "spec/pyproject.hpp"
#include "util/files.hpp"
#include "util/strings.hpp"

#include <algorithm>

namespace fs = std::filesystem;

namespace pydeb::sdist
{

namespace
{

// The venv the build runs in: where it is, and what was installed into it.
struct BuildEnvironment
{
    fs::path python;
    std::vector<resolve::ResolvedWheel> wheels;
};

// The built wheel depends on the sdist's bytes and the interpreter it was built for (its ABI and
// platform tags, its version and its build configuration, which the executable stands for).
// The sandbox mode is part of the key: a wheel built unconfined (sdist-sandbox: none) ran code
// that could change anything, so a confined build must not take it as its own.
std::string entry_key(const resolve::SdistToBuild& sdist, const python::InterpreterFacts& facts,
                      spec::SdistSandbox sandbox)
{
    return util::CacheKey("built-wheel 1")
        .add(sdist.sha256)
        .add(sandbox == spec::SdistSandbox::bwrap ? "bwrap" : "unconfined")
        .add(facts.implementation_name)
        .add(std::to_string(facts.major) + "." + std::to_string(facts.minor) + "." +
             std::to_string(facts.micro))
        .add(facts.abi_tag)
        .add(facts.platform)
        .add(facts.executable)
        .hex();
}

// The one wheel of a cache entry, if the entry is there.
std::optional<fs::path> cached_wheel(const fs::path& entry)
{
    std::error_code error;
    for (const auto& file : fs::directory_iterator(entry, error))
    {
        if (file.path().extension() == ".whl")
        {
            return file.path();
        }
    }
    return std::nullopt;
}

Expected<std::vector<python::Requirement>> parse_requirements(const std::vector<std::string>& texts,
                                                              const std::string& where)
{
    std::vector<python::Requirement> requirements;
    for (const std::string& text : texts)
    {
        auto requirement = python::Requirement::parse(text);
        if (!requirement)
        {
            return fail(where + ": build requirement '" + text +
                        "': " + requirement.error().message);
        }
        requirements.push_back(std::move(*requirement));
    }
    return requirements;
}

// Whether `installed` already satisfies every requirement in `more` (setuptools asks for
// "wheel", which the fallback requirements hold already).
bool satisfied(const std::vector<resolve::ResolvedWheel>& installed,
               const std::vector<python::Requirement>& more, const python::MarkerEnvironment& env)
{
    return std::ranges::all_of(more,
                               [&](const python::Requirement& requirement)
                               {
                                   if (requirement.marker && !requirement.marker->evaluate(env, {}))
                                   {
                                       return true;
                                   }
                                   return std::ranges::any_of(
                                       installed,
                                       [&](const resolve::ResolvedWheel& wheel)
                                       {
                                           return wheel.name == requirement.normalized_name() &&
                                                  requirement.specifier.contains(
                                                      wheel.version, python::PreReleases::allow);
                                       });
                               });
}

} // namespace

Expected<fs::path> Builder::build(const resolve::SdistToBuild& sdist)
{
    const std::string where = sdist.file + " (" + sdist.where + ")";
    const auto kind = m_options.cache.directory(util::CacheKind::built_wheels);
    const std::string key = entry_key(sdist, m_options.target, m_options.sandbox);
    if (kind)
    {
        if (auto wheel = cached_wheel(*kind / key))
        {
            util::CacheStore::touch(*kind / key);
            return *wheel;
        }
    }
    // PEP 517 runs the backend under the target interpreter itself: a target release's Python
    // known only from its Packages (pydeb.yaml(5) TARGETS) builds nothing unless the host has it.
    const std::string& python = m_options.target.run_path();
    if (std::error_code error; m_options.target.source == python::FactsSource::release_packages &&
                               !fs::is_regular_file(python, error))
    {
        return fail(where + ": only an sdist provides " + sdist.name + ", and building it needs " +
                    "the target's Python " + m_options.target.python_version() +
                    " at build time (PEP 517 runs the build backend under it), which this host " +
                    "does not have (" + python + "): put a wheel of " + sdist.name + " for cp" +
                    std::to_string(m_options.target.major) +
                    std::to_string(m_options.target.minor) +
                    " into a wheelhouse, bundle an interpreter (python: {bundle: ...}), or build " +
                    "on a host of that release");
    }
    if (m_building.contains(sdist.sha256))
    {
        return fail(where + ": its build requirements need " + sdist.name +
                    " itself, which only this sdist provides; put a wheel of " + sdist.name +
                    " into a wheelhouse");
    }
    // Concurrent builds of one sdist build it once: the entry's lock is held until it is
    // published, then looked up again. A lock not had in time (a stuck build holds it) means
    // building for this command alone; the entry stays atomic either way.
    std::optional<util::FileLock> lock;
    if (kind)
    {
        lock = util::CacheStore::lock_entry(*kind, key);
        if (auto wheel = lock ? cached_wheel(*kind / key) : std::nullopt)
        {
            util::CacheStore::touch(*kind / key);
            return *wheel;
        }
    }
    m_building.insert(sdist.sha256);
    // The wheel stays in the command's scratch directory until the install is done.
    auto out = PYDEB_TRY(util::TempDir::create("sdist-wheel-", m_options.scratch));
    const fs::path out_path = out.path();
    out.keep(); // (keep() forgets the path)
    std::string log;
    auto wheel = build_into(sdist, out_path, log);
    m_building.erase(sdist.sha256);
    if (!wheel || !kind)
    {
        return wheel;
    }
    // Published by renaming a whole directory: the wheel and the backend's output beside it. A
    // concurrent build may have published first; its wheel is then as good as this one.
    auto entry = util::TempDir::create(".tmp-built-", *kind);
    std::error_code error;
    if (!entry)
    {
        return wheel;
    }
    const fs::path entry_path = entry->path();
    fs::copy_file(*wheel, entry_path / wheel->filename(), error);
    if (error || !util::write_file_atomic(entry_path / "build.log", log))
    {
        return wheel;
    }
    fs::rename(entry_path, *kind / key, error);
    if (!error)
    {
        entry->keep();
    }
    return cached_wheel(*kind / key).value_or(*wheel);
}

Expected<fs::path> Builder::build_into(const resolve::SdistToBuild& sdist, const fs::path& out,
                                       std::string& log)
{
    const std::string where = sdist.file + " (" + sdist.where + ")";
    const auto format = python::sdist_format(sdist.file);
    if (!format)
    {
        return fail(where + ": not an sdist file name (NAME-VERSION.tar.gz or .zip)");
    }
    const auto work = PYDEB_TRY(util::TempDir::create("sdist-build-", m_options.scratch));
    // The build writes only source/ (its tree), tmp/ (TMPDIR), home/ (HOME) and result/ (the
    // hooks' answers) besides the wheel's directory; the build environments stay read-only.
    for (const char* directory : {"source", "tmp", "home", "result"})
    {
        fs::create_directory(work.path() / directory);
    }
    const fs::path project =
        PYDEB_TRY(extract_sdist(sdist.path, *format, work.path() / "source", where));
    auto system = spec::read_build_system(project);
    if (!system)
    {
        return fail(where + ": " + system.error().message);
    }
    const fs::path hook_script = PYDEB_TRY(write_hook_driver(work.path()));

    // The environment runs the target interpreter itself (a bundled one from its staged copy).
    python::InterpreterFacts facts = m_options.target;
    facts.executable = m_options.target.run_path();
    facts.runnable.clear();
    const auto make_environment = [&](const std::vector<python::Requirement>& requirements,
                                      const std::string& name) -> Expected<BuildEnvironment>
    {
        resolve::ResolveRequest request;
        request.requirements = requirements;
        request.wheelhouses = m_options.wheelhouses;
        request.target = m_options.target;
        request.cache = m_options.cache;
        request.source = m_options.source;
        request.builder = this;
        auto resolution = resolve::resolve(request);
        if (!resolution)
        {
            return fail(where + ": cannot resolve its build requirements (" +
                        util::join(system->requires_, ", ") + "): " + resolution.error().message);
        }
        install::InstallRequest install;
        install.stage_root = work.path() / name;
        install.prefix = "/venv";
        install.interpreter = facts;
        for (const auto& wheel : resolution->wheels)
        {
            const bool built = !wheel.filename.ends_with(".whl");
            install.wheels.push_back(
                {wheel.path, built ? std::string() : wheel.sha256, install::WheelCaching::store});
        }
        install.bytecode = Bytecode::none;
        install.cache = m_options.cache.directory(util::CacheKind::wheels);
        auto installed = install::install_stage(install);
        if (!installed)
        {
            return fail(where +
                        ": cannot install its build requirements: " + installed.error().message);
        }
        return BuildEnvironment{install.stage_root / "venv" / facts.scripts / "python",
                                std::move(resolution->wheels)};
    };
    // A symlink-free path, as bwrap binds it.
    const auto real = [](const fs::path& path)
    {
        std::error_code error;
        auto canonical = fs::weakly_canonical(fs::absolute(path), error);
        return error ? path : canonical;
    };
    // The build's TMPDIR and HOME are its own (writable under the sandbox, and not the user's
    // without it); the XDG base directories are unset so that tools fall back to that HOME
    // (XDG Base Directory Specification) instead of the user's, read-only under the sandbox.
    const adapters::ProcessOptions process{{{"PYTHONPATH", std::nullopt},
                                            {"PYTHONHOME", std::nullopt},
                                            {"PYTHONNOUSERSITE", "1"},
                                            {"PYTHONSAFEPATH", std::nullopt},
                                            {"TMPDIR", (work.path() / "tmp").string()},
                                            {"HOME", (work.path() / "home").string()},
                                            {"XDG_CACHE_HOME", std::nullopt},
                                            {"XDG_CONFIG_HOME", std::nullopt},
                                            {"XDG_DATA_HOME", std::nullopt}},
                                           project};
    const auto run = [&](const fs::path& program, const std::vector<std::string>& arguments)
    {
        if (m_options.sandbox == spec::SdistSandbox::none)
        {
            return adapters::run_process(program, arguments, process);
        }
        const SandboxPaths paths{{real(work.path() / "source"), real(work.path() / "tmp"),
                                  real(work.path() / "home"), real(work.path() / "result"),
                                  real(out)},
                                 {real(m_options.scratch),
                                  real(m_options.target.run_path()).parent_path().parent_path()},
                                 real(project)};
        return adapters::run_process("bwrap", bwrap_arguments(paths, program, arguments), process);
    };
    const auto check_sandbox = [&](const BuildEnvironment& environment) -> Expected<void>
    {
        if (m_options.sandbox == spec::SdistSandbox::none ||
            m_sandbox_check == SandboxCheck::passed)
        {
            return {};
        }
        const auto ran = run(environment.python, {"-I", "-c", ""});
        if (ran && ran->succeeded())
        {
            m_sandbox_check = SandboxCheck::passed;
            return {};
        }
        const std::string reason =
            ran ? "bwrap exited " + std::to_string(ran->exit_code) + ": " +
                      std::string(util::trim(tail_lines(ran->standard_error, 3)))
                : ran.error().message;
        return fail("building " + where + ": its build backend cannot be confined (" + reason +
                    "). pydeb runs an sdist's build under bubblewrap so that it writes only its "
                    "own directories; install it (apt-get install bubblewrap) where it may create "
                    "namespaces (a container must allow user namespaces), or set "
                    "install.sdist-sandbox: none in the spec to run the build unconfined, "
                    "trusting the sdist");
    };
    const auto run_hook = [&](const BuildEnvironment& environment,
                              const std::string& hook) -> Expected<std::string>
    {
        PYDEB_TRY(check_sandbox(environment));
        const fs::path result = work.path() / "result" / (hook + ".out");
        const auto ran = PYDEB_TRY(run(
            environment.python, hook_arguments(hook_script, hook, *system, project, result, out)));
        // stderr last: a compiler's error, which is what the tail must show, is there.
        log += "$ " + hook + "\n" + ran.standard_output + ran.standard_error;
        if (!ran.succeeded())
        {
            // EROFS (POSIX <errno.h>) is what a write outside the sandbox's binds gets.
            const bool wrote_outside =
                m_options.sandbox == spec::SdistSandbox::bwrap &&
                (ran.standard_output + ran.standard_error).find("Read-only file system") !=
                    std::string::npos;
            return fail("building " + where + " failed: its build backend " + system->backend +
                        " exited " + std::to_string(ran.exit_code) + " in " + hook +
                        (wrote_outside ? ", writing outside its build directory, which its "
                                         "sandbox keeps read-only (install.sdist-sandbox)"
                                       : "") +
                        "; the last lines of its output:\n" +
                        tail_lines(ran.standard_output + ran.standard_error, k_output_tail_lines));
        }
        return util::read_file(result);
    };

    const auto requires_ = PYDEB_TRY(parse_requirements(system->requires_, where));
    BuildEnvironment environment = PYDEB_TRY(make_environment(requires_, "environment"));
    // get_requires_for_build_wheel and build_wheel in one process (build_hook.py says why); the
    // wheel stands when the environment already satisfied what the first hook asked for. A
    // build_wheel that failed without them is no verdict either: it runs again with them.
    auto speculative = run_hook(environment, "get_requires_then_build_wheel");
    const fs::path requires_file =
        work.path() / "result" / "get_requires_then_build_wheel.out.requires";
    std::error_code error;
    if (!speculative && !fs::exists(requires_file, error))
    {
        return std::unexpected(std::move(speculative.error())); // get_requires itself failed
    }
    const auto more_text = PYDEB_TRY(util::read_file(requires_file));
    std::vector<std::string> more_lines;
    for (const std::string& line : util::split(more_text, '\n'))
    {
        if (!util::trim(line).empty())
        {
            more_lines.emplace_back(util::trim(line));
        }
    }
    const auto more = PYDEB_TRY(parse_requirements(more_lines, where));
    std::string result;
    if (satisfied(environment.wheels, more, m_options.target.markers))
    {
        result = PYDEB_TRY(std::move(speculative));
    }
    else
    {
        // Built without what the backend asked for: that wheel and the tree it built in go, and
        // the build runs again from a fresh extraction with the requirements installed.
        if (speculative)
        {
            fs::remove(out / std::string(util::trim(*speculative)), error);
        }
        fs::remove_all(work.path() / "source", error);
        fs::create_directory(work.path() / "source", error);
        PYDEB_TRY(extract_sdist(sdist.path, *format, work.path() / "source", where));
        auto all = requires_;
        all.insert(all.end(), more.begin(), more.end());
        environment = PYDEB_TRY(make_environment(all, "environment-2"));
        result = PYDEB_TRY(run_hook(environment, "build_wheel"));
    }
    const fs::path wheel = PYDEB_TRY(returned_wheel(result, out, where, system->backend));
    const std::string built = wheel.filename().string();
    const auto filename = python::WheelFilename::parse(built);
    if (!filename || filename->normalized_name() != sdist.name ||
        filename->version != sdist.version)
    {
        return fail("building " + where + ": the backend built " + built + ", not " + sdist.name +
                    " " + sdist.version.to_string() + " as the sdist's name says");
    }
    return wheel;
}

} // namespace pydeb::sdist
