// PEP 508 requirements and environment markers (python/requirement, python/marker), as they come
// from specs, requirements files and every Requires-Dist of a wheel's METADATA. Properties: a
// requirement's text parses back to an equal requirement; a marker's canonical form parses back
// to the same form and evaluates the same.
#include "fuzz_support.hpp"
#include "python/marker.hpp"
#include "python/requirement.hpp"

using namespace pydeb;
using pydeb::fuzz::require;

namespace
{

python::MarkerEnvironment cpython311()
{
    python::MarkerEnvironment env;
    env.implementation_name = "cpython";
    env.implementation_version = "3.11.2";
    env.os_name = "posix";
    env.platform_machine = "x86_64";
    env.platform_python_implementation = "CPython";
    env.platform_release = "6.1.0-18-amd64";
    env.platform_system = "Linux";
    env.platform_version = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)";
    env.python_full_version = "3.11.2";
    env.python_version = "3.11";
    env.sys_platform = "linux";
    return env;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const auto env = cpython311();
    const auto input = fuzz::text(data, size);
    if (const auto requirement = python::Requirement::parse(input))
    {
        const auto written = requirement->to_string();
        const auto again = python::Requirement::parse(written);
        require(again && *again == *requirement, "Requirement: its text parses back equal",
                written);
        (void)requirement->normalized_name();
        if (requirement->marker)
        {
            (void)requirement->marker->evaluate(env, requirement->extras);
        }
    }
    if (const auto marker = python::Marker::parse(input))
    {
        const auto canonical = marker->to_string();
        const auto again = python::Marker::parse(canonical);
        require(again && again->to_string() == canonical,
                "Marker: the canonical form parses back to itself", canonical);
        for (const std::set<std::string>& extras :
             {std::set<std::string>{}, std::set<std::string>{"socks", "test"}})
        {
            require(again->evaluate(env, extras) == marker->evaluate(env, extras),
                    "Marker: the canonical form evaluates the same", canonical);
        }
        (void)marker->mentions_extra();
    }
    return 0;
}
