#include "../elf/fixtures.hpp"
#include "depmap/host_libraries.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace pydeb;
using namespace pydeb::depmap;
namespace fs = std::filesystem;

TEST_CASE("depmap::HostLibraries follows ld.so.conf includes and checks the ELF class")
{
    const fs::path root = fs::absolute("hostroot");
    test::write_text(root / "etc/ld.so.conf", "# comment\ninclude ld.so.conf.d/*.conf\n");
    test::write_text(root / "etc/ld.so.conf.d/extra.conf", "/opt/extra/lib  # trailing comment\n");
    REQUIRE(test::compile("int x(void) { return 0; }\n", root / "opt/extra/lib/libextra.so.4",
                          "-shared -Wl,-soname,libextra.so.4"));
    const HostLibraries libraries(root);
    const auto& dirs = libraries.directories();
    CHECK(std::ranges::find(dirs, fs::path("/opt/extra/lib")) != dirs.end());

    const auto elf_class = sizeof(void*) == 8 ? elf::ElfClass::elf64 : elf::ElfClass::elf32;
    const auto other_class = sizeof(void*) == 8 ? elf::ElfClass::elf32 : elf::ElfClass::elf64;
#if defined(__x86_64__)
    const std::uint16_t machine = 62;
#elif defined(__aarch64__)
    const std::uint16_t machine = 183;
#else
    const std::uint16_t machine = 0;
#endif
    if (machine != 0)
    {
        CHECK(libraries.locate("libextra.so.4", elf_class, machine) ==
              std::optional<fs::path>("/opt/extra/lib/libextra.so.4"));
        // libstdc++.so.6 matched lib32stdc++6 and libstdc++6 alike: the class
        // and machine must match, not only the name.
        CHECK_FALSE(libraries.locate("libextra.so.4", other_class, machine));
        CHECK_FALSE(libraries.locate("libextra.so.4", elf_class, machine + 1));
        // An object's own rpath directories come first.
        REQUIRE(test::compile("int y(void) { return 1; }\n", root / "rp/libextra.so.4",
                              "-shared -Wl,-soname,libextra.so.4"));
        CHECK(libraries.locate("libextra.so.4", elf_class, machine, {"/rp"}) ==
              std::optional<fs::path>("/rp/libextra.so.4"));
    }
    CHECK_FALSE(libraries.locate("libnothere.so.1", elf_class, machine));
}

TEST_CASE("depmap::multiarch_tuple")
{
    CHECK(multiarch_tuple(elf::ElfClass::elf64, 62) == "x86_64-linux-gnu");
    CHECK(multiarch_tuple(elf::ElfClass::elf32, 3) == "i386-linux-gnu");
    CHECK(multiarch_tuple(elf::ElfClass::elf64, 183) == "aarch64-linux-gnu");
    CHECK(multiarch_tuple(elf::ElfClass::elf64, 9999).empty());
}
