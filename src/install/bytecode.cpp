#include "install/bytecode.hpp"

#include "adapters/process/process.hpp"

namespace pydeb::install
{

Expected<void> compile_bytecode(const Layout& layout, const python::InterpreterFacts& facts,
                                std::vector<std::string>& warnings)
{
    std::vector<std::string> arguments{"-I", "-m", "compileall", "-q", "-f", "-j0",
                                       "--invalidation-mode", "checked-hash",
                                       // strip the stage, prepend "/": STAGE/opt/x -> /opt/x
                                       "-s", layout.stage_root.string(), "-p", "/"};
    arguments.push_back(layout.in_stage(layout.purelib).string());
    if (layout.platlib != layout.purelib)
    {
        arguments.push_back(layout.in_stage(layout.platlib).string());
    }
    const auto result = PYDEB_TRY(adapters::run_process(facts.executable, arguments));
    if (result.exit_code == 1)
    {
        // compileall exits 1 when some file did not compile; -q still prints those errors.
        warnings.push_back("some files could not be byte-compiled (left as source only):\n" +
                           result.standard_output + result.standard_error);
        return {};
    }
    if (!result.succeeded())
    {
        return fail("byte-compiling " + layout.in_stage(layout.purelib).string() +
                    " failed: " + adapters::describe_command(facts.executable, arguments) +
                    " exited " + std::to_string(result.exit_code) + ":\n" + result.standard_output +
                    result.standard_error);
    }
    return {};
}

} // namespace pydeb::install
