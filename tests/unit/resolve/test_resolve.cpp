#include "fixtures.hpp"
#include "resolve/resolve.hpp"

#include <doctest/doctest.h>

using namespace pydeb;
using namespace pydeb::resolve;
using test::wheel;

namespace
{

std::vector<python::Requirement> reqs(const std::vector<std::string>& texts)
{
    std::vector<python::Requirement> result;
    for (const auto& text : texts)
    {
        auto requirement = python::Requirement::parse(text);
        REQUIRE_MESSAGE(requirement.has_value(), text);
        result.push_back(*requirement);
    }
    return result;
}

Expected<Resolution> run(const char* house, const std::vector<std::string>& requirements)
{
    return resolve::resolve({reqs(requirements), {house}, test::linux_cpython311()});
}

// "name==version" lines, or the error text.
std::string summary(const Expected<Resolution>& resolution)
{
    if (!resolution)
    {
        return resolution.error().message;
    }
    std::string text;
    for (const auto& w : resolution->wheels)
    {
        text += w.name + "==" + w.version.to_string() + " ";
    }
    return text;
}

std::string failure(const std::vector<std::string>& lines)
{
    std::string text = "cannot resolve the requirements with the wheels at hand:";
    for (const auto& line : lines)
    {
        text += "\n  " + line;
    }
    return text;
}

} // namespace

TEST_CASE("resolve: newest versions, dependencies, markers and extras")
{
    const char* wh = "wh-basic";
    test::make_wheelhouse(
        wh,
        {
            wheel("Flask-2.2.2-py3-none-any.whl",
                  {"Requires-Dist: Jinja2>=3.0", "Requires-Dist: click>=8.0",
                   "Requires-Dist: colorama; platform_system == \"Windows\"",
                   "Requires-Dist: python-dotenv; extra == \"dotenv\"", "Provides-Extra: dotenv"}),
            wheel("Flask-2.1.0-py3-none-any.whl", {"Requires-Dist: Jinja2>=3.0"}),
            wheel("Jinja2-3.1.2-py3-none-any.whl", {"Requires-Dist: MarkupSafe>=2.0"}),
            wheel("MarkupSafe-2.1.2-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"),
            wheel("MarkupSafe-1.1.1-py3-none-any.whl"),
            wheel("click-8.1.3-py3-none-any.whl"),
            wheel("python_dotenv-1.0.0-py3-none-any.whl"),
        });
    CHECK(summary(run(wh, {"flask>=2"})) ==
          "click==8.1.3 flask==2.2.2 jinja2==3.1.2 markupsafe==2.1.2 ");
    // The extra pulls python-dotenv; colorama stays out (its marker is false on Linux).
    CHECK(summary(run(wh, {"Flask[dotenv]"})) ==
          "click==8.1.3 flask==2.2.2 jinja2==3.1.2 markupsafe==2.1.2 python-dotenv==1.0.0 ");
    // A top-level marker that is false on the target drops the requirement entirely.
    CHECK(summary(run(wh, {"flask<2.2", "colorama; platform_system == 'Windows'"})) ==
          "flask==2.1.0 jinja2==3.1.2 markupsafe==2.1.2 ");

    const auto resolution = run(wh, {"markupsafe"});
    REQUIRE(resolution);
    const ResolvedWheel& only = resolution->wheels.at(0);
    CHECK(only.display_name == "MarkupSafe");
    CHECK(only.filename ==
          "MarkupSafe-2.1.2-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    CHECK(only.path == std::filesystem::path(wh) / only.filename);
    CHECK(only.sha256.size() == 64);
}

TEST_CASE("resolve: pre-releases only when asked for or when nothing else matches")
{
    const char* wh = "wh-pre";
    test::make_wheelhouse(wh, {wheel("a-1.0-py3-none-any.whl"), wheel("a-2.0b1-py3-none-any.whl"),
                               wheel("b-1.0rc1-py3-none-any.whl")});
    CHECK(summary(run(wh, {"a"})) == "a==1.0 ");
    CHECK(summary(run(wh, {"a>=2.0b1"})) == "a==2.0b1 ");
    // As pip: without a specifier naming one, a pre-release is used only for a bare name that
    // has nothing else.
    CHECK(summary(run(wh, {"b"})) == "b==1.0rc1 ");
    CHECK(summary(run(wh, {"a>1.0"})) ==
          failure({"a>1.0 requested, but the wheelhouse has only a 1.0, 2.0b1; a 2.0b1 would "
                   "match, but pre-releases are only used when a specifier names one (like "
                   ">=2.0b1)"}));
}

TEST_CASE("resolve: tags and Requires-Python of the target")
{
    const char* wh = "wh-tags";
    test::make_wheelhouse(wh, {
                                  wheel("lib-2.0-py3-none-any.whl", {"Requires-Python: >=3.12"}),
                                  wheel("lib-1.5-cp312-cp312-manylinux_2_17_x86_64.whl"),
                                  wheel("lib-1.4-py3-none-any.whl"),
                                  wheel("lib-1.4-cp311-cp311-manylinux_2_17_x86_64.whl"),
                                  wheel("lib-1.4-cp311-cp311-win_amd64.whl"),
                              });
    const auto resolution = run(wh, {"lib"});
    REQUIRE(resolution);
    // 2.0 needs Python 3.12 and 1.5 is for cp312; of the 1.4 wheels the binary one ranks first.
    CHECK(resolution->wheels.at(0).filename == "lib-1.4-cp311-cp311-manylinux_2_17_x86_64.whl");

    CHECK(
        summary(run(wh, {"lib>=2"})) ==
        failure({"lib>=2 requested, but the wheelhouse has only lib 1.4; lib-2.0-py3-none-any.whl "
                 "would match, but it requires Python >=3.12, the target is 3.11.2"}));
}

TEST_CASE("resolve: conflicts are explained in plain words, every one of them")
{
    const char* wh = "wh-conflicts";
    test::make_wheelhouse(
        wh,
        {
            wheel("Flask-2.2.2-py3-none-any.whl", {"Requires-Dist: Jinja2>=3.0"}),
            wheel("Jinja2-3.1.2-py3-none-any.whl", {"Requires-Dist: MarkupSafe>=2.0"}),
            wheel("MarkupSafe-2.1.2-py3-none-any.whl"),
            wheel("MarkupSafe-1.1.1-py3-none-any.whl"),
            wheel("bar-1.0-py3-none-any.whl", {"Requires-Dist: foo"}),
            wheel("app-1.0-py3-none-any.whl", {"Requires-Dist: bar"}),
        },
        {"baz-0.3.tar.gz"});
    CHECK(summary(run(wh, {"flask<2"})) ==
          failure({"flask<2 requested, but the wheelhouse has only Flask 2.2.2"}));
    CHECK(summary(run(wh, {"jinja2", "markupsafe<2"})) ==
          failure({"jinja2 3.1.2 requires markupsafe>=2.0, but markupsafe<2 was requested"}));
    CHECK(summary(run(wh, {"bar"})) ==
          failure({"nothing in the wheelhouse provides foo (required by bar 1.0)"}));
    CHECK(summary(run(wh, {"app"})) ==
          failure({"nothing in the wheelhouse provides foo (required by bar 1.0 via app 1.0)"}));
    CHECK(summary(run(wh, {"baz"})) ==
          failure({"nothing in the wheelhouse provides baz (requested); only the sdist "
                   "baz-0.3.tar.gz provides it, and install.only-binary is set, so pydeb builds "
                   "no sdist: set only-binary to false, or put a wheel of it into a wheelhouse"}));
    CHECK(summary(run(wh, {"flask<2", "bar", "missing>=1"})) ==
          failure({"flask<2 requested, but the wheelhouse has only Flask 2.2.2",
                   "nothing in the wheelhouse provides missing (requested)",
                   "nothing in the wheelhouse provides foo (required by bar 1.0)"}));
}

TEST_CASE("resolve: request errors")
{
    const char* wh = "wh-errors";
    test::make_wheelhouse(wh, {wheel("a-1.0-py3-none-any.whl")});
    CHECK(summary(run(wh, {"a @ https://example.org/a-1.0-py3-none-any.whl"})) ==
          "'a@ https://example.org/a-1.0-py3-none-any.whl': direct URL requirements are not "
          "supported; put the wheel into a wheelhouse and require it by name");
    CHECK(summary(run("nowhere", {"a"})) == "nowhere: wheelhouse not found");
    CHECK(summary(run(wh, {})).empty());
}

TEST_CASE("resolve: every wheel left out is named with its reason when resolution fails")
{
    const char* wh = "wh-left-out";
    test::make_wheelhouse(
        wh, {
                wheel("baddist-1.0-py3-none-any.whl", {"Requires-Dist: b >= "}),
                wheel("badpy-1.0-py3-none-any.whl", {"Requires-Python: >=3..7"}),
                {"badver-1.0-py3-none-any.whl", "badver", "1.0.not.a.version", {}},
            });
    // Wheels the fixture cannot write: corrupt, without or with two .dist-info, Latin-1
    // METADATA, and a file name that does not parse.
    std::ofstream(std::string(wh) + "/corrupt-1.0-py3-none-any.whl") << "not a zip";
    std::ofstream(std::string(wh) + "/script.py")
        << "import zipfile\n"
           "d = '" << wh << "/'\n"
           "with zipfile.ZipFile(d + 'noinfo-1.0-py3-none-any.whl', 'w') as z:\n"
           "    z.writestr('noinfo/__init__.py', '')\n"
           "with zipfile.ZipFile(d + 'twoinfo-1.0-py3-none-any.whl', 'w') as z:\n"
           "    for n in ('twoinfo-1.0.dist-info', 'other-2.0.dist-info'):\n"
           "        z.writestr(n + '/METADATA', 'Name: twoinfo\\nVersion: 1.0\\n')\n"
           "with zipfile.ZipFile(d + 'latin-1.0-py3-none-any.whl', 'w') as z:\n"
           "    z.writestr('latin-1.0.dist-info/METADATA', b'Name: latin\\nVersion: 1.0\\n"
           "Summary: caf\\xe9\\n')\n"
           "with zipfile.ZipFile(d + 'badname-1.0.whl', 'w') as z:\n"
           "    z.writestr('badname-1.0.dist-info/METADATA', 'Name: badname\\nVersion: 1.0\\n')\n";
    REQUIRE(std::system((std::string("/usr/bin/python3 ") + wh + "/script.py").c_str()) == 0);

    const std::vector<std::pair<const char*, const char*>> expected = {
        {"baddist", "baddist-1.0.dist-info/METADATA:4: invalid Requires-Dist: "},
        {"badpy", "badpy-1.0.dist-info/METADATA:4: invalid Requires-Python: "},
        {"badver", "its METADATA Version '1.0.not.a.version' is not a valid version (PEP 440)"},
        {"corrupt", "corrupt-1.0-py3-none-any.whl: no zip end of central directory record"},
        {"noinfo", "noinfo-1.0-py3-none-any.whl: no .dist-info directory"},
        {"twoinfo", "more than one .dist-info directory (other-2.0.dist-info, "
                    "twoinfo-1.0.dist-info)"},
        {"latin", "latin-1.0.dist-info/METADATA: METADATA is not valid UTF-8"},
        {"badname", "badname-1.0.whl: 'badname-1.0.whl' is not a valid wheel file name"},
    };
    for (const auto& [name, reason] : expected)
    {
        CAPTURE(name);
        const std::string message = summary(run(wh, {name}));
        CAPTURE(message);
        CHECK(message.starts_with("cannot resolve the requirements"));
        CHECK(message.find(reason) != std::string::npos);
    }
    // The reason is given where the wheel would have matched, too.
    CHECK(summary(run(wh, {"baddist"})).find(
              "baddist-1.0-py3-none-any.whl would match, but its metadata is unreadable: ") !=
          std::string::npos);
}
