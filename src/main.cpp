// pydeb's entry point and its one fatal path: an Error that reaches here is printed and becomes
// exit status 1. Nothing below main prints errors or exits.
#include "cli/app.hpp"
#include "util/interrupt_cleanup.hpp"

#include <exception>
#include <iostream>

int main(int argc, char** argv)
{
    // Signals remove the outputs being written, for the whole run (util/interrupt_cleanup.hpp).
    const pydeb::util::InterruptCleanup interrupt_cleanup;
    try
    {
        const pydeb::Expected<int> status = pydeb::cli::run(argc, argv);
        if (!status)
        {
            std::cerr << "pydeb: error: " << status.error().message << "\n";
            return 1;
        }
        return *status;
    }
    catch (const std::exception& e)
    {
        // A bug, not a user error: say so plainly rather than crash with a core dump.
        std::cerr << "pydeb: internal error: " << e.what() << "\n";
        return 70; // EX_SOFTWARE
    }
}
