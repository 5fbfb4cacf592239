#include "sdist/project_wheel.hpp"

#include "adapters/archive/zip_reader.hpp"
#include "adapters/process/process.hpp"
#include "sdist/pep517_hook.hpp"
#include "spec/pyproject.hpp"
#include "util/files.hpp"
#include "util/strings.hpp"

namespace fs = std::filesystem;

namespace pydeb::sdist
{

namespace
{

// A private copy of the project tree: directories, regular files (with their mtimes) and symlinks
// as they are; sockets, FIFOs and devices are no source.
Expected<void> copy_project(const fs::path& project_dir, const fs::path& copy)
{
    const auto failed = [&](const fs::path& path, const std::error_code& error)
    {
        return fail("cannot copy the project " + project_dir.string() + " to build its wheel: " +
                    path.string() + ": " + error.message());
    };
    std::error_code error;
    fs::create_directory(copy, error);
    // Walked by its canonical path, so the directory of the copy is recognised and left out when
    // the scratch directory lies inside the project (TMPDIR in the checkout, as CI systems set).
    const fs::path source = fs::canonical(project_dir, error);
    const fs::path itself = error ? fs::path() : fs::canonical(copy.parent_path(), error);
    if (error)
    {
        return failed(copy, error);
    }
    auto it = fs::recursive_directory_iterator(source, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error))
    {
        const fs::path& from = it->path();
        const fs::path to = copy / from.lexically_relative(source);
        const auto status = it->symlink_status(error);
        if ((it.depth() == 0 && (from.filename() == ".tox" || from.filename() == ".nox")) ||
            from == itself)
        {
            it.disable_recursion_pending();
        }
        else if (fs::is_symlink(status))
        {
            fs::copy_symlink(from, to, error);
        }
        else if (fs::is_directory(status))
        {
            fs::create_directory(to, error);
        }
        else if (fs::is_regular_file(status))
        {
            fs::copy_file(from, to, error);
            if (!error)
            {
                fs::last_write_time(to, it->last_write_time(error), error);
            }
        }
        if (error)
        {
            return failed(from, error);
        }
    }
    return error ? failed(project_dir, error) : Expected<void>{};
}

// Whether a wheel member is code or data that lands in site-packages: anything but the
// .dist-info directory and the .data directory's scripts/headers/data schemes (PEP 427).
bool is_project_file(std::string_view name)
{
    const auto top = name.substr(0, name.find('/'));
    if (top.ends_with(".dist-info"))
    {
        return false;
    }
    if (top.ends_with(".data"))
    {
        const auto rest = name.substr(std::min(name.size(), top.size() + 1));
        return rest.starts_with("purelib/") || rest.starts_with("platlib/");
    }
    return true;
}

Expected<void> check_holds_project(const fs::path& project_dir, const fs::path& wheel)
{
    auto reader = PYDEB_TRY(adapters::ZipReader::open(wheel));
    while (const auto entry = PYDEB_TRY(reader.next()))
    {
        if (entry->type == adapters::ZipEntryType::file && is_project_file(entry->name))
        {
            return {};
        }
    }
    return fail(project_dir.string() + ": the wheel built from the project (" +
                wheel.filename().string() +
                ") holds none of its packages or modules, only metadata: check that the build "
                "backend finds them (setuptools: `packages`/`package_dir` in setup.cfg [options] "
                "or [tool.setuptools] in pyproject.toml; a src/ layout needs `where = src`) and "
                "that the sources are inside the project directory");
}

} // namespace

Expected<fs::path> build_project_wheel(const fs::path& project_dir,
                                       const python::InterpreterFacts& facts,
                                       const fs::path& out_dir_given)
{
    // Absolute: the backend runs in the copy, and the driver's arguments name these paths.
    const fs::path out_dir = fs::absolute(out_dir_given);
    std::error_code error;
    const fs::path wheel_dir = out_dir / "wheel";
    fs::create_directories(wheel_dir, error);
    if (error)
    {
        return fail("cannot create " + wheel_dir.string() + ": " + error.message());
    }
    // Read from the user's tree, so that an error names their file, and before the copy is made.
    auto system = spec::read_build_system(project_dir);
    if (!system)
    {
        return fail("building the wheel of " + project_dir.string() + ": " +
                    system.error().message);
    }
    const fs::path copy = out_dir / "source";
    PYDEB_TRY(copy_project(project_dir, copy));
    const fs::path driver = PYDEB_TRY(write_hook_driver(out_dir));
    const fs::path result = out_dir / "build_wheel.out";
    const auto arguments =
        hook_arguments(driver, "build_wheel", *system, copy, result, wheel_dir);
    // PEP 517: the hooks run with the project root as the working directory.
    const auto ran = PYDEB_TRY(adapters::run_process(
        facts.run_path(), arguments, {{{"PYTHONPATH", std::nullopt}}, copy}));
    if (ran.exit_code == k_backend_unavailable)
    {
        return fail("building the wheel of " + project_dir.string() + ": its build backend " +
                    system->backend + " cannot be imported by " + facts.run_path() + " (" +
                    std::string(util::trim(tail_lines(ran.standard_error, 1))) +
                    "). The project is built without an isolated environment, as pip wheel "
                    "--no-build-isolation builds it, so what its [build-system] requires (" +
                    util::join(system->requires_, ", ") +
                    ") must be installed for that interpreter (Debian: the python3-* packages)");
    }
    if (!ran.succeeded())
    {
        return fail("building the wheel of " + project_dir.string() + " failed: its build backend " +
                    system->backend + " exited " + std::to_string(ran.exit_code) +
                    " in build_wheel, run by " + facts.run_path() +
                    " (is the backend, e.g. setuptools, installed for that interpreter?); the last "
                    "lines of its output:\n" +
                    tail_lines(ran.standard_output + ran.standard_error, k_output_tail_lines));
    }
    const auto returned = PYDEB_TRY(util::read_file(result));
    const fs::path wheel = PYDEB_TRY(returned_wheel(
        returned, wheel_dir, "the wheel of " + project_dir.string(), system->backend));
    PYDEB_TRY(check_holds_project(project_dir, wheel));
    return wheel;
}

} // namespace pydeb::sdist
