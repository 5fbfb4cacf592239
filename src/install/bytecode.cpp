#include "install/bytecode.hpp"

#include "adapters/process/process.hpp"
#include "util/files.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <set>

namespace fs = std::filesystem;

namespace pydeb::install
{

namespace
{

constexpr std::string_view k_driver =
#include "install/compile_driver.py.inc"
    ;

// compileall's _walk_dir: sorted names, __pycache__ skipped, symlinked directories not entered,
// and compile_file's test: a regular file (after symlinks) whose name ends in ".py".
void walk(const fs::path& directory, const fs::path& final_directory, std::vector<CompileJob>& jobs)
{
    std::error_code error;
    std::vector<fs::path> names;
    for (const auto& entry : fs::directory_iterator(directory, error))
    {
        names.push_back(entry.path().filename());
    }
    std::ranges::sort(names);
    for (const auto& name : names)
    {
        if (name == "__pycache__")
        {
            continue;
        }
        const auto path = directory / name;
        const auto status = fs::status(path, error);
        if (fs::is_directory(status))
        {
            if (!fs::is_symlink(fs::symlink_status(path, error)))
            {
                walk(path, final_directory / name, jobs);
            }
        }
        else if (fs::is_regular_file(status) && name.string().ends_with(".py"))
        {
            jobs.push_back({path, final_directory / name});
        }
    }
}

Expected<std::vector<CompileFailure>> parse_failures(std::string_view output, std::size_t jobs)
{
    std::vector<CompileFailure> failures;
    const auto fields = util::split(output, '\0');
    for (std::size_t i = 0; i + 1 < fields.size(); i += 2)
    {
        CompileFailure failure;
        const auto& index = fields[i];
        const auto [end, error] =
            std::from_chars(index.data(), index.data() + index.size(), failure.job);
        if (error != std::errc{} || end != index.data() + index.size() || failure.job >= jobs)
        {
            return fail("the byte-compiler printed an unexpected line: " + index);
        }
        failure.message = fields[i + 1];
        failures.push_back(std::move(failure));
    }
    return failures;
}

} // namespace

std::vector<CompileJob> python_sources_in(const fs::path& directory,
                                          const fs::path& final_directory)
{
    std::vector<CompileJob> jobs;
    walk(directory, final_directory, jobs);
    return jobs;
}

std::vector<CompileJob> python_sources(const Layout& layout)
{
    std::vector<CompileJob> jobs;
    for (const auto& root : std::set<std::string>{layout.purelib, layout.platlib})
    {
        walk(layout.in_stage(root), layout.final_path(root), jobs);
    }
    return jobs;
}

Expected<std::vector<CompileFailure>> compile_bytecode(const python::InterpreterFacts& facts,
                                                       const std::vector<CompileJob>& jobs,
                                                       unsigned workers)
{
    if (jobs.empty())
    {
        return std::vector<CompileFailure>{};
    }
    std::string list;
    for (const auto& job : jobs)
    {
        list += job.source.string() + '\0' + job.final_path.string() + '\0';
    }
    const auto scratch = PYDEB_TRY(util::TempDir::create("pydeb-compile"));
    const auto list_file = scratch.path() / "jobs";
    {
        std::ofstream out(list_file, std::ios::binary);
        out.write(list.data(), static_cast<std::streamsize>(list.size()));
        if (!out.flush())
        {
            return fail("cannot write the byte-compiler's job list " + list_file.string());
        }
    }
    const std::vector<std::string> arguments{"-I", "-c", std::string(k_driver), list_file.string(),
                                             std::to_string(workers)};
    const auto result = PYDEB_TRY(adapters::run_process(facts.run_path(), arguments));
    if (!result.succeeded())
    {
        return fail("byte-compiling " + std::to_string(jobs.size()) + " files with " +
                    facts.run_path() + " failed (exit " + std::to_string(result.exit_code) +
                    "):\n" + result.standard_error);
    }
    return parse_failures(result.standard_output, jobs.size());
}

std::string describe_compile_failure(const CompileJob& job, const CompileFailure& failure)
{
    auto message = failure.message;
    while (!message.empty() && message.back() == '\n')
    {
        message.pop_back();
    }
    return job.final_path.string() + " could not be byte-compiled (it is left as source only):\n" +
           message;
}

std::string_view compile_driver_source()
{
    return k_driver;
}

} // namespace pydeb::install
