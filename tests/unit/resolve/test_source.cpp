// The resolver with a WheelSource (a package index): yanked files (PEP 592), data-requires-python,
// metadata read through the source, only the chosen wheels fetched.
#include "fixtures.hpp"
#include "resolve/resolve.hpp"

#include <doctest/doctest.h>

using namespace pydeb;
using namespace pydeb::resolve;

namespace
{

struct FakeIndex final : WheelSource
{
    std::vector<RemoteWheel> files;
    std::vector<std::string> metadata_asked;
    std::vector<std::string> fetched;

    void add(const std::string& file, std::optional<std::string> yanked = {},
             std::optional<std::string> requires_python = {})
    {
        files.push_back({file,
                         *python::WheelFilename::parse(file),
                         "http://i/files/" + file,
                         std::string(64, 'a'),
                         std::move(requires_python),
                         std::move(yanked),
                         true,
                         {}});
    }
    Expected<std::vector<RemoteWheel>> wheels(const std::string& name) override
    {
        std::vector<RemoteWheel> out;
        for (const auto& file : files)
        {
            if (file.filename.normalized_name() == name)
            {
                out.push_back(file);
            }
        }
        return out;
    }
    Expected<WheelMetadata> metadata(const RemoteWheel& wheel) override
    {
        metadata_asked.push_back(wheel.file);
        return parse_metadata("Metadata-Version: 2.1\nName: " + wheel.filename.name +
                                  "\nVersion: " + wheel.filename.version.to_string() + "\n",
                              wheel.file);
    }
    Expected<std::vector<FetchedWheel>> fetch(std::span<const RemoteWheel> wheels) override
    {
        std::vector<FetchedWheel> out;
        for (const auto& wheel : wheels)
        {
            fetched.push_back(wheel.file);
            out.push_back({"/cache/" + wheel.file, wheel.sha256});
        }
        return out;
    }
};

Expected<Resolution> resolve_with(FakeIndex& index, const char* requirement)
{
    ResolveRequest request{
        {*python::Requirement::parse(requirement)}, {}, test::linux_cpython311()};
    request.source = &index;
    return resolve::resolve(request);
}

} // namespace

TEST_CASE("an index's yanked file is used only when pinned with ==; Requires-Python skips early")
{
    FakeIndex index;
    index.add("a-1.0-py3-none-any.whl");
    index.add("a-2.0-py3-none-any.whl", "broken");
    index.add("a-3.0-py3-none-any.whl", std::nullopt, ">=3.12");
    const auto newest = resolve_with(index, "a");
    REQUIRE(newest.has_value());
    REQUIRE(newest->wheels.size() == 1);
    CHECK(newest->wheels[0].filename == "a-1.0-py3-none-any.whl");
    CHECK(newest->wheels[0].url == "http://i/files/a-1.0-py3-none-any.whl");
    CHECK(newest->wheels[0].path == "/cache/a-1.0-py3-none-any.whl");
    // Neither the yanked nor the too-new-Python file had its metadata fetched; one wheel fetched.
    CHECK(index.metadata_asked == std::vector<std::string>{"a-1.0-py3-none-any.whl"});
    CHECK(index.fetched == std::vector<std::string>{"a-1.0-py3-none-any.whl"});

    const auto pinned = resolve_with(index, "a==2.0");
    REQUIRE(pinned.has_value());
    CHECK(pinned->wheels[0].filename == "a-2.0-py3-none-any.whl");

    const auto ranged = resolve_with(index, "a>=2");
    REQUIRE_FALSE(ranged.has_value());
    CHECK(ranged.error().message.find("yanked (PEP 592: broken)") != std::string::npos);
}

namespace
{

struct FakeBuilder final : SdistBuilder
{
    std::filesystem::path built; // the wheel a build returns
    std::vector<std::string> asked;
    Expected<std::filesystem::path> build(const SdistToBuild& sdist) override
    {
        asked.push_back(sdist.file + " " + sdist.name + " " + sdist.version.to_string() + " " +
                        sdist.sha256.substr(0, 8));
        if (built.empty())
        {
            return fail("building " + sdist.file + " failed: the tail");
        }
        return built;
    }
};

} // namespace

TEST_CASE("a name no wheel fits is built from its newest admitted sdist; the lock gets the sdist")
{
    test::make_wheelhouse("wh", {test::wheel("click-8.1.3-py3-none-any.whl")},
                          {"baz-0.2.tar.gz", "baz-0.3.tar.gz", "baz-0.4.tar.gz"});
    test::make_wheelhouse("built", {test::wheel("baz-0.3-cp311-cp311-linux_x86_64.whl",
                                                {"Requires-Dist: click"})});
    FakeBuilder builder;
    builder.built = "built/baz-0.3-cp311-cp311-linux_x86_64.whl";
    ResolveRequest request{{*python::Requirement::parse("baz<0.4")}, {"wh"},
                           test::linux_cpython311()};
    request.builder = &builder;
    const auto resolution = resolve::resolve(request);
    REQUIRE_MESSAGE(resolution.has_value(), resolution.error().message);
    // sha256 of "not really an archive", the fixture's sdist bytes.
    CHECK(builder.asked == std::vector<std::string>{"baz-0.3.tar.gz baz 0.3 484703de"});
    REQUIRE(resolution->wheels.size() == 2);
    const ResolvedWheel& baz = resolution->wheels[0];
    CHECK(baz.filename == "baz-0.3.tar.gz");
    CHECK(baz.path == builder.built);
    CHECK(baz.sha256.starts_with("484703de"));
    CHECK(resolution->wheels[1].name == "click"); // Requires-Dist from the built wheel

    builder.built.clear();
    const auto failed = resolve::resolve(request);
    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error().message == "building baz-0.3.tar.gz failed: the tail");
}
