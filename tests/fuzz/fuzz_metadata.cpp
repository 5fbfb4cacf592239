// A wheel's core metadata (METADATA, RFC 822 headers): the resolver's reading (Name, Version,
// every Requires-Dist, Requires-Python, Provides-Extra; resolve/metadata) and the installer's
// (Name and Version, UTF-8 required; install/wheel_metadata).
#include "fuzz_support.hpp"
#include "install/wheel/wheel_metadata.hpp"
#include "resolve/metadata.hpp"

using namespace pydeb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto input = fuzz::text(data, size);
    (void)resolve::parse_metadata(input, "fuzz.dist-info/METADATA");
    (void)install::parse_core_metadata(input);
    return 0;
}
