// The install stage in one call: the venv at its final prefix, the wheels installed into it in
// parallel, then bytecode, strip and the /usr/bin links. The pipeline's only entry point into
// install/.
#pragma once

#include "install/wheel_installer.hpp"
#include "python/tags.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pydeb::install
{

enum class Bytecode
{
    build,   // compile now, into the package (checked-hash .pyc with final paths)
    install, // leave it to the target's maintainer scripts: nothing is compiled here
    none,    // no bytecode at all
};

enum class Strip
{
    yes, // --strip-debug every ELF object in the venv
    no,
};

struct InstallRequest
{
    std::filesystem::path stage_root; // created if missing
    std::filesystem::path prefix;     // absolute final venv path, e.g. /opt/venvs/app
    python::InterpreterFacts interpreter;
    std::vector<std::filesystem::path> wheels;
    Bytecode bytecode = Bytecode::build;
    Strip strip = Strip::no;
    std::vector<std::string> entry_points; // linked as /usr/bin/NAME
    std::optional<std::string> prompt;     // activate prompt; default: prefix name
    unsigned workers = 0;                  // 0: hardware concurrency, at least 2
};

struct InstallReport
{
    std::vector<InstalledDistribution> distributions; // in request order
    std::vector<std::string> warnings;
};

[[nodiscard]] Expected<InstallReport> install_environment(const InstallRequest& request);

} // namespace pydeb::install
