// The command line (CLI11): one subcommand per pipeline entry point.
#pragma once

#include "util/expected.hpp"

namespace pydeb::cli
{

// Parses argv and runs the chosen command. Returns the exit code for usage errors and --help, or
// the command's error for main() to report.
[[nodiscard]] Expected<int> run(int argc, char** argv);

} // namespace pydeb::cli
