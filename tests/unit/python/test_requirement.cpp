#include "python/requirement.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace pydeb::python;

namespace
{

Requirement req(std::string_view text)
{
    auto r = Requirement::parse(text);
    REQUIRE_MESSAGE(r.has_value(), (std::string(text) + ": " +
                                    (r.has_value() ? std::string() : r.error().message)));
    return *r;
}

} // namespace

TEST_CASE("python::Requirement parses the PEP 508 examples")
{
    // The "Examples" section of PEP 508; to_string matches packaging's str(Requirement).
    CHECK(req("A").to_string() == "A");
    CHECK(req("A.B-C_D").to_string() == "A.B-C_D");
    CHECK(req("A.B-C_D").normalized_name() == "a-b-c-d");
    CHECK(req("aa").to_string() == "aa");
    CHECK(req("name").to_string() == "name");
    CHECK(req("name<=1").to_string() == "name<=1");
    CHECK(req("name>=3").to_string() == "name>=3");
    CHECK(req("name>=3,<2").to_string() == "name<2,>=3");
    CHECK(req("name@http://foo.com").to_string() == "name@ http://foo.com");
    CHECK(req("name [fred,bar] @ http://foo.com ; python_version=='2.7'").to_string() ==
          "name[bar,fred]@ http://foo.com ; python_version == \"2.7\"");
    CHECK(req("name[quux, strange];python_version<'2.7' and platform_version=='2'").to_string() ==
          "name[quux,strange]; python_version < \"2.7\" and platform_version == \"2\"");
    CHECK(req("name; os_name=='a' or os_name=='b'").to_string() ==
          "name; os_name == \"a\" or os_name == \"b\"");
    CHECK(req("name; os_name=='a' and os_name=='b' or os_name=='c'").to_string() ==
          "name; os_name == \"a\" and os_name == \"b\" or os_name == \"c\"");
    CHECK(req("name; os_name=='a' and (os_name=='b' or os_name=='c')").to_string() ==
          "name; os_name == \"a\" and (os_name == \"b\" or os_name == \"c\")");
    CHECK(req("name; os_name=='a' or os_name=='b' and os_name=='c'").to_string() ==
          "name; os_name == \"a\" or os_name == \"b\" and os_name == \"c\"");
    CHECK(req("name; (os_name=='a' or os_name=='b') and os_name=='c'").to_string() ==
          "name; (os_name == \"a\" or os_name == \"b\") and os_name == \"c\"");
}

TEST_CASE("python::Requirement fields")
{
    const Requirement r = req("  Requests[Security, SOCKS] (>=2.8.1, ==2.8.*) ; python_version < "
                              "\"2.7\"");
    CHECK(r.name == "Requests");
    CHECK(r.normalized_name() == "requests");
    CHECK(r.extras == std::set<std::string>{"security", "socks"});
    CHECK(r.specifier.to_string() == "==2.8.*,>=2.8.1");
    CHECK_FALSE(r.url.has_value());
    REQUIRE(r.marker.has_value());
    CHECK(r.marker->to_string() == "python_version < \"2.7\"");
    CHECK(r.to_string() == "Requests[security,socks]==2.8.*,>=2.8.1; python_version < \"2.7\"");

    const Requirement u = req("pip @ https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee");
    CHECK(u.url == "https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee");
    CHECK(u.specifier.empty());
    CHECK_FALSE(u.marker.has_value());
}

TEST_CASE("python::Requirement tricky spellings")
{
    CHECK(req("name[]").to_string() == "name");
    CHECK(req("name [ a , b ] >= 1.0 , < 2").to_string() == "name[a,b]<2,>=1.0");
    CHECK(req("name(>=1.0)").to_string() == "name>=1.0");
    CHECK(req("name ( >=1.0 )").to_string() == "name>=1.0");
    CHECK(req("name==1.0;python_version>='3'").to_string() == "name==1.0; python_version >= \"3\"");
    CHECK(req("name ;python_version>='3'").to_string() == "name; python_version >= \"3\"");
    CHECK(req("name===foo").to_string() == "name===foo");
    CHECK(req("name>=1.0-1").to_string() == "name>=1.0-1");
    CHECK(req("name>=1.0,").to_string() == "name>=1.0"); // trailing comma, as packaging
    CHECK(req("name @ git+https://github.com/pypa/pip.git@22.0").url ==
          "git+https://github.com/pypa/pip.git@22.0");
    CHECK(req("name[Foo_Bar]").extras == std::set<std::string>{"foo-bar"});
    CHECK(req("pkg_").name == "pkg_"); // packaging tolerates a trailing "_"
    // ... in an extra too: normalized "socks-", written back as "socks_" so that the text parses
    // again (found by tests/fuzz/fuzz_requirement.cpp).
    CHECK(req("pkg[socks_]").extras == std::set<std::string>{"socks-"});
    CHECK(req("pkg[socks_]").to_string() == "pkg[socks_]");
    CHECK(req(req("pkg[Socks__, b]").to_string()) == req("pkg[Socks__, b]"));
    // Without whitespace the ";" belongs to the URL.
    CHECK(req("name @ file:///tmp/a;b.whl").url == "file:///tmp/a;b.whl");
    CHECK_FALSE(req("name @ file:///tmp/a;b.whl").marker.has_value());
    CHECK(req("name @ file:///tmp/a.whl ; extra == 'x'").marker->to_string() == "extra == \"x\"");
    CHECK(req("name@file:///tmp/a.whl  ").url == "file:///tmp/a.whl");
}

TEST_CASE("python::Requirement rejects invalid strings and says where")
{
    for (const char* text : {"",
                             "  ",
                             "-name",
                             "name-",
                             "na me",
                             "name[a b]",
                             "name[a,]",
                             "name[a",
                             "name>=1.0,,<2",
                             "name>=",
                             "name>=1.0 and",
                             "name (>=1.0",
                             "name @",
                             "name; os_name",
                             "name; bogus == 'x'",
                             "name >= 1.0 <2",
                             "name~=1",
                             "name 1.0",
                             "name; python_version >= '3' junk",
                             "name @ foo",
                             "name @ /tmp/x.whl",
                             "name @ https:///x",
                             "name @ 1http://x"})
    {
        const std::string shown = text;
        CAPTURE(shown);
        CHECK_FALSE(Requirement::parse(text).has_value());
    }
    CHECK(Requirement::parse("name[a b]").error().message ==
          "invalid requirement 'name[a b]': expected ',' between extra names at column 8");
    CHECK(Requirement::parse("name 1.0").error().message ==
          "invalid requirement 'name 1.0': expected a version specifier, ';' or the end at "
          "column 6");
    CHECK(Requirement::parse("name~=1").error().message ==
          "invalid requirement 'name~=1': invalid version specifier '~=1': ~= needs at least "
          "two release numbers (~=2.2, not ~=2) at column 5");
    CHECK(Requirement::parse("name @ /tmp/x.whl").error().message ==
          "invalid requirement 'name @ /tmp/x.whl': expected a URL with a scheme and a host "
          "(https://host/path) or a file: URL at column 8");
    CHECK(Requirement::parse("name; bogus == 'x'").error().message ==
          "invalid requirement 'name; bogus == 'x'': invalid marker ' bogus == 'x'': expected a "
          "marker variable (python_version, sys_platform, extra, ...) or a quoted string at "
          "column 2");
}
