#include "elf/reader.hpp"
#include "fixtures.hpp"

#include <algorithm>
#include <cstring>
#include <doctest/doctest.h>
#include <elf.h>
#include <filesystem>
#include <fstream>
#include <iterator>

using namespace pydeb;
namespace fs = std::filesystem;

namespace
{

bool contains(const std::vector<std::string>& list, const std::string& item)
{
    return std::ranges::find(list, item) != list.end();
}

} // namespace

TEST_CASE("elf::read_elf_object skips non-ELF files")
{
    test::write_text("script.py", "print('hi')\n");
    auto result = elf::read_elf_object("script.py");
    REQUIRE(result);
    CHECK_FALSE(result->has_value());
}

TEST_CASE("elf::read_elf_object reports a truncated ELF file")
{
    test::write_text("broken.so", std::string("\x7f"
                                              "ELF\x02\x01\x01",
                                              7));
    auto result = elf::read_elf_object("broken.so");
    REQUIRE_FALSE(result);
    CHECK(result.error().message.find("broken.so") != std::string::npos);
}

TEST_CASE("elf::read_elf_object does not trust a .dynsym size the file does not hold")
{
    // Found by tests/fuzz/fuzz_elf.cpp: sh_size 2^60 made the reader reserve 2^56 symbols.
    REQUIRE(test::compile("int foo(void);\nint bar(void) { return foo(); }\n", "libhuge.so",
                          "-shared"));
    std::string bytes;
    {
        std::ifstream in("libhuge.so", std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    Elf64_Ehdr ehdr;
    REQUIRE(bytes.size() >= sizeof ehdr);
    std::memcpy(&ehdr, bytes.data(), sizeof ehdr);
    bool patched = false;
    for (unsigned i = 0; i < ehdr.e_shnum; ++i)
    {
        const auto at = ehdr.e_shoff + i * sizeof(Elf64_Shdr);
        Elf64_Shdr shdr;
        REQUIRE(at + sizeof shdr <= bytes.size());
        std::memcpy(&shdr, bytes.data() + at, sizeof shdr);
        if (shdr.sh_type == SHT_DYNSYM)
        {
            shdr.sh_size = Elf64_Xword{1} << 60;
            std::memcpy(bytes.data() + at, &shdr, sizeof shdr);
            patched = true;
        }
    }
    REQUIRE(patched);
    std::ofstream("libhuge.so", std::ios::binary | std::ios::trunc) << bytes;
    const auto result = elf::read_elf_object("libhuge.so"); // an answer, not an exception
    if (result && *result)
    {
        CHECK((*result)->undefined_symbols.size() < 100);
    }
}

TEST_CASE("elf::read_elf_object reads SONAME, NEEDED and RUNPATH")
{
    REQUIRE(test::compile("int foo(void) { return 1; }\n", "libfoo.so.1",
                          "-shared -Wl,-soname,libfoo.so.1"));
    REQUIRE(test::compile("int foo(void);\nint bar(void) { return foo(); }\n", "libbar.so",
                          "-shared -Wl,-soname,libbar.so.2 -L. -l:libfoo.so.1 "
                          "-Wl,-rpath,'$ORIGIN/../lib:/usr/lib/x' -Wl,--enable-new-dtags"));
    auto result = elf::read_elf_object("libbar.so");
    REQUIRE(result);
    REQUIRE(result->has_value());
    const auto& object = **result;
    CHECK(object.soname == std::optional<std::string>("libbar.so.2"));
    CHECK(contains(object.needed, "libfoo.so.1"));
    CHECK(object.rpath.empty());
    CHECK(object.runpath == std::vector<std::string>{"$ORIGIN/../lib", "/usr/lib/x"});
    CHECK(object.kind == elf::ObjectKind::shared_object);
    CHECK(object.elf_class == (sizeof(void*) == 8 ? elf::ElfClass::elf64 : elf::ElfClass::elf32));
    auto undefined = object.undefined_symbols;
    CHECK(std::ranges::any_of(undefined, [](const auto& s) { return s.name == "foo"; }));
}

TEST_CASE("elf::read_elf_object reads DT_RPATH when new dtags are off")
{
    REQUIRE(test::compile("int x(void) { return 0; }\n", "librp.so",
                          "-shared -Wl,-rpath,/opt/a -Wl,--disable-new-dtags"));
    auto result = elf::read_elf_object("librp.so");
    REQUIRE(result);
    REQUIRE(result->has_value());
    CHECK((*result)->rpath == std::vector<std::string>{"/opt/a"});
    CHECK((*result)->runpath.empty());
}

TEST_CASE("elf::read_elf_object reads symbol versions (verneed) and versioned undefined symbols")
{
    // memcpy@GLIBC_2.14 and pthread-free; glibc 2.34 moved pthread symbols into libc.
    REQUIRE(test::compile("#include <string.h>\n#include <stdio.h>\n"
                          "void* copy(void* d, const void* s, size_t n) { puts(\"x\");"
                          " return memcpy(d, s, n); }\n",
                          "libcopy.so", "-shared -O0 -fno-builtin"));
    auto result = elf::read_elf_object("libcopy.so");
    REQUIRE(result);
    REQUIRE(result->has_value());
    const auto& object = **result;
    REQUIRE(object.version_needs.contains("libc.so.6"));
    const auto& versions = object.version_needs.at("libc.so.6");
    auto memcpy_symbol = std::ranges::find(object.undefined_symbols, std::string("memcpy"),
                                           &elf::UndefinedSymbol::name);
    REQUIRE(memcpy_symbol != object.undefined_symbols.end());
    // x86-64 links memcpy@GLIBC_2.14; other machines their own first version.
    CHECK(memcpy_symbol->version.starts_with("GLIBC_2."));
    CHECK(contains(versions, memcpy_symbol->version));
    if (object.machine == 62)
    {
        CHECK(memcpy_symbol->version == "GLIBC_2.14");
    }
    CHECK(memcpy_symbol->binding == elf::Binding::global);
}

TEST_CASE("elf::read_elf_object marks executables")
{
    REQUIRE(test::compile("int main(void) { return 0; }\n", "prog", ""));
    auto result = elf::read_elf_object("prog");
    REQUIRE(result);
    REQUIRE(result->has_value());
    CHECK((*result)->kind == elf::ObjectKind::executable);
    CHECK_FALSE((*result)->soname.has_value());
}
