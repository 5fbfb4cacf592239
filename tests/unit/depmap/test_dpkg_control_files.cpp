#include "depmap/dpkg_control_files.hpp"

#include <doctest/doctest.h>

using namespace pydeb::depmap;

TEST_CASE("depmap::split_soname matches Dpkg::Shlibs")
{
    CHECK(split_soname("libz.so.1") == std::optional<ShlibsKey>({"libz", "1"}));
    CHECK(split_soname("libfoo.so.1.2") == std::optional<ShlibsKey>({"libfoo", "1.2"}));
    CHECK(split_soname("libdb-5.3.so") == std::optional<ShlibsKey>({"libdb", "5.3"}));
    CHECK_FALSE(split_soname("libfoo.so"));
}

TEST_CASE("depmap::parse_shlibs and lookup_shlibs skip udeb lines")
{
    const auto entries = parse_shlibs("# comment\n"
                                      "udeb: libz 1 zlib1g-udeb (>= 1:1.2.3.3.dfsg-1)\n"
                                      "libz 1 zlib1g (>= 1:1.2.3.3.dfsg-1)\n"
                                      "libblas 3 libblas3 | libblas.so.3\n");
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].type == "udeb");
    CHECK(lookup_shlibs(entries, "libz.so.1") ==
          std::optional<std::string>("zlib1g (>= 1:1.2.3.3.dfsg-1)"));
    CHECK(lookup_shlibs(entries, "libblas.so.3") ==
          std::optional<std::string>("libblas3 | libblas.so.3"));
    CHECK_FALSE(lookup_shlibs(entries, "libz.so.2"));
}

TEST_CASE("depmap::parse_symbols reads objects, alternatives, fields, tags and dep ids")
{
    const auto file = parse_symbols("ld-linux-x86-64.so.2 libc6 #MINVER#\n"
                                    "| libc6 (>> 2.36), libc6 (<< 2.37)\n"
                                    " GLIBC_2.3@GLIBC_2.3 2.3\n"
                                    " GLIBC_PRIVATE@GLIBC_PRIVATE 0 1\n"
                                    "libfoo.so.1 libfoo1 #MINVER#\n"
                                    "* Build-Depends-Package: libfoo-dev\n"
                                    "#MISSING: 1.0# old@Base 0.9\n"
                                    " (optional)foo_new@Base 1.2\n"
                                    " (c++)\"foo::bar()@Base\" 1.0\n"
                                    " foo_old@Base 1.0\n",
                                    "t.symbols");
    REQUIRE(file);
    REQUIRE(file->objects.size() == 2);
    const auto* ld = file->find("ld-linux-x86-64.so.2");
    REQUIRE(ld != nullptr);
    CHECK(ld->dependencies ==
          std::vector<std::string>{"libc6 #MINVER#", "libc6 (>> 2.36), libc6 (<< 2.37)"});
    CHECK(ld->symbols.at("GLIBC_PRIVATE@GLIBC_PRIVATE").dep_id == 1);
    CHECK(smallest_version(*ld) == "2.3");
    const auto* foo = file->find("libfoo.so.1");
    REQUIRE(foo != nullptr);
    CHECK(foo->fields.at("Build-Depends-Package") == "libfoo-dev");
    CHECK(foo->symbols.size() == 2); // the c++ pattern is skipped
    CHECK(foo->symbols.at("foo_new@Base").minver == "1.2");
    CHECK(smallest_version(*foo) == "1.0");
    CHECK(file->find("libbar.so.1") == nullptr);
}

TEST_CASE("depmap::parse_symbols reports a symbol before any library with its line")
{
    const auto file = parse_symbols("# header\n foo@Base 1.0\n", "x.symbols");
    REQUIRE_FALSE(file);
    CHECK(file.error().message.starts_with("x.symbols:2: "));
}

TEST_CASE("depmap::parse_symbols keeps the wanted symbols, and the smallest minver of all")
{
    const std::string text = "libw.so.1 libw1 #MINVER#\n"
                             " used@Base 1.5\n"
                             " unused@W_1 1.0\n"
                             " used@W_2 2.0\n";
    SymbolNames wanted;
    wanted.insert("used");
    const auto file = parse_symbols(text, "w.symbols", &wanted);
    REQUIRE(file);
    const auto& object = file->objects.at(0);
    CHECK(object.symbols.contains("used@Base"));
    CHECK(object.symbols.contains("used@W_2"));
    CHECK(smallest_version(object) == "1.0"); // from a symbol that was not kept
    CHECK(wanted.may_contain("used"));
}

TEST_CASE("depmap::smallest_version counts a symbol listed twice by its last line")
{
    // a@Base's 0.5 is replaced by 3.0 (and moved to template 1): the smallest is b's 1.0.
    const auto file = parse_symbols("libd.so.1 libd1 #MINVER#\n"
                                    "| libd1-alt\n"
                                    " a@Base 0.5\n"
                                    " b@Base 1.0\n"
                                    " a@Base 3.0 1\n",
                                    "d.symbols");
    REQUIRE(file);
    CHECK(smallest_version(file->objects[0]) == "1.0");
    CHECK(smallest_version(file->objects[0], 1) == "3.0");
    CHECK(smallest_version(file->objects[0], 2).empty());
}

TEST_CASE("depmap::smallest_version: of equal versions, the first symbol by name gives the text")
{
    // 1.0 and 1.00 are the same version; dpkg-shlibdeps walks symbols by name.
    const auto file = parse_symbols("libe.so.1 libe1 #MINVER#\n"
                                    " zz@Base 1.0\n"
                                    " aa@Base 1.00\n"
                                    " mm@Base 2\n",
                                    "e.symbols");
    REQUIRE(file);
    CHECK(smallest_version(file->objects[0]) == "1.00");
}

TEST_CASE("depmap::parse_shlibs matches dpkg-shlibdeps' line pattern exactly")
{
    // A typed line, a type-like library name when the typed reading fails, a dependency that is
    // one character (the pattern wants two), a carriage return inside the dependency.
    const auto entries = parse_shlibs("  udeb:\tlibz 1 zlib1g-udeb\r\n"
                                      "libx: 1 libx1 | libx-alt\n"
                                      "liby 2 y\n"
                                      "libw 3 a\rb\n"
                                      "libv 4\n"
                                      "# libc 6 comment\n");
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].type == "udeb");
    CHECK(entries[0].dependency == "zlib1g-udeb");
    CHECK(entries[1].type == "libx");
    CHECK(entries[1].key == ShlibsKey{"1", "libx1"});
    CHECK(entries[1].dependency == "| libx-alt");
    CHECK(entries[2].key == ShlibsKey{"libv", "4"});
    CHECK(entries[2].dependency.empty());
}

TEST_CASE("depmap::split_soname takes the last .so. and the last -digit")
{
    CHECK(split_soname("libfoo.so.so.2") == std::optional<ShlibsKey>({"libfoo.so", "2"}));
    CHECK(split_soname("libfoo.so.") == std::optional<ShlibsKey>({"libfoo", ""}));
    CHECK(split_soname("libdb-5-3.so") == std::optional<ShlibsKey>({"libdb-5", "3"}));
    CHECK(split_soname("libdb-x-5.3.so") == std::optional<ShlibsKey>({"libdb-x", "5.3"}));
    CHECK_FALSE(split_soname("libdb-.so"));
    CHECK_FALSE(split_soname("lib\nfoo.so.1"));
}
