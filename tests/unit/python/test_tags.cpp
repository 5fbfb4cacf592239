#include "python/tags.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <string>

using namespace pydeb::python;

namespace
{

// Debian bookworm: CPython 3.11, glibc 2.36, x86_64.
InterpreterFacts cpython(int minor, int glibc_minor, std::string machine = "x86_64")
{
    InterpreterFacts facts;
    facts.implementation_name = "cpython";
    facts.major = 3;
    facts.minor = minor;
    facts.abi_tag = "cp3" + std::to_string(minor);
    facts.platform = "linux_" + machine;
    facts.machine = machine;
    facts.glibc = GlibcVersion{2, glibc_minor};
    return facts;
}

std::vector<std::string> strings(const std::vector<Tag>& tags)
{
    std::vector<std::string> out;
    for (const Tag& tag : tags)
    {
        out.push_back(tag.to_string());
    }
    return out;
}

Tag tag(std::string_view text)
{
    const auto tags = Tag::parse(text);
    REQUIRE(tags.has_value());
    REQUIRE(tags->size() == 1);
    return tags->front();
}

} // namespace

TEST_CASE("python::compatible_tags equals packaging.tags.sys_tags() for CPython 3.11, glibc 2.36")
{
    // data/sys_tags_cp311_glibc236_x86_64.txt is the output of
    //   /usr/bin/python3 -c 'from packaging import tags; print(*tags.sys_tags(), sep="\n")'
    // with Debian bookworm's python3.11 and python3-packaging 23.0 on x86_64.
    std::ifstream file(PYDEB_PYTHON_TEST_DATA "/sys_tags_cp311_glibc236_x86_64.txt");
    REQUIRE(file.good());
    std::vector<std::string> expected;
    for (std::string line; std::getline(file, line);)
    {
        expected.push_back(line);
    }
    const auto actual = strings(compatible_tags(cpython(11, 36)));
    REQUIRE(actual.size() == expected.size());
    CHECK(actual.size() == 914);
    for (std::size_t i = 0; i < actual.size(); ++i)
    {
        CAPTURE(i);
        CHECK(actual[i] == expected[i]);
    }
}

TEST_CASE("python::compatible_tags priority order, spot checks")
{
    const auto tags = strings(compatible_tags(cpython(11, 36)));
    // 36 manylinux_2_Y (36..5) + 3 legacy aliases + linux_x86_64 = 36 platforms.
    CHECK(tags[0] == "cp311-cp311-manylinux_2_36_x86_64");
    CHECK(tags[19] == "cp311-cp311-manylinux_2_17_x86_64");
    CHECK(tags[20] == "cp311-cp311-manylinux2014_x86_64");
    CHECK(tags[26] == "cp311-cp311-manylinux2010_x86_64");
    CHECK(tags[33] == "cp311-cp311-manylinux_2_5_x86_64");
    CHECK(tags[34] == "cp311-cp311-manylinux1_x86_64");
    CHECK(tags[35] == "cp311-cp311-linux_x86_64");
    CHECK(tags[36] == "cp311-abi3-manylinux_2_36_x86_64");
    CHECK(tags[72] == "cp311-none-manylinux_2_36_x86_64");
    CHECK(tags[108] == "cp310-abi3-manylinux_2_36_x86_64");
    CHECK(tags[107 + 9 * 36] == "cp32-abi3-linux_x86_64");
    CHECK(tags[108 + 9 * 36] == "py311-none-manylinux_2_36_x86_64");
    CHECK(tags[108 + 10 * 36] == "py3-none-manylinux_2_36_x86_64");
    CHECK(tags[tags.size() - 15] == "py30-none-linux_x86_64");
    CHECK(tags[tags.size() - 14] == "cp311-none-any");
    CHECK(tags[tags.size() - 13] == "py311-none-any");
    CHECK(tags[tags.size() - 12] == "py3-none-any");
    CHECK(tags[tags.size() - 11] == "py310-none-any");
    CHECK(tags.back() == "py30-none-any");
}

TEST_CASE("python::compatible_tags on other architectures, free-threading and no glibc")
{
    // aarch64 manylinux starts at glibc 2.17 (PEP 599): 2_31..2_17 + manylinux2014 + linux.
    const auto arm = strings(compatible_tags(cpython(12, 31, "aarch64")));
    CHECK(arm[0] == "cp312-cp312-manylinux_2_31_aarch64");
    CHECK(arm[14] == "cp312-cp312-manylinux_2_17_aarch64");
    CHECK(arm[15] == "cp312-cp312-manylinux2014_aarch64");
    CHECK(arm[16] == "cp312-cp312-linux_aarch64");
    CHECK(arm[17] == "cp312-abi3-manylinux_2_31_aarch64");

    InterpreterFacts ft = cpython(13, 36);
    ft.abi_tag = "cp313t";
    ft.free_threading = FreeThreading::yes;
    const auto free = strings(compatible_tags(ft));
    CHECK(free[0] == "cp313-cp313t-manylinux_2_36_x86_64");
    CHECK(free[36] == "cp313-none-manylinux_2_36_x86_64");
    CHECK(std::ranges::none_of(free, [](const std::string& t)
                               { return t.find("abi3") != std::string::npos; }));

    InterpreterFacts musl = cpython(11, 0);
    musl.glibc.reset();
    const auto plain = strings(compatible_tags(musl));
    CHECK(plain[0] == "cp311-cp311-linux_x86_64");
    CHECK(plain[1] == "cp311-abi3-linux_x86_64");
}

TEST_CASE("python::TagPriority ranks wheels (wheel-install checklist A.3)")
{
    // CPython 3.12 / glibc 2.31 / x86_64.
    const TagPriority priority(compatible_tags(cpython(12, 31)));
    const auto best = [&](std::string_view text) { return priority.best(*Tag::parse(text)); };
    CHECK(best("cp312-cp312-manylinux_2_17_x86_64").has_value());
    CHECK(best("cp39-abi3-manylinux2014_x86_64").has_value());
    CHECK(best("py2.py3-none-any").has_value());
    CHECK_FALSE(best("cp313-cp313-manylinux_2_17_x86_64").has_value());
    CHECK_FALSE(best("cp312-cp312-musllinux_1_1_x86_64").has_value());
    CHECK_FALSE(best("cp312-cp312-manylinux_2_34_x86_64").has_value());
    CHECK_FALSE(best("cp312-cp312-win_amd64").has_value());
    CHECK(*best("cp312-cp312-manylinux_2_17_x86_64") < *best("cp39-abi3-manylinux2014_x86_64"));
    CHECK(*best("cp39-abi3-manylinux2014_x86_64") < *best("py3-none-any"));
    CHECK(priority.priority(tag("cp312-cp312-manylinux_2_31_x86_64")) == 0);
    CHECK(*best("py2.py3-none-any") == *priority.priority(tag("py3-none-any")));
    CHECK(priority.is_compatible(
        *Tag::parse("cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64")));

    InterpreterFacts ft = cpython(13, 36);
    ft.abi_tag = "cp313t";
    ft.free_threading = FreeThreading::yes;
    CHECK_FALSE(
        TagPriority(compatible_tags(ft)).is_compatible(*Tag::parse("cp39-abi3-linux_x86_64")));
}

TEST_CASE("python::Tag::parse expands compressed tag sets")
{
    CHECK(strings(*Tag::parse("py2.py3-none-any")) ==
          std::vector<std::string>{"py2-none-any", "py3-none-any"});
    CHECK(strings(*Tag::parse("cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64")) ==
          std::vector<std::string>{"cp311-cp311-manylinux_2_17_x86_64",
                                   "cp311-cp311-manylinux2014_x86_64"});
    CHECK(Tag::parse("py2.py3-none.abi3-any")->size() == 4);
    CHECK_FALSE(Tag::parse("py3-none").has_value());
    CHECK_FALSE(Tag::parse("py3--any").has_value());
    CHECK_FALSE(Tag::parse("py3-none-any-x").has_value());
    CHECK(tag("py3-none-any") < tag("py3-none-linux_x86_64"));
    CHECK(cpython(11, 36).python_version() == "3.11");
}

TEST_CASE("python::release_cpython: bullseye's python3.9 from the bookworm host's python3.11")
{
    InterpreterFacts host = cpython(11, 36);
    host.executable = "/usr/bin/python3.11";
    host.runnable = "/usr/bin/python3";
    host.soabi = "cpython-311-x86_64-linux-gnu";
    host.ext_suffix = ".cpython-311-x86_64-linux-gnu.so";
    host.cache_tag = "cpython-311";
    host.purelib = host.platlib = "lib/python3.11/site-packages";
    host.include = "include/site/python3.11";
    host.markers.python_version = "3.11";
    host.markers.python_full_version = host.markers.implementation_version = "3.11.2";
    const InterpreterFacts facts = release_cpython(host, 9, 2, GlibcVersion{2, 31});
    CHECK(facts.source == FactsSource::release_packages);
    CHECK(facts.executable == "/usr/bin/python3.9");
    CHECK(facts.runnable.empty());
    CHECK(facts.python_version() == "3.9");
    CHECK(facts.abi_tag == "cp39");
    CHECK(facts.soabi == "cpython-39-x86_64-linux-gnu");
    CHECK(facts.ext_suffix == ".cpython-39-x86_64-linux-gnu.so");
    CHECK(facts.cache_tag == "cpython-39");
    CHECK(facts.purelib == "lib/python3.9/site-packages");
    CHECK(facts.include == "include/site/python3.9");
    CHECK(facts.markers.python_version == "3.9");
    CHECK(facts.markers.python_full_version == "3.9.2");
    const TagPriority supported(compatible_tags(facts));
    // cp39 and abi3 from cp32 up, pure wheels, manylinux up to bullseye's glibc 2.31 only.
    CHECK(supported.priority(tag("cp39-cp39-manylinux_2_31_x86_64")).has_value());
    CHECK(supported.priority(tag("cp38-abi3-manylinux_2_17_x86_64")).has_value());
    CHECK(supported.priority(tag("py3-none-any")).has_value());
    CHECK_FALSE(supported.priority(tag("cp311-cp311-linux_x86_64")).has_value());
    CHECK_FALSE(supported.priority(tag("cp311-abi3-manylinux_2_17_x86_64")).has_value());
    CHECK_FALSE(supported.priority(tag("cp39-cp39-manylinux_2_34_x86_64")).has_value());
}
