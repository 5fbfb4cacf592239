#include "depmap/rpm_requires.hpp"

#include <algorithm>

namespace pydeb::depmap
{

bool rpm_skips_soname(std::string_view soname)
{
    if (soname.find_first_not_of(" \t\n") == std::string_view::npos ||
        soname.find(".so") == std::string_view::npos)
    {
        return true;
    }
    for (const std::string_view prefix : {"ld.", "ld-", "ld64.", "ld64-", "lib"})
    {
        if (soname.starts_with(prefix))
        {
            return false;
        }
    }
    return true;
}

std::string rpm_soname_dependency(std::string_view soname, std::string_view version,
                                  elf::ElfClass elf_class, std::uint16_t machine)
{
    constexpr std::uint16_t k_em_alpha = 41;
    constexpr std::uint16_t k_em_fake_alpha = 0x9026;
    const bool marked =
        elf_class == elf::ElfClass::elf64 && machine != k_em_alpha && machine != k_em_fake_alpha;
    if (version.empty() && !marked)
    {
        return std::string(soname);
    }
    return std::string(soname) + "(" + std::string(version) + ")" + (marked ? "(64bit)" : "");
}

std::vector<std::string> rpm_requires_for(const elf::ElfObject& object,
                                          const std::set<std::string>& bundled)
{
    std::vector<std::string> out;
    for (const auto& soname : object.needed)
    {
        if (!bundled.contains(soname) && !rpm_skips_soname(soname))
        {
            out.push_back(rpm_soname_dependency(soname, "", object.elf_class, object.machine));
        }
    }
    for (const auto& [soname, versions] : object.version_needs)
    {
        if (bundled.contains(soname) || rpm_skips_soname(soname))
        {
            continue;
        }
        for (const auto& version : versions)
        {
            out.push_back(rpm_soname_dependency(soname, version, object.elf_class, object.machine));
        }
    }
    std::ranges::sort(out);
    out.erase(std::ranges::unique(out).begin(), out.end());
    return out;
}

} // namespace pydeb::depmap
