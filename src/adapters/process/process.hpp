// Run a program and capture what it says: the only Boost.Process user in pydeb (ARCHITECTURE.md,
// adapters/). Callers get a value with the exit code and both streams; a program that cannot be
// started at all is an Error, a program that ran and failed is a ProcessResult with exit_code != 0.
#pragma once

#include "util/expected.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pydeb::adapters
{

struct ProcessOptions
{
    // Changes to the inherited environment: a value sets the variable, nullopt removes it.
    std::vector<std::pair<std::string, std::optional<std::string>>> environment;
    // Working directory; empty = the caller's.
    std::filesystem::path working_directory;
};

struct ProcessResult
{
    int exit_code = -1;
    std::string standard_output;
    std::string standard_error;

    [[nodiscard]] bool succeeded() const { return exit_code == 0; }
};

// Start `program` (an absolute path, or a name looked up on PATH) with `arguments` and wait for
// it. stdin is /dev/null; stdout and stderr are read concurrently so neither pipe can fill up
// and block the child.
[[nodiscard]] Expected<ProcessResult> run_process(const std::filesystem::path& program,
                                                  const std::vector<std::string>& arguments,
                                                  const ProcessOptions& options = {});

// One line for error messages: the program and its arguments, shell-quoted.
[[nodiscard]] std::string describe_command(const std::filesystem::path& program,
                                           const std::vector<std::string>& arguments);

} // namespace pydeb::adapters
