#include "packaging_tools/substvars.hpp"
#include "util/files.hpp"

#include <doctest/doctest.h>

using namespace pydeb::packaging_tools;

TEST_CASE("packaging_tools::add_substvar merges as debhelper's addsubstvar")
{
    // Fixture outputs were produced by Dh_Lib::addsubstvar (debhelper 13.11) on the same input.
    const std::string before =
        "misc:Depends=\n# comment\npydeb:Depends=python3.11, libc6 (>= 2.34)\n";
    const auto merged = add_substvar(before, "pydeb:Depends", {"libpq5 (>= 14)", "python3.11"});
    REQUIRE(merged);
    CHECK(*merged ==
          "misc:Depends=\n# comment\npydeb:Depends=libc6 (>= 2.34), libpq5 (>= 14), python3.11\n");

    // Already present: the line stays as written, unsorted.
    const auto same = add_substvar("pydeb:Depends=b, a\n", "pydeb:Depends", {"a"});
    REQUIRE(same);
    CHECK(*same == "pydeb:Depends=b, a\n");

    // Missing: appended with the first value, later values merged into it.
    const auto fresh =
        add_substvar("shlibs:Depends=libc6\n", "pydeb:Depends", {"zlib1g", "libpq5"});
    REQUIRE(fresh);
    CHECK(*fresh == "shlibs:Depends=libc6\npydeb:Depends=libpq5, zlib1g\n");

    // "?=" keeps its operator; a longer name with the same prefix is another variable.
    const auto optional =
        add_substvar("pydeb:Depends?=x\npydeb:Depends2=y\n", "pydeb:Depends", {"a"});
    REQUIRE(optional);
    CHECK(*optional == "pydeb:Depends?=a, x\npydeb:Depends2=y\n");

    CHECK_FALSE(add_substvar("", "pydeb:Depends", {"a\nb"}));
}

TEST_CASE("packaging_tools::update_substvars_file keeps other variables and sets pydeb's")
{
    REQUIRE(pydeb::util::write_file_atomic("app.substvars", "misc:Depends=\npydeb:Prefix=/old\n"));
    PydebSubstvars values;
    values.depends = {"python3.11", "libpq5"};
    values.prefix = "/opt/venvs/app";
    values.interpreter = "/usr/bin/python3";
    values.bytecode = "install";
    values.purge_paths = {"/var/lib/app", "/var/cache/app"};
    REQUIRE(update_substvars_file("app.substvars", values));
    REQUIRE(update_substvars_file("app.substvars", values)); // idempotent
    const auto text = pydeb::util::read_file("app.substvars");
    REQUIRE(text);
    CHECK(*text == "misc:Depends=\n"
                   "pydeb:Depends=libpq5, python3.11\n"
                   "pydeb:Prefix?=/opt/venvs/app\n"
                   "pydeb:Interpreter?=/usr/bin/python3\n"
                   "pydeb:Bytecode?=install\n"
                   "pydeb:PurgePaths?=/var/lib/app /var/cache/app\n");
}
