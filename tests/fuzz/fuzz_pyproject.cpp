// A project's pyproject.toml (spec/pyproject: toml++, then PEP 621's [project] table). Properties:
// an accepted name is a Debian package name as pydeb makes it (lower case, no '_'), and the
// scripts are sorted.
#include "fuzz_support.hpp"
#include "spec/pyproject.hpp"

#include <algorithm>

using namespace pydeb;
using pydeb::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto file = fuzz::write_input("pyproject.toml", fuzz::text(data, size));
    const auto table = spec::read_project_table(file);
    if (!table || !*table)
    {
        return 0;
    }
    if ((*table)->name)
    {
        const std::string& name = *(*table)->name;
        require(std::ranges::none_of(name, [](char c) { return c == '_' || (c >= 'A' && c <= 'Z'); }),
                "pyproject: a package name with '_' or upper case", name);
    }
    require(std::ranges::is_sorted((*table)->scripts), "pyproject: scripts not sorted");
    return 0;
}
