#include "python/version.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace pydeb::python;

namespace
{

std::string normalized(std::string_view text)
{
    const auto v = Version::parse(text);
    REQUIRE_MESSAGE(v.has_value(), std::string(text));
    return v->to_string();
}

Version ver(std::string_view text)
{
    auto v = Version::parse(text);
    REQUIRE_MESSAGE(v.has_value(), std::string(text));
    return *v;
}

} // namespace

TEST_CASE("python::Version normalizes every spelling PEP 440 allows")
{
    // PEP 440 "Normalization", in the order of its sub-sections.
    CHECK(normalized("1.1RC1") == "1.1rc1"); // case sensitivity
    CHECK(normalized("00") == "0");          // integer normalization
    CHECK(normalized("09000") == "9000");
    CHECK(normalized("1.0001") == "1.1");
    CHECK(normalized("1.1.a1") == "1.1a1"); // pre-release separators
    CHECK(normalized("1.1-a1") == "1.1a1");
    CHECK(normalized("1.1_a1") == "1.1a1");
    CHECK(normalized("1.0a.1") == "1.0a1");
    CHECK(normalized("1.1alpha1") == "1.1a1"); // pre-release spelling
    CHECK(normalized("1.1beta2") == "1.1b2");
    CHECK(normalized("1.1c3") == "1.1rc3");
    CHECK(normalized("1.1pre4") == "1.1rc4");
    CHECK(normalized("1.1preview5") == "1.1rc5");
    CHECK(normalized("1.2a") == "1.2a0");          // implicit pre-release number
    CHECK(normalized("1.2.post2") == "1.2.post2"); // post-release separators
    CHECK(normalized("1.2-post2") == "1.2.post2");
    CHECK(normalized("1.2_post2") == "1.2.post2");
    CHECK(normalized("1.2post2") == "1.2.post2");
    CHECK(normalized("1.0-r4") == "1.0.post4"); // post-release spelling
    CHECK(normalized("1.0-rev4") == "1.0.post4");
    CHECK(normalized("1.2.post") == "1.2.post0"); // implicit post-release number
    CHECK(normalized("1.0-1") == "1.0.post1");    // implicit post releases
    CHECK(normalized("1.2-dev2") == "1.2.dev2");  // development release separators
    CHECK(normalized("1.2_dev2") == "1.2.dev2");
    CHECK(normalized("1.2dev2") == "1.2.dev2");
    CHECK(normalized("1.2.dev") == "1.2.dev0");          // implicit development number
    CHECK(normalized("1.0+ubuntu-1") == "1.0+ubuntu.1"); // local version segments
    CHECK(normalized("1.0+ubuntu_1") == "1.0+ubuntu.1");
    CHECK(normalized("1.0+UBUNTU.01") == "1.0+ubuntu.1");
    CHECK(normalized("v1.0") == "1.0");    // preceding v character
    CHECK(normalized("  1.0\n") == "1.0"); // leading and trailing whitespace
    CHECK(normalized("V1.0") == "1.0");
}

TEST_CASE("python::Version combines every segment in canonical order")
{
    CHECK(normalized("1!2.0rc1.post2.dev3+local.7") == "1!2.0rc1.post2.dev3+local.7");
    CHECK(normalized("1!1.0-alpha-1-POST-2.DEV-3+abc_7") == "1!1.0a1.post2.dev3+abc.7");
    CHECK(normalized("0!1.0") == "1.0"); // epoch 0 is not printed
    CHECK(normalized("1.0-1-dev1") == "1.0.post1.dev1");
    CHECK(normalized("1.0a1-1") == "1.0a1.post1");
    CHECK(normalized("1.0.rc.1.post.dev") == "1.0rc1.post0.dev0");
    CHECK(normalized("2.0.0.0") == "2.0.0.0"); // release numbers are kept as written
}

TEST_CASE("python::Version rejects what PEP 440 does not define")
{
    for (const char* text : {"",
                             " ",
                             "french toast",
                             "1.0+",
                             "1.0+ubuntu..1",
                             "1.0+_x",
                             "1.0-",
                             "1..0",
                             ".1",
                             "1.0.",
                             "1.0a1a2",
                             "1.0.post1.post2",
                             "1!",
                             "!1",
                             "1.0-dev-dev",
                             "1.0 a1",
                             "1,0",
                             "1.0+ubuntu 1",
                             "1.0dev1.post1",
                             "1.0.devabc",
                             "1.0-1-1",
                             "1.0+ü",
                             "v",
                             "vv1.0",
                             "99999999999999999999999.0"})
    {
        const std::string shown = text;
        CAPTURE(shown);
        CHECK_FALSE(Version::parse(text).has_value());
    }
    CHECK(Version::parse("1.0-").error().message ==
          "'1.0-' is not a valid PEP 440 version (unexpected '-'); expected a form like 1.2.3, "
          "1.0rc1, 2!1.0.post1.dev2");
}

TEST_CASE("python::Version accessors")
{
    const Version v = ver("3!1.2.3b4.post5.dev6+Ubuntu.7");
    CHECK(v.epoch() == 3);
    CHECK(v.release() == std::vector<std::uint64_t>{1, 2, 3});
    REQUIRE(v.pre().has_value());
    CHECK(v.pre()->kind == PreKind::beta);
    CHECK(v.pre()->number == 4);
    CHECK(v.post() == 5);
    CHECK(v.dev() == 6);
    CHECK(v.local_string() == "ubuntu.7");
    CHECK(v.is_prerelease());
    CHECK(v.is_postrelease());
    CHECK(v.is_devrelease());
    CHECK(v.base_version().to_string() == "3!1.2.3");
    CHECK(v.public_version().to_string() == "3!1.2.3b4.post5.dev6");

    const Version plain = ver("1.0");
    CHECK_FALSE(plain.is_prerelease());
    CHECK_FALSE(plain.is_postrelease());
    CHECK_FALSE(plain.is_devrelease());
    CHECK(ver("1.0.dev0").is_prerelease()); // packaging: dev releases count as pre-releases
    CHECK_FALSE(ver("1.0.post1").is_prerelease());
    CHECK(ver("1.0+abc.5").local() ==
          std::vector<LocalSegment>{std::string("abc"), std::uint64_t{5}});
    CHECK(Version().to_string() == "0");
    CHECK(Version::from_release({2, 1}, 1).to_string() == "1!2.1");
}

TEST_CASE("python::Version total order follows packaging's _cmpkey")
{
    // Strictly increasing (PEP 440 "Summary of permitted suffixes and relative ordering" and
    // packaging's test_version.py), checked pairwise in both directions.
    const std::vector<std::string> sorted = {
        "1.0.dev456",    "1.0a1",        "1.0a2.dev456", "1.0a12.dev456",
        "1.0a12",        "1.0b1.dev456", "1.0b2",        "1.0b2.post345.dev456",
        "1.0b2.post345", "1.0b2-346",    "1.0c1.dev456", "1.0c1",
        "1.0rc2",        "1.0c3",        "1.0",          "1.0+abc.5",
        "1.0+abc.7",     "1.0+abd",      "1.0+5",        "1.0.post456.dev34",
        "1.0.post456",   "1.0.15",       "1.1.dev1",     "1.1a1",
        "1.1",           "1.1+ubuntu",   "1.1+ubuntu.1", "1.1+1",
        "1.1.post1",     "1.2",          "2.0.0.dev0",   "2",
        "10.0",          "1!0.1",        "1!1.0.dev1",   "1!1.0",
        "2!0.0.1",
    };
    for (std::size_t i = 0; i < sorted.size(); ++i)
    {
        for (std::size_t j = 0; j < sorted.size(); ++j)
        {
            CAPTURE(sorted[i]);
            CAPTURE(sorted[j]);
            CHECK((ver(sorted[i]) <=> ver(sorted[j])) == (i <=> j));
        }
    }
}

TEST_CASE("python::Version equality ignores trailing zeros, not local parts")
{
    CHECK(ver("1.0") == ver("1"));
    CHECK(ver("1.0.0") == ver("1.0"));
    CHECK(ver("1.0a1") == ver("1.0.0a1"));
    CHECK(ver("0!1.0") == ver("1.0"));
    CHECK(ver("1.0+abc") != ver("1.0"));
    CHECK(ver("1.0+abc") == ver("1.0.0+ABC"));
    CHECK(ver("1.0+01") == ver("1.0+1"));
    CHECK(ver("1.0.post0") != ver("1.0")); // an explicit post0 is still a post release
    CHECK(ver("1.0.post0") > ver("1.0"));
    CHECK(ver("1.0a0") < ver("1.0a1"));
}
