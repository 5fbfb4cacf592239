// resolve-driver: the resolve stage from the command line, for differential tests against pip.
//   resolve-driver [--time] [--lock FILE | --locked FILE] PYTHON WHEELHOUSE REQUIREMENT...
// Prints "name==version" lines sorted by name; on failure prints the error and exits 1.
// --lock FILE also writes the lock; --locked FILE ignores the requirements given and installs
// the lock (resolve_locked). The target facts come from running PYTHON once. --time prints the
// wall time of the resolve call alone (not the interpreter query) to stderr, for bench/.
#include "python/requirement.hpp"
#include "python/tags.hpp"
#include "resolve/lock.hpp"
#include "resolve/resolve.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace pydeb;

namespace
{

// One "key<TAB>value" per line: what install/ will later learn the same way.
constexpr const char* k_query = R"PY(
import os, platform, sys, sysconfig
v = sys.version_info
ft = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
glibc = (os.confstr("CS_GNU_LIBC_VERSION") or "").split()
out = {
  "implementation_name": sys.implementation.name,
  "major": v[0], "minor": v[1], "micro": v[2],
  "abi_tag": "cp%d%d%s" % (v[0], v[1], "t" if ft else ""),
  "platform": sysconfig.get_platform().replace("-", "_").replace(".", "_"),
  "machine": platform.machine(),
  "glibc": glibc[1] if len(glibc) == 2 and glibc[0] == "glibc" else "",
  "m.implementation_version": platform.python_version(),
  "m.os_name": os.name, "m.platform_machine": platform.machine(),
  "m.platform_python_implementation": platform.python_implementation(),
  "m.platform_release": platform.release(), "m.platform_system": platform.system(),
  "m.platform_version": platform.version(), "m.python_full_version": platform.python_version(),
  "m.python_version": "%d.%d" % (v[0], v[1]), "m.sys_platform": sys.platform,
}
for k, val in out.items():
  print("%s\t%s" % (k, val))
)PY";

python::InterpreterFacts query(const std::string& python)
{
    const std::string command = python + " -c '" + std::string(k_query) + "'";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::map<std::string, std::string> facts;
    char line[4096];
    while (pipe && fgets(line, sizeof line, pipe.get()) != nullptr)
    {
        std::string text(line);
        text.erase(text.find_last_not_of('\n') + 1);
        const auto tab = text.find('\t');
        facts[text.substr(0, tab)] = text.substr(tab + 1);
    }
    python::InterpreterFacts f;
    f.executable = python;
    f.implementation_name = facts["implementation_name"];
    f.major = std::stoi(facts.at("major"));
    f.minor = std::stoi(facts.at("minor"));
    f.micro = std::stoi(facts.at("micro"));
    f.abi_tag = facts["abi_tag"];
    f.platform = facts["platform"];
    f.machine = facts["machine"];
    if (const auto& glibc = facts["glibc"]; !glibc.empty())
    {
        const auto dot = glibc.find('.');
        f.glibc =
            python::GlibcVersion{std::stoi(glibc.substr(0, dot)), std::stoi(glibc.substr(dot + 1))};
    }
    auto& m = f.markers;
    m.implementation_name = f.implementation_name;
    m.implementation_version = facts["m.implementation_version"];
    m.os_name = facts["m.os_name"];
    m.platform_machine = facts["m.platform_machine"];
    m.platform_python_implementation = facts["m.platform_python_implementation"];
    m.platform_release = facts["m.platform_release"];
    m.platform_system = facts["m.platform_system"];
    m.platform_version = facts["m.platform_version"];
    m.python_full_version = facts["m.python_full_version"];
    m.python_version = facts["m.python_version"];
    m.sys_platform = facts["m.sys_platform"];
    return f;
}

int usage()
{
    std::cerr << "usage: resolve-driver [--time] [--lock FILE | --locked FILE] PYTHON WHEELHOUSE "
                 "REQ...\n";
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string lock_out;
    std::string lock_in;
    bool timed = false;
    if (!args.empty() && args[0] == "--time")
    {
        timed = true;
        args.erase(args.begin());
    }
    while (args.size() >= 2 && (args[0] == "--lock" || args[0] == "--locked"))
    {
        (args[0] == "--lock" ? lock_out : lock_in) = args[1];
        args.erase(args.begin(), args.begin() + 2);
    }
    if (args.size() < 2)
    {
        return usage();
    }
    resolve::ResolveRequest request;
    request.target = query(args[0]);
    request.cache = util::CacheStore::from_environment();
    request.wheelhouses = {args[1]};
    for (std::size_t i = 2; i < args.size(); ++i)
    {
        auto requirement = python::Requirement::parse(args[i]);
        if (!requirement)
        {
            std::cerr << requirement.error().message << "\n";
            return 1;
        }
        request.requirements.push_back(std::move(*requirement));
    }
    const auto start = std::chrono::steady_clock::now();
    Expected<resolve::Resolution> resolution = fail("no resolution");
    if (!lock_in.empty())
    {
        auto lock = resolve::read_lock(lock_in);
        resolution = lock ? resolve::resolve_locked(*lock, request.wheelhouses, request.target,
                                                    request.cache)
                          : Expected<resolve::Resolution>(std::unexpected(lock.error()));
    }
    else
    {
        resolution = resolve::resolve(request);
    }
    if (timed)
    {
        const auto elapsed = std::chrono::steady_clock::now() - start;
        std::cerr << "resolve: "
                  << std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count() / 1000.0
                  << " ms\n";
    }
    if (!resolution)
    {
        std::cerr << resolution.error().message << "\n";
        return 1;
    }
    for (const auto& warning : resolution->warnings)
    {
        std::cerr << "warning: " << warning << "\n";
    }
    if (!lock_out.empty())
    {
        if (auto written = resolve::write_lock(
                lock_out, resolve::make_lock(request.requirements, *resolution));
            !written)
        {
            std::cerr << written.error().message << "\n";
            return 1;
        }
    }
    for (const auto& wheel : resolution->wheels)
    {
        std::cout << wheel.name << "==" << wheel.version.to_string() << "\n";
    }
    return 0;
}
