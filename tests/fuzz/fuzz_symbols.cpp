// dpkg's symbols and shlibs files (depmap/dpkg_control_files: deb-symbols(5), deb-shlibs(5)),
// read from the target's dpkg database. Properties: a parse that keeps only some symbols keeps a
// subset of the full parse's, with the same minimum versions.
#include "depmap/dpkg_control_files.hpp"
#include "fuzz_support.hpp"

using namespace pydeb;
using pydeb::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto input = fuzz::text(data, size);
    const auto shlibs = depmap::parse_shlibs(input);
    for (const auto& entry : shlibs)
    {
        (void)depmap::lookup_shlibs(shlibs, entry.key.library + ".so." + entry.key.version);
    }
    (void)depmap::split_soname(input.substr(0, 64));

    const auto all = depmap::parse_symbols(input, "fuzz.symbols");
    depmap::SymbolNames wanted;
    wanted.insert("malloc");
    wanted.insert("free");
    const auto some = depmap::parse_symbols(input, "fuzz.symbols", &wanted);
    require(all.has_value() == some.has_value(), "symbols: a filtered parse fails alike");
    if (!all)
    {
        return 0;
    }
    require(all->objects.size() == some->objects.size(), "symbols: same libraries when filtered");
    for (std::size_t i = 0; i < all->objects.size(); ++i)
    {
        const auto& full = all->objects[i];
        const auto& kept = some->objects[i];
        require(full.soname == kept.soname && full.dependencies == kept.dependencies,
                "symbols: same library header when filtered", full.soname);
        for (const auto& [name, entry] : kept.symbols)
        {
            const auto it = full.symbols.find(name);
            require(it != full.symbols.end() && it->second.minver == entry.minver &&
                        it->second.dep_id == entry.dep_id,
                    "symbols: a kept symbol is the full parse's", name);
        }
        (void)depmap::smallest_version(full);
        (void)all->find(full.soname);
    }
    return 0;
}
