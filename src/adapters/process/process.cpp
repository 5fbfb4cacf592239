#include "adapters/process/process.hpp"

#include "util/strings.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/process.hpp>
#include <future>

namespace bp = boost::process;

namespace pydeb::adapters
{

namespace
{

bp::environment make_environment(const ProcessOptions& options)
{
    bp::environment environment = boost::this_process::environment();
    for (const auto& [name, value] : options.environment)
    {
        if (value)
        {
            environment[name] = *value;
        }
        else
        {
            environment.erase(name);
        }
    }
    return environment;
}

Expected<boost::filesystem::path> locate(const std::filesystem::path& program)
{
    if (program.has_parent_path())
    {
        return boost::filesystem::path(program.string());
    }
    auto found = bp::search_path(program.string());
    if (found.empty())
    {
        return fail("cannot find '" + program.string() +
                    "' on PATH; install it or give its full path");
    }
    return found;
}

} // namespace

Expected<ProcessResult> run_process(const std::filesystem::path& program,
                                    const std::vector<std::string>& arguments,
                                    const ProcessOptions& options)
{
    const auto executable = PYDEB_TRY(locate(program));
    const auto working_directory =
        options.working_directory.empty()
            ? boost::filesystem::current_path()
            : boost::filesystem::path(options.working_directory.string());
    try
    {
        boost::asio::io_context context;
        std::future<std::string> output;
        std::future<std::string> error;
        bp::child child(executable, bp::args(arguments), bp::std_in<bp::null, bp::std_out> output,
                        bp::std_err > error, make_environment(options),
                        bp::start_dir(working_directory), context);
        context.run();
        child.wait();
        return ProcessResult{child.exit_code(), output.get(), error.get()};
    }
    catch (const std::exception& exception)
    {
        return fail("cannot run " + describe_command(program, arguments) + ": " + exception.what());
    }
}

std::string describe_command(const std::filesystem::path& program,
                             const std::vector<std::string>& arguments)
{
    std::string text = util::shell_quote(program.string());
    for (const auto& argument : arguments)
    {
        text += ' ';
        text += util::shell_quote(argument);
    }
    return text;
}

} // namespace pydeb::adapters
