#include "adapters/rpm/tags.hpp"
#include "package/rpm/dependency.hpp"

#include <doctest/doctest.h>

using namespace pydeb::package::rpm;
namespace sense = pydeb::adapters::rpm::sense;

TEST_CASE("rpm::parse_dependency reads names, operators and versions")
{
    CHECK(parse_dependency("libpq.so.5()(64bit)", Rich::refused).value() ==
          Dependency{"libpq.so.5()(64bit)", sense::any, ""});
    CHECK(parse_dependency("python(abi) = 3.11", Rich::refused).value() ==
          Dependency{"python(abi)", sense::equal, "3.11"});
    CHECK(parse_dependency("  glibc >= 2.34 ", Rich::refused).value() ==
          Dependency{"glibc", sense::greater | sense::equal, "2.34"});
    CHECK(parse_dependency("foo < 2~rc1", Rich::refused)->flags == sense::less);
    CHECK(parse_dependency("foo <= 1:2-3", Rich::refused)->flags == (sense::less | sense::equal));
    CHECK(parse_dependency("foo =< 2", Rich::refused)->flags == (sense::less | sense::equal));
    CHECK(parse_dependency("foo > 2", Rich::refused)->flags == sense::greater);
    CHECK(parse_dependency("foo => 2", Rich::refused)->flags == (sense::greater | sense::equal));
    CHECK(parse_dependency("foo == 2", Rich::refused)->flags == sense::equal);
    CHECK(parse_dependency("bundled(python3dist(requests)) = 2.31", Rich::refused).value() ==
          Dependency{"bundled(python3dist(requests))", sense::equal, "2.31"});
}

TEST_CASE("rpm::parse_dependency keeps boolean dependencies whole where rpm allows them")
{
    const auto rich = parse_dependency("(foo >= 1 with foo < 2)", Rich::allowed);
    REQUIRE(rich.has_value());
    CHECK(rich->name == "(foo >= 1 with foo < 2)");
    CHECK(rich->flags == sense::any);
    CHECK(rich->version.empty());
    CHECK(parse_dependency("(foo >= 1 with foo < 2)", Rich::refused).error().message ==
          "rpm dependency '(foo >= 1 with foo < 2)': boolean (rich) dependencies are only valid "
          "in Requires and Recommends");
}

TEST_CASE("rpm::parse_dependency rejects malformed text with the text quoted")
{
    CHECK(parse_dependency("", Rich::allowed).error().message ==
          "rpm dependency '': empty; give a name such as 'libpq.so.5()(64bit)'");
    CHECK(parse_dependency("foo ~= 1", Rich::allowed).error().message ==
          "rpm dependency 'foo ~= 1': unknown operator '~='; use one of < <= = >= >");
    CHECK(parse_dependency("foo >=", Rich::allowed).error().message ==
          "rpm dependency 'foo >=': expected 'NAME' or 'NAME OP VERSION' (OP one of < <= = >= >)");
    CHECK_FALSE(parse_dependency("foo >= 1-2-3", Rich::allowed).has_value());
    CHECK_FALSE(parse_dependency("(foo", Rich::allowed).has_value());
}

TEST_CASE("rpm::rpmlib_requires follows the features used")
{
    const auto base = rpmlib_requires({});
    REQUIRE(base.size() == 3);
    CHECK(base[0] == Dependency{"rpmlib(CompressedFileNames)",
                                sense::rpmlib | sense::less | sense::equal, "3.0.4-1"});
    Features features;
    features.zstd_payload = true;
    features.caret_in_versions = true;
    const auto more = rpmlib_requires(features);
    REQUIRE(more.size() == 5);
    CHECK(more[3].name == "rpmlib(PayloadIsZstd)");
    CHECK(more[3].version == "5.4.18-1");
    CHECK(more[4].name == "rpmlib(CaretInVersions)");
}

TEST_CASE("rpm::evr and sort_unique")
{
    CHECK(evr(0, false, "1.0", "1") == "1.0-1");
    CHECK(evr(2, true, "1.0", "1") == "2:1.0-1");
    std::vector<Dependency> deps{{"b", 0, ""}, {"a", 8, "1"}, {"b", 0, ""}, {"a", 2, "1"}};
    sort_unique(deps);
    REQUIRE(deps.size() == 3);
    CHECK(deps[0] == Dependency{"a", 2, "1"});
    CHECK(deps[1] == Dependency{"a", 8, "1"});
    CHECK(deps[2].name == "b");
}
