// ELF objects (elf/reader: libelf plus pydeb's own walk of .dynamic, .gnu.version_r, .dynsym and
// .gnu.version): every staged file of a wheel goes through it, so a hostile wheel's .so is input.
#include "elf/reader.hpp"
#include "fuzz_support.hpp"

using namespace pydeb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = fuzz::write_input("object.so", fuzz::text(data, size));
    (void)elf::read_elf_object(path);
    return 0;
}
