// pydeb.yaml (spec/load: yaml-cpp, then pydeb's validation of every key), loaded as `pydeb build`
// (header keys required) and as dh_pydeb / %pydeb_install (optional, with defaults) load it.
#include "fuzz_support.hpp"
#include "spec/load.hpp"

using namespace pydeb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto file = fuzz::write_input("pydeb.yaml", fuzz::text(data, size));
    (void)spec::load(file);
    spec::Defaults defaults;
    defaults.name = "fuzz";
    defaults.version = "1.0";
    defaults.header_keys = spec::HeaderKeys::optional;
    (void)spec::load(file, defaults);
    return 0;
}
