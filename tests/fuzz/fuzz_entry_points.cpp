// A wheel's entry_points.txt (install/scripts): console_scripts and gui_scripts become files in
// the venv's bin/. Property: every launcher name the parser accepts is one check_script_name
// accepts (nothing that would land outside bin/ or replace the interpreter).
#include "fuzz_support.hpp"
#include "install/wheel/scripts.hpp"

using namespace pydeb;
using pydeb::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto entry_points = install::parse_entry_points(fuzz::text(data, size));
    if (entry_points)
    {
        for (const auto& entry : *entry_points)
        {
            require(install::check_script_name(entry.name).has_value(),
                    "entry_points.txt: an accepted launcher name is a safe file name",
                    entry.name);
            require(!entry.module.empty(), "entry_points.txt: an accepted entry names a module",
                    entry.name);
        }
    }
    return 0;
}
