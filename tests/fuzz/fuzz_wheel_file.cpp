// A wheel's WHEEL file (install/wheel_metadata: Wheel-Version, Root-Is-Purelib, Tag lines).
// Property: an accepted file's Tag lines are what the installer checks against the interpreter,
// so each must be one that python::Tag::parse reads or an error, never a crash.
#include "fuzz_support.hpp"
#include "install/wheel/wheel_metadata.hpp"
#include "python/tags.hpp"

using namespace pydeb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::vector<std::string> warnings;
    const auto wheel = install::parse_wheel_file(fuzz::text(data, size), warnings);
    if (wheel)
    {
        for (const auto& tag : wheel->tags)
        {
            (void)python::Tag::parse(tag);
        }
    }
    return 0;
}
