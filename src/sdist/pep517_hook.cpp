#include "sdist/pep517_hook.hpp"

#include "templates/templates.hpp"
#include "util/files.hpp"
#include "util/strings.hpp"

namespace fs = std::filesystem;

namespace pydeb::sdist
{

Expected<fs::path> write_hook_driver(const fs::path& directory)
{
    const auto text = templates::get("sdist/build_hook.py");
    if (!text)
    {
        return fail("internal error: the template sdist/build_hook.py is missing");
    }
    const fs::path driver = directory / "build_hook.py";
    PYDEB_TRY(util::write_file_atomic(driver, *text));
    return driver;
}

std::vector<std::string> hook_arguments(const fs::path& driver, std::string_view hook,
                                        const spec::BuildSystem& system, const fs::path& project,
                                        const fs::path& result_file, const fs::path& wheel_dir)
{
    std::vector<std::string> arguments{driver.string(), std::string(hook), system.backend,
                                       result_file.string(), wheel_dir.string()};
    for (const std::string& path : system.backend_path)
    {
        arguments.push_back((project / path).lexically_normal().string());
    }
    return arguments;
}

Expected<fs::path> returned_wheel(std::string_view result, const fs::path& wheel_dir,
                                  const std::string& where, const std::string& backend)
{
    const std::string built(util::trim(result));
    std::error_code error;
    if (built.empty() || built.find('/') != std::string::npos ||
        !fs::is_regular_file(wheel_dir / built, error))
    {
        return fail("building " + where + ": the backend " + backend + " returned '" + built +
                    "', which is no wheel it wrote into " + wheel_dir.string());
    }
    return wheel_dir / built;
}

std::string tail_lines(std::string_view output, std::size_t lines)
{
    while (output.ends_with('\n'))
    {
        output.remove_suffix(1);
    }
    std::size_t start = output.size();
    for (std::size_t seen = 0; start > 0; --start)
    {
        if (output[start - 1] == '\n' && ++seen == lines)
        {
            break;
        }
    }
    return std::string(output.substr(start));
}

} // namespace pydeb::sdist
