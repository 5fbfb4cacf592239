// Test driver for the install stage (tests/integration/install/*.sh):
//   install-driver [--bytecode build|install|none] [--strip] [--link NAME]... [--workers N]
//                  [--cache DIR [--copy]] STAGE PREFIX PYTHON WHEEL...
// (--cache: the installed-wheel cache directory, placed by hard links, or copies with --copy)
//   install-driver --build-project PROJECT OUTDIR PYTHON
//   install-driver --facts PYTHON
// Prints "installed NAME VERSION WHEEL" and "warning: ..." lines; errors go to stderr, exit 1.
#include "install/install_stage.hpp"
#include "install/interpreter.hpp"
#include "sdist/project_wheel.hpp"

#include <iostream>
#include <string>
#include <vector>

using namespace pydeb;

namespace
{

int report(const Error& error)
{
    std::cerr << "error: " << error.message << "\n";
    return 1;
}

int print_facts(const std::string& python)
{
    const auto facts = install::query_interpreter(python, util::CacheStore::from_environment());
    if (!facts)
    {
        return report(facts.error());
    }
    std::cout << "executable=" << facts->executable << "\nversion=" << facts->python_version()
              << "\nabi_tag=" << facts->abi_tag << "\nplatform=" << facts->platform
              << "\npurelib=" << facts->purelib << "\n";
    for (const auto& tag : python::compatible_tags(*facts))
    {
        std::cout << "tag=" << tag.to_string() << "\n";
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 2 && args[0] == "--facts")
    {
        return print_facts(args[1]);
    }
    if (args.size() == 4 && args[0] == "--build-project")
    {
        const auto facts = install::query_interpreter(args[3], util::CacheStore::from_environment());
        if (!facts)
        {
            return report(facts.error());
        }
        const auto wheel = sdist::build_project_wheel(args[1], *facts, args[2]);
        if (!wheel)
        {
            return report(wheel.error());
        }
        std::cout << wheel->string() << "\n";
        return 0;
    }
    install::InstallRequest request;
    bool copy = false;
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i)
    {
        const auto& arg = args[i];
        if (arg == "--bytecode" && i + 1 < args.size())
        {
            const auto& value = args[++i];
            request.bytecode = value == "build"     ? install::Bytecode::build
                               : value == "install" ? install::Bytecode::install
                                                    : install::Bytecode::none;
        }
        else if (arg == "--strip")
        {
            request.strip = install::Strip::yes;
        }
        else if (arg == "--link" && i + 1 < args.size())
        {
            request.entry_points.push_back(args[++i]);
        }
        else if (arg == "--cache" && i + 1 < args.size())
        {
            request.cache = args[++i];
            request.link_mode = install::LinkMode::hardlink;
        }
        else if (arg == "--copy")
        {
            copy = true;
        }
        else if (arg == "--workers" && i + 1 < args.size())
        {
            request.workers = static_cast<unsigned>(std::stoul(args[++i]));
        }
        else
        {
            positional.push_back(arg);
        }
    }
    if (positional.size() < 3)
    {
        std::cerr << "usage: install-driver [--bytecode build|install|none] [--strip] "
                     "[--link NAME]... [--cache DIR [--copy]] STAGE PREFIX PYTHON WHEEL...\n";
        return 2;
    }
    request.stage_root = positional[0];
    request.prefix = positional[1];
    const auto facts = install::query_interpreter(positional[2], util::CacheStore::from_environment());
    if (!facts)
    {
        return report(facts.error());
    }
    request.interpreter = *facts;
    if (copy)
    {
        request.link_mode = install::LinkMode::copy;
    }
    for (auto it = positional.begin() + 3; it != positional.end(); ++it)
    {
        request.wheels.push_back({*it, {}});
    }
    const auto result = install::install_stage(request);
    if (!result)
    {
        return report(result.error());
    }
    for (const auto& warning : result->warnings)
    {
        std::cout << "warning: " << warning << "\n";
    }
    for (const auto& distribution : result->distributions)
    {
        std::cout << "installed " << distribution.name << " " << distribution.version << " "
                  << distribution.wheel.string() << "\n";
    }
    return 0;
}
