#include "elf/reader.hpp"

#include "elf/sections.hpp"
#include "util/fd.hpp"
#include "util/files.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <gelf.h>
#include <libelf.h>
#include <map>
#include <memory>
#include <unistd.h>

namespace pydeb::elf
{

namespace
{

// One owner per C handle: the descriptor and the libelf descriptor reading it.
struct ElfEnd
{
    void operator()(Elf* elf) const { elf_end(elf); }
};
using ElfHandle = std::unique_ptr<Elf, ElfEnd>;

Error elf_error(const std::filesystem::path& path, std::string_view what)
{
    return Error{path.string() + ": " + std::string(what) + ": " + elf_errmsg(-1) +
                 " (is the file truncated? rebuild or re-download the wheel that ships it)"};
}

bool has_interpreter(Elf* elf)
{
    std::size_t count = 0;
    if (elf_getphdrnum(elf, &count) != 0)
    {
        return false;
    }
    for (std::size_t i = 0; i < count; ++i)
    {
        GElf_Phdr phdr;
        if (gelf_getphdr(elf, static_cast<int>(i), &phdr) != nullptr && phdr.p_type == PT_INTERP)
        {
            return true;
        }
    }
    return false;
}

} // namespace

Expected<std::optional<ElfObject>> read_elf_object(const std::filesystem::path& path)
{
    // Called on every staged file: one open and one 4-byte read for a file that is not ELF.
    util::Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0 || !util::has_elf_magic(fd.get()))
    {
        return std::nullopt;
    }
    // Once per process: libelf keeps the version it was told globally.
    static const bool libelf_ready = elf_version(EV_CURRENT) != EV_NONE;
    if (!libelf_ready)
    {
        return std::unexpected(elf_error(path, "libelf is too old"));
    }
    // ELF_C_READ, not ELF_C_READ_MMAP: elfutils then reads the headers and each section asked for
    // with pread, on demand. Mapping a large extension module costs page faults and, on unmapping,
    // a TLB flush on every CPU: most of the scan's time on a VM.
    ElfHandle elf(elf_begin(fd.get(), ELF_C_READ, nullptr));
    GElf_Ehdr ehdr;
    if (!elf || gelf_getehdr(elf.get(), &ehdr) == nullptr)
    {
        return std::unexpected(elf_error(path, "not a readable ELF object"));
    }
    if (ehdr.e_type != ET_EXEC && ehdr.e_type != ET_DYN)
    {
        return std::nullopt;
    }
    ElfObject object;
    object.staged_path = path;
    object.elf_class = ehdr.e_ident[EI_CLASS] == ELFCLASS32 ? ElfClass::elf32 : ElfClass::elf64;
    object.machine = ehdr.e_machine;
    object.kind = ehdr.e_type == ET_EXEC || has_interpreter(elf.get()) ? ObjectKind::executable
                                                                       : ObjectKind::shared_object;
    std::map<GElf_Half, std::string> version_by_index;
    Elf_Scn* dynsym = nullptr;
    Elf_Scn* versym = nullptr;
    bool has_hash = false;
    bool has_gnu_hash = false;
    for (Elf_Scn* scn = elf_nextscn(elf.get(), nullptr); scn != nullptr;
         scn = elf_nextscn(elf.get(), scn))
    {
        GElf_Shdr shdr;
        if (gelf_getshdr(scn, &shdr) == nullptr)
        {
            return std::unexpected(elf_error(path, "cannot read a section header"));
        }
        switch (shdr.sh_type)
        {
        case SHT_DYNAMIC:
            detail::read_dynamic(elf.get(), scn, shdr, object);
            break;
        case SHT_GNU_verneed:
            detail::read_verneed(elf.get(), scn, shdr, object, version_by_index);
            break;
        case SHT_DYNSYM:
            dynsym = scn;
            break;
        case SHT_GNU_versym:
            versym = scn;
            break;
        case SHT_HASH:
            has_hash = true;
            break;
        case SHT_GNU_HASH:
            has_gnu_hash = true;
            break;
        default:
            break;
        }
    }
    detail::read_undefined_symbols(elf.get(), dynsym, versym, version_by_index, object);
    object.gnu_hash_only = has_gnu_hash && !has_hash;
    return object;
}

} // namespace pydeb::elf
