// PEP 440 versions and specifiers, wheel file names (PEP 427) and compressed tag sets (PEP 425),
// as python/ parses them from wheel names, METADATA and specs. Properties: a version's canonical
// form parses back to an equal version; a specifier set's text parses back to an equal set;
// "==V" contains V; a wheel file name's canonical form parses back to the same name.
#include "fuzz_support.hpp"
#include "python/specifier.hpp"
#include "python/tags.hpp"
#include "python/version.hpp"
#include "python/wheel_filename.hpp"

using namespace pydeb;
using pydeb::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto input = fuzz::text(data, size);
    if (const auto version = python::Version::parse(input))
    {
        const auto canonical = version->to_string();
        const auto again = python::Version::parse(canonical);
        require(again && *again == *version, "Version: the canonical form parses back equal",
                canonical);
        const auto exact = python::Specifier::parse("==" + canonical);
        require(exact && exact->contains(*version), "Specifier: ==V contains V", canonical);
        (void)version->local_string();
    }
    if (const auto set = python::SpecifierSet::parse(input))
    {
        const auto written = set->to_string();
        const auto again = python::SpecifierSet::parse(written);
        require(again && *again == *set, "SpecifierSet: its text parses back equal", written);
        for (const char* candidate : {"0", "1.0", "1.0a1", "1!2.0.post1.dev3+local.7", "3.11.2"})
        {
            const auto version = python::Version::parse(candidate);
            require(version.has_value(), "a valid version parses", candidate);
            (void)set->contains(*version, python::PreReleases::exclude);
            (void)set->contains(*version, python::PreReleases::allow);
        }
    }
    if (const auto wheel = python::WheelFilename::parse(input))
    {
        const auto canonical = wheel->to_string();
        const auto again = python::WheelFilename::parse(canonical);
        require(again && again->normalized_name() == wheel->normalized_name() &&
                    again->version == wheel->version && again->build == wheel->build &&
                    again->tags() == wheel->tags(),
                "WheelFilename: the canonical form parses back to the same wheel", canonical);
    }
    (void)python::Tag::parse(input);
    return 0;
}
