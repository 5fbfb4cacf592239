#include "install/project_wheel.hpp"

#include "adapters/process/process.hpp"

#include <map>

namespace fs = std::filesystem;

namespace pydeb::install
{

namespace
{

std::map<fs::path, fs::file_time_type> wheels_in(const fs::path& directory)
{
    std::map<fs::path, fs::file_time_type> wheels;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(directory, error))
    {
        if (entry.path().extension() == ".whl")
        {
            wheels[entry.path()] = entry.last_write_time(error);
        }
    }
    return wheels;
}

} // namespace

Expected<fs::path> build_project_wheel(const fs::path& project_dir,
                                       const python::InterpreterFacts& facts,
                                       const fs::path& out_dir)
{
    std::error_code error;
    fs::create_directories(out_dir, error);
    if (error)
    {
        return fail("cannot create " + out_dir.string() + ": " + error.message());
    }
    const auto before = wheels_in(out_dir);
    const std::vector<std::string> arguments{"-m",
                                             "pip",
                                             "wheel",
                                             "--no-deps",
                                             "--no-build-isolation",
                                             "--no-index",
                                             "--disable-pip-version-check",
                                             "-w",
                                             fs::absolute(out_dir).string(),
                                             fs::absolute(project_dir).string()};
    const auto result = PYDEB_TRY(adapters::run_process(
        facts.run_path(), arguments,
        {{{"PIP_NO_INPUT", "1"},
          // The machine's pip.conf (find-links, index URLs) must not change what gets built.
          {"PIP_CONFIG_FILE", "/dev/null"},
          {"PYTHONPATH", std::nullopt}},
         {}}));
    if (!result.succeeded())
    {
        return fail("building the wheel of " + project_dir.string() +
                    " failed: " + adapters::describe_command(facts.run_path(), arguments) +
                    " exited " + std::to_string(result.exit_code) +
                    " (is the build backend, e.g. setuptools, installed for " + facts.run_path() +
                    "?)\n" + result.standard_output + result.standard_error);
    }
    std::vector<fs::path> built;
    for (const auto& [path, time] : wheels_in(out_dir))
    {
        const auto old = before.find(path);
        if (old == before.end() || old->second != time)
        {
            built.push_back(path);
        }
    }
    if (built.size() != 1)
    {
        return fail("pip reported success but " + std::to_string(built.size()) +
                    " new wheels appeared in " + out_dir.string() + ":\n" + result.standard_output);
    }
    return built.front();
}

} // namespace pydeb::install
