#include "python/specifier.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace pydeb::python;

namespace
{

Version ver(std::string_view text)
{
    auto v = Version::parse(text);
    REQUIRE_MESSAGE(v.has_value(), std::string(text));
    return *v;
}

// Whether `spec` (one clause) matches `version`, ignoring the pre-release policy.
bool matches(std::string_view spec, std::string_view version)
{
    const auto s = Specifier::parse(spec);
    REQUIRE_MESSAGE(s.has_value(), std::string(spec));
    return s->contains(ver(version));
}

bool in_set(std::string_view set, std::string_view version, PreReleases pre = PreReleases::exclude)
{
    const auto s = SpecifierSet::parse(set);
    REQUIRE_MESSAGE(s.has_value(), std::string(set));
    return s->contains(ver(version), pre);
}

} // namespace

TEST_CASE("python::Specifier parses every operator")
{
    CHECK(Specifier::parse("==1.0")->op == Operator::equal);
    CHECK(Specifier::parse("==1.0.*")->op == Operator::equal_prefix);
    CHECK(Specifier::parse("!=1.0")->op == Operator::not_equal);
    CHECK(Specifier::parse("!=1.*")->op == Operator::not_equal_prefix);
    CHECK(Specifier::parse("<=1.0")->op == Operator::less_equal);
    CHECK(Specifier::parse(">=1.0")->op == Operator::greater_equal);
    CHECK(Specifier::parse("<1.0")->op == Operator::less);
    CHECK(Specifier::parse(">1.0")->op == Operator::greater);
    CHECK(Specifier::parse("~=1.0")->op == Operator::compatible);
    CHECK(Specifier::parse("===foobar")->op == Operator::arbitrary);
    CHECK(Specifier::parse("===foobar")->version_text == "foobar");
    CHECK(Specifier::parse("==1.0.*")->version_text == "1.0");
    CHECK(Specifier::parse(" == 1.0 ")->to_string() == "==1.0");
    CHECK(Specifier::parse("~= 1.0")->to_string() == "~=1.0");
    CHECK(Specifier::parse("== v1.0.*")->to_string() == "==v1.0.*"); // as written, like packaging
    CHECK(Specifier::parse(">=1.0-1")->version.to_string() == "1.0.post1");
    CHECK(Specifier::parse("!=1.0+abc")->to_string() == "!=1.0+abc");
    CHECK(Specifier::parse("==1!1.*")->version.epoch() == 1);
}

TEST_CASE("python::Specifier rejects what packaging rejects")
{
    for (const char* text : {"~=1", "==1.0.*+x", ">=1.0+x", "==1.0a1.*", "<=1.*", "=1.0", "~=1.0.*",
                             "===foo bar", "==1.0 .*", ">=", "v1.0", "1.0", ">=1.0, <2",
                             "==1.0.post1.*", "~=1.0+local", ">1.0.dev1.*", ""})
    {
        const std::string shown = text;
        CAPTURE(shown);
        CHECK_FALSE(Specifier::parse(text).has_value());
    }
    CHECK(Specifier::parse("~=1").error().message ==
          "invalid version specifier '~=1': ~= needs at least two release numbers (~=2.2, not "
          "~=2)");
    CHECK(Specifier::parse(">=1.0+x").error().message ==
          "invalid version specifier '>=1.0+x': local versions ('+...') are only allowed with == "
          "and !=");
}

TEST_CASE("python::Specifier == and != with local versions and zero padding")
{
    // PEP 440 "Version matching".
    CHECK(matches("==1.1", "1.1.0"));
    CHECK(matches("==1.1.0", "1.1"));
    CHECK_FALSE(matches("==1.1", "1.1.post1"));
    CHECK(matches("==1.1", "1.1+local.7")); // no local in the specifier: ignore the candidate's
    CHECK(matches("==1.1+local.7", "1.1+local.7"));
    CHECK_FALSE(matches("==1.1+local.7", "1.1"));
    CHECK_FALSE(matches("==1.1+local.7", "1.1+local.8"));
    CHECK(matches("!=1.1+local.7", "1.1+local.8"));
    CHECK_FALSE(matches("!=1.1", "1.1+anything"));
    CHECK(matches("!=1.1", "1.1.post1"));
    CHECK(matches("==1!1.0", "1!1.0"));
    CHECK_FALSE(matches("==1.0", "1!1.0"));
}

TEST_CASE("python::Specifier prefix matching pads with zeros")
{
    // The PEP's examples for "==1.1.*".
    CHECK(matches("==1.1.*", "1.1.post1"));
    CHECK(matches("==1.1.*", "1.1a1"));
    CHECK(matches("==1.1.*", "1.1"));
    CHECK(matches("==1.1.*", "1.1.0"));
    CHECK(matches("==1.1.*", "1.1.5.dev2+local"));
    CHECK_FALSE(matches("==1.1.*", "1.10"));
    CHECK_FALSE(matches("==1.1.*", "1.2"));
    CHECK_FALSE(matches("==1.1.*", "1.0.9"));
    CHECK(matches("==1.0.0.*", "1")); // "1" is padded to 1.0.0
    CHECK(matches("==1.*", "1.0rc1"));
    CHECK_FALSE(matches("==1.1.1.*", "1.1rc1"));
    CHECK(matches("!=1.1.*", "1.2"));
    CHECK_FALSE(matches("!=1.1.*", "1.1.post1"));
    CHECK_FALSE(matches("==1.*", "1!1.0")); // epochs must agree
    CHECK(matches("==1!1.*", "1!1.5"));
}

TEST_CASE("python::Specifier inclusive ordered comparisons ignore local versions")
{
    CHECK(matches(">=1.0", "1.0"));
    CHECK(matches(">=1.0", "1.0+local"));
    CHECK(matches("<=1.0", "1.0+local"));
    CHECK_FALSE(matches("<=1.0", "1.0.post1"));
    CHECK(matches("<=1.0", "1.0rc1"));
    CHECK_FALSE(matches(">=1.0", "1.0rc1"));
    CHECK(matches(">=1.0rc1", "1.0"));
}

TEST_CASE("python::Specifier exclusive ordered comparisons")
{
    // "<V MUST NOT allow a pre-release of the specified version unless the specified version is
    // itself a pre-release."
    CHECK_FALSE(matches("<1.0", "1.0rc1"));
    CHECK_FALSE(matches("<1.0", "1.0.dev1"));
    CHECK_FALSE(matches("<1.0", "1.0.0a1"));
    CHECK(matches("<1.0", "0.9"));
    CHECK(matches("<1.0", "0.9rc1"));
    CHECK(matches("<1.0rc2", "1.0rc1"));
    CHECK(matches("<1.0rc1", "1.0.dev1"));
    CHECK_FALSE(matches("<1.0", "1.0"));
    CHECK_FALSE(matches("<1.0.post1", "1.0rc1")); // packaging compares base versions
    CHECK(matches("<1.0.post1", "1.0"));
    // ">V MUST NOT allow a post-release of the specified version unless the specified version is
    // itself a post-release", nor a local version of it.
    CHECK_FALSE(matches(">1.7", "1.7.post2"));
    CHECK_FALSE(matches(">1.7", "1.7.0.post1"));
    CHECK(matches(">1.7", "1.7.1"));
    CHECK(matches(">1.7.post2", "1.7.post3"));
    CHECK(matches(">1.7.post2", "1.7.1"));
    CHECK_FALSE(matches(">1.7", "1.7+local"));
    CHECK_FALSE(matches(">1.7", "1.7.0+local"));
    CHECK(matches(">1.7", "1.8+local"));
    CHECK(matches(">1.7", "1.8.dev1"));
    CHECK(matches(">1.7rc1", "1.7"));
    CHECK_FALSE(matches(">1.7rc1", "1.7.post1")); // packaging compares base versions
}

TEST_CASE("python::Specifier compatible release")
{
    // PEP 440 "Compatible release": ~=2.2 is >=2.2,==2.*; ~=1.4.5 is >=1.4.5,==1.4.*.
    CHECK(matches("~=2.2", "2.2"));
    CHECK(matches("~=2.2", "2.3"));
    CHECK(matches("~=2.2", "2.2.post3"));
    CHECK_FALSE(matches("~=2.2", "3.0"));
    CHECK_FALSE(matches("~=2.2", "2.1"));
    CHECK(matches("~=1.4.5", "1.4.5"));
    CHECK(matches("~=1.4.5", "1.4.9"));
    CHECK_FALSE(matches("~=1.4.5", "1.5.0"));
    CHECK_FALSE(matches("~=1.4.5", "1.4.4"));
    // ~=2.2.post3 is >=2.2.post3,==2.*; ~=1.4.5a4 is >=1.4.5a4,==1.4.*.
    CHECK(matches("~=2.2.post3", "2.3"));
    CHECK_FALSE(matches("~=2.2.post3", "2.2"));
    CHECK(matches("~=1.4.5a4", "1.4.5"));
    CHECK_FALSE(matches("~=1.4.5a4", "1.4.5a3"));
    CHECK_FALSE(matches("~=1.4.5a4", "1.5"));
    // ~=2.2.0 is >=2.2.0,==2.2.*: trailing zeros matter for ~=.
    CHECK_FALSE(matches("~=2.2.0", "2.3"));
    CHECK(matches("~=2.2", "2.3+local"));
    CHECK(matches("~=1!2.2", "1!2.5"));
    CHECK_FALSE(matches("~=1!2.2", "2.5"));
}

TEST_CASE("python::Specifier arbitrary equality compares strings")
{
    CHECK(matches("===1.0", "1.0"));
    CHECK_FALSE(matches("===1.0", "1.0.0"));
    CHECK_FALSE(matches("===1.0", "1.0+local"));
    CHECK(matches("===1.0RC1", "1.0rc1")); // case-insensitive against the normalized text
    CHECK_FALSE(matches("===foobar", "1.0"));
}

TEST_CASE("python::SpecifierSet parses, sorts and deduplicates like packaging")
{
    CHECK(SpecifierSet::parse(">=1.0, <2.0,!=1.5.*")->to_string() == "!=1.5.*,<2.0,>=1.0");
    CHECK(SpecifierSet::parse(">=1, >=1.0")->to_string() == ">=1");
    CHECK(SpecifierSet::parse("<1.0, <1")->to_string() == "<1.0");
    CHECK(SpecifierSet::parse("~=1.0, ~=1.0.0")->to_string() == "~=1.0,~=1.0.0");
    CHECK(SpecifierSet::parse(">=1.0,,<2")->specifiers().size() == 2);
    CHECK(SpecifierSet::parse("")->empty());
    CHECK(SpecifierSet::parse("  ")->to_string().empty());
    CHECK_FALSE(SpecifierSet::parse(">=1.0,<2 3").has_value());
    CHECK(SpecifierSet::parse(">=1.0,foo").error().message ==
          "invalid version specifier 'foo': it must start with one of ~= == != <= >= < > ===");
    CHECK(*SpecifierSet::parse("<2,>=1") == *SpecifierSet::parse(">=1, <2"));
}

TEST_CASE("python::SpecifierSet pre-release policy")
{
    // Pre-releases are excluded unless allowed or mentioned by a specifier (PEP 440 "Handling
    // of pre-releases").
    CHECK_FALSE(in_set(">=1.0", "2.0a1"));
    CHECK(in_set(">=1.0", "2.0a1", PreReleases::allow));
    CHECK_FALSE(in_set(">=1.0", "2.0.dev1"));
    CHECK(in_set(">=1.0", "2.0.post1"));
    CHECK(in_set(">=1.0b1", "2.0a1"));      // mentioned: >=1.0b1
    CHECK(in_set(">=1.0b1,<3", "2.0a1"));   // one clause suffices
    CHECK_FALSE(in_set("==2.*", "2.0rc1")); // a prefix has no pre-release to mention
    CHECK(in_set("==2.*", "2.0rc1", PreReleases::allow));
    CHECK(in_set("==2.0a1", "2.0a1"));
    CHECK(in_set("~=2.0a1", "2.0b1"));
    CHECK(in_set(">1.0a1", "1.0a2"));        // > and < count too (packaging >= 23.1)
    CHECK_FALSE(in_set("!=2.0a1", "2.0a2")); // != never mentions
    CHECK_FALSE(in_set("", "1.0a1"));
    CHECK(in_set("", "1.0a1", PreReleases::allow));
    CHECK(in_set("", "1.0"));
    CHECK(in_set(">=1.0,!=1.0.1", "1.2.3"));
    CHECK_FALSE(in_set(">=1.0,!=1.0.1", "1.0.1"));
    CHECK_FALSE(in_set(">=1.0,!=1.0.1", "1.3.0a1"));
    CHECK(in_set(">=1.0,!=1.0.1", "1.3.0a1", PreReleases::allow));
    CHECK(SpecifierSet::parse(">=1.0b1")->mentions_prerelease());
    CHECK_FALSE(SpecifierSet::parse(">=1.0,<2")->mentions_prerelease());
}
