#include "depmap/deb_package_info.hpp"

namespace pydeb::depmap
{

Expected<PackageInfo> parse_package_info(const std::optional<std::string>& symbols,
                                         const std::optional<std::string>& shlibs,
                                         std::string_view origin, const SymbolNames* wanted)
{
    PackageInfo info;
    if (symbols)
    {
        info.symbols = PYDEB_TRY(parse_symbols(*symbols, std::string(origin) + ": symbols", wanted));
    }
    if (shlibs)
    {
        info.shlibs = parse_shlibs(*shlibs);
    }
    return info;
}

Expected<PackageInfo> load_package_info(const DpkgDatabase& database, const std::string& package,
                                        const SymbolNames* wanted)
{
    PackageInfo info;
    if (const auto file = PYDEB_TRY(database.read_control_file(package, "symbols")))
    {
        info.symbols = PYDEB_TRY(parse_symbols(file->text, file->path.string(), wanted));
    }
    if (const auto file = PYDEB_TRY(database.read_control_file(package, "shlibs")))
    {
        info.shlibs = parse_shlibs(file->text);
    }
    return info;
}

std::optional<SymbolNames> used_symbol_names(std::span<const elf::ElfObject> objects)
{
    SymbolNames names;
    for (const auto& object : objects)
    {
        for (const auto& symbol : object.undefined_symbols)
        {
            if (symbol.version.find('@') != std::string::npos)
            {
                return std::nullopt;
            }
            names.insert(symbol.name);
        }
    }
    return names;
}

} // namespace pydeb::depmap
