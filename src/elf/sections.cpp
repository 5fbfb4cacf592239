#include "elf/sections.hpp"

#include <algorithm>
#include <vector>

namespace pydeb::elf::detail
{

namespace
{

std::vector<std::string> split_path_list(const char* text)
{
    std::vector<std::string> out;
    std::string current;
    for (const char* c = text; *c != '\0'; ++c)
    {
        if (*c == ':')
        {
            out.push_back(current);
            current.clear();
        }
        else
        {
            current += *c;
        }
    }
    out.push_back(current);
    return out;
}

} // namespace

void read_dynamic(Elf* elf, Elf_Scn* scn, const GElf_Shdr& shdr, ElfObject& object)
{
    Elf_Data* data = elf_getdata(scn, nullptr);
    const std::size_t count = shdr.sh_entsize == 0 ? 0 : shdr.sh_size / shdr.sh_entsize;
    for (std::size_t i = 0; data != nullptr && i < count; ++i)
    {
        GElf_Dyn dyn;
        if (gelf_getdyn(data, static_cast<int>(i), &dyn) == nullptr)
        {
            break;
        }
        const auto string_at = [&](GElf_Xword offset) -> const char*
        {
            const char* s = elf_strptr(elf, shdr.sh_link, offset);
            return s == nullptr ? "" : s;
        };
        switch (dyn.d_tag)
        {
        case DT_NEEDED:
            object.needed.emplace_back(string_at(dyn.d_un.d_val));
            break;
        case DT_SONAME:
            object.soname = string_at(dyn.d_un.d_val);
            break;
        case DT_RPATH:
            object.rpath = split_path_list(string_at(dyn.d_un.d_val));
            break;
        case DT_RUNPATH:
            object.runpath = split_path_list(string_at(dyn.d_un.d_val));
            break;
        default:
            break;
        }
    }
}

// .gnu.version_r (gABI "Symbol Versioning", LSB): Elfxx_Verneed records chained by vn_next,
// each with vn_cnt Elfxx_Vernaux records chained by vna_next. vna_other is the index the
// .gnu.version array uses for symbols bound to that version.
void read_verneed(Elf* elf, Elf_Scn* scn, const GElf_Shdr& shdr, ElfObject& object,
                  std::map<GElf_Half, std::string>& version_by_index)
{
    Elf_Data* data = elf_getdata(scn, nullptr);
    int offset = 0;
    for (GElf_Word n = 0; data != nullptr && n < shdr.sh_info; ++n)
    {
        GElf_Verneed need;
        if (gelf_getverneed(data, offset, &need) == nullptr)
        {
            return;
        }
        const char* file = elf_strptr(elf, shdr.sh_link, need.vn_file);
        auto& versions = object.version_needs[file == nullptr ? "" : file];
        int aux_offset = offset + static_cast<int>(need.vn_aux);
        for (GElf_Half a = 0; a < need.vn_cnt; ++a)
        {
            GElf_Vernaux aux;
            if (gelf_getvernaux(data, aux_offset, &aux) == nullptr)
            {
                return;
            }
            const char* name = elf_strptr(elf, shdr.sh_link, aux.vna_name);
            if (name != nullptr)
            {
                versions.emplace_back(name);
                version_by_index[aux.vna_other & 0x7fff] = name;
            }
            aux_offset += static_cast<int>(aux.vna_next);
        }
        if (need.vn_next == 0)
        {
            return;
        }
        offset += static_cast<int>(need.vn_next);
    }
}

void read_undefined_symbols(Elf* elf, Elf_Scn* dynsym, Elf_Scn* versym,
                            const std::map<GElf_Half, std::string>& version_by_index,
                            ElfObject& object)
{
    GElf_Shdr shdr;
    if (dynsym == nullptr || gelf_getshdr(dynsym, &shdr) == nullptr || shdr.sh_entsize == 0)
    {
        return;
    }
    Elf_Data* symbols = elf_getdata(dynsym, nullptr);
    if (symbols == nullptr)
    {
        return;
    }
    Elf_Data* versions = versym == nullptr ? nullptr : elf_getdata(versym, nullptr);
    // The section header's size is the object's claim; the data libelf read bounds it (a corrupt
    // or hostile object may claim 2^60 symbols, and reserve() would throw).
    const std::size_t count = std::min<std::size_t>(shdr.sh_size, symbols->d_size) / shdr.sh_entsize;
    // At most one per dynamic symbol; the unused tail is never touched, so costs no page.
    object.undefined_symbols.reserve(object.undefined_symbols.size() + count);
    for (std::size_t i = 1; i < count; ++i)
    {
        GElf_Sym sym;
        if (gelf_getsym(symbols, static_cast<int>(i), &sym) == nullptr)
        {
            break;
        }
        const int bind = GELF_ST_BIND(sym.st_info);
        if (sym.st_shndx != SHN_UNDEF || (bind != STB_GLOBAL && bind != STB_WEAK))
        {
            continue;
        }
        const char* name = elf_strptr(elf, shdr.sh_link, sym.st_name);
        if (name == nullptr || *name == '\0')
        {
            continue;
        }
        UndefinedSymbol symbol{name, {}, bind == STB_WEAK ? Binding::weak : Binding::global};
        GElf_Versym index;
        if (versions != nullptr && gelf_getversym(versions, static_cast<int>(i), &index) != nullptr)
        {
            // 0 = local, 1 = global (unversioned); others name a Vernaux entry.
            if (auto it = version_by_index.find(index & 0x7fff); it != version_by_index.end())
            {
                symbol.version = it->second;
            }
        }
        object.undefined_symbols.push_back(std::move(symbol));
    }
}

} // namespace pydeb::elf::detail
