// release_cpython: a target release's python3.X described without running it (tags.hpp).
#include "python/tags.hpp"
#include "util/strings.hpp"

#include <filesystem>

namespace pydeb::python
{

InterpreterFacts release_cpython(const InterpreterFacts& host, int minor, int micro,
                                 std::optional<GlibcVersion> glibc)
{
    InterpreterFacts facts = host;
    const std::string from = std::to_string(host.major) + "." + std::to_string(host.minor);
    const std::string to = std::to_string(host.major) + "." + std::to_string(minor);
    const std::string from_nodot = std::to_string(host.major) + std::to_string(host.minor);
    const std::string to_nodot = std::to_string(host.major) + std::to_string(minor);
    facts.minor = minor;
    facts.micro = micro;
    // Debian's python3.X package ships /usr/bin/python3.X beside the host's python3.Y.
    facts.executable =
        (std::filesystem::path(host.executable).parent_path() / ("python" + to)).string();
    facts.runnable.clear();
    // "cp311" → "cp39"; "cpython-311-x86_64-linux-gnu" → "cpython-39-x86_64-linux-gnu" (PEP 3149).
    facts.abi_tag = util::replace_all(host.abi_tag, "cp" + from_nodot, "cp" + to_nodot);
    facts.soabi = util::replace_all(host.soabi, "-" + from_nodot + "-", "-" + to_nodot + "-");
    facts.ext_suffix =
        util::replace_all(host.ext_suffix, "-" + from_nodot + "-", "-" + to_nodot + "-");
    facts.cache_tag = util::replace_all(host.cache_tag, "-" + from_nodot, "-" + to_nodot);
    facts.purelib = util::replace_all(host.purelib, "python" + from, "python" + to);
    facts.platlib = util::replace_all(host.platlib, "python" + from, "python" + to);
    facts.include = util::replace_all(host.include, "python" + from, "python" + to);
    facts.glibc = glibc;
    const std::string full = to + "." + std::to_string(micro);
    facts.markers.python_version = to;
    facts.markers.python_full_version = full;
    facts.markers.implementation_version = full;
    facts.source = FactsSource::release_packages;
    return facts;
}

} // namespace pydeb::python
