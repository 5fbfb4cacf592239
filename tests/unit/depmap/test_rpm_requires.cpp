#include "depmap/rpm_requires.hpp"

#include <doctest/doctest.h>

using namespace pydeb;
using namespace pydeb::depmap;

TEST_CASE("depmap::rpm_soname_dependency writes elfdeps' form")
{
    CHECK(rpm_soname_dependency("libpq.so.5", "", elf::ElfClass::elf64, 62) ==
          "libpq.so.5()(64bit)");
    CHECK(rpm_soname_dependency("libc.so.6", "GLIBC_2.34", elf::ElfClass::elf64, 62) ==
          "libc.so.6(GLIBC_2.34)(64bit)");
    CHECK(rpm_soname_dependency("libc.so.6", "GLIBC_2.0", elf::ElfClass::elf32, 3) ==
          "libc.so.6(GLIBC_2.0)");
    CHECK(rpm_soname_dependency("libfoo.so.1", "", elf::ElfClass::elf32, 3) == "libfoo.so.1");
    CHECK(rpm_soname_dependency("libfoo.so.1", "", elf::ElfClass::elf64, 41) ==
          "libfoo.so.1"); // alpha
}

TEST_CASE("depmap::rpm_skips_soname keeps lib* and ld* shared objects only")
{
    CHECK_FALSE(rpm_skips_soname("libz.so.1"));
    CHECK_FALSE(rpm_skips_soname("ld-linux-x86-64.so.2"));
    CHECK(rpm_skips_soname("foo.so.1"));
    CHECK(rpm_skips_soname("libfoo.a"));
    CHECK(rpm_skips_soname("  "));
}

TEST_CASE("depmap::rpm_requires_for leaves bundled sonames out")
{
    elf::ElfObject object;
    object.needed = {"libvend.so.1", "libz.so.1", "libc.so.6", "weird.so"};
    object.version_needs = {{"libc.so.6", {"GLIBC_2.2.5", "GLIBC_2.34"}}, {"libvend.so.1", {"V1"}}};
    CHECK(rpm_requires_for(object, {"libvend.so.1"}) ==
          std::vector<std::string>{"libc.so.6()(64bit)", "libc.so.6(GLIBC_2.2.5)(64bit)",
                                   "libc.so.6(GLIBC_2.34)(64bit)", "libz.so.1()(64bit)"});
}
