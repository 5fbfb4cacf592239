#include "python/wheel_filename.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace pydeb::python;

namespace
{

WheelFilename wheel(std::string_view name)
{
    auto w = WheelFilename::parse(name);
    REQUIRE_MESSAGE(w.has_value(), (std::string(name) + ": " +
                                    (w.has_value() ? std::string() : w.error().message)));
    return *w;
}

} // namespace

TEST_CASE("python::WheelFilename parses the wheel-install checklist examples (A.1)")
{
    const WheelFilename w = wheel("package-1!1.0+abc.7-753-py3-none-any.whl");
    CHECK(w.name == "package");
    CHECK(w.version.to_string() == "1!1.0+abc.7");
    REQUIRE(w.build.has_value());
    CHECK(w.build->number == 753);
    CHECK(w.build->rest.empty());
    CHECK(w.python_tags == std::vector<std::string>{"py3"});
    CHECK(w.abi_tags == std::vector<std::string>{"none"});
    CHECK(w.platform_tags == std::vector<std::string>{"any"});
    CHECK(w.to_string() == "package-1!1.0+abc.7-753-py3-none-any.whl");

    const WheelFilename foo = wheel("Foo.Bar-1.0-py3-none-any.whl");
    CHECK(foo.name == "Foo.Bar");
    CHECK(foo.normalized_name() == "foo-bar");
    CHECK_FALSE(foo.build.has_value());
}

TEST_CASE("python::WheelFilename rejects invalid names with the file name in the message")
{
    CHECK(WheelFilename::parse("pip-20.0.0.whl").error().message ==
          "'pip-20.0.0.whl' is not a valid wheel file name: expected "
          "{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl, found 2 '-'-separated "
          "parts");
    CHECK(WheelFilename::parse("pip-20.0.0---.whl").error().message ==
          "'pip-20.0.0---.whl' is not a valid wheel file name: the python tag '' is empty or has "
          "an empty '.'-separated part");
    CHECK(WheelFilename::parse("pip-20.0.0-py2.py3-none-any.zip").error().message ==
          "'pip-20.0.0-py2.py3-none-any.zip' is not a valid wheel file name: the extension must "
          "be '.whl'");
    CHECK(WheelFilename::parse("foo-1.0-x1-py3-none-any.whl").error().message ==
          "'foo-1.0-x1-py3-none-any.whl' is not a valid wheel file name: build tag 'x1' must "
          "start with a digit");
    CHECK(WheelFilename::parse("foo__bar-1.0-py3-none-any.whl").error().message ==
          "'foo__bar-1.0-py3-none-any.whl' is not a valid wheel file name: invalid project name "
          "'foo__bar'");
    for (const char* name :
         {"foo-bar-1.0-py3-none-any.whl", "foo-notaversion-py3-none-any.whl", ".whl",
          "foo-1.0-py3-none-any.WHL", "foo-1.0-py3-none-.whl", "foo-1.0-py3..py2-none-any.whl",
          "café-1.0-py3-none-any.whl", "foo-1.0-1-2-py3-none-any.whl", "-1.0-py3-none-any.whl"})
    {
        const std::string shown = name;
        CAPTURE(shown);
        CHECK_FALSE(WheelFilename::parse(name).has_value());
    }
}

TEST_CASE("python::WheelFilename build tags sort as (number, rest)")
{
    CHECK(wheel("foo-1.0-1a-py3-none-any.whl").build == BuildTag{1, "a"});
    CHECK(wheel("foo-1.0-0-py3-none-any.whl").build == BuildTag{0, ""});
    CHECK(BuildTag{10, ""} > BuildTag{9, "zz"});
    CHECK(BuildTag{1, "a"} > BuildTag{1, ""});
    CHECK(BuildTag::parse("007b")->to_string() == "7b");
    CHECK_FALSE(BuildTag::parse("").has_value());
    CHECK_FALSE(BuildTag::parse("_1").has_value());
}

TEST_CASE("python::WheelFilename expands compressed tag sets and round-trips")
{
    const WheelFilename numpy =
        wheel("numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    REQUIRE(numpy.tags().size() == 2);
    CHECK(numpy.tags()[0].to_string() == "cp311-cp311-manylinux_2_17_x86_64");
    CHECK(numpy.tags()[1].to_string() == "cp311-cp311-manylinux2014_x86_64");
    CHECK(numpy.to_string() ==
          "numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");

    const WheelFilename six = wheel("six-1.16.0-py2.py3-none-any.whl");
    CHECK(six.tags().size() == 2);
    CHECK(six.tags()[0].to_string() == "py2-none-any");
    CHECK(six.tags()[1].to_string() == "py3-none-any");
    CHECK(six.to_string() == "six-1.16.0-py2.py3-none-any.whl");

    // The version is printed normalized.
    CHECK(wheel("foo_bar-1.0_rc1-py3-none-any.whl").to_string() ==
          "foo_bar-1.0rc1-py3-none-any.whl");
    CHECK(wheel("foo-v1.0-py3-none-any.whl").version.to_string() == "1.0");
    CHECK(wheel("a-1-2-b-c-d.whl") == wheel("a-1-2-b-c-d.whl"));
}
