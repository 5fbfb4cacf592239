#include "package/deb/members.hpp"

#include <doctest/doctest.h>
#include <filesystem>

using namespace pydeb;
using namespace pydeb::package;

namespace
{

Entry entry(std::string path, EntryType type = EntryType::file)
{
    Entry e;
    e.path = std::move(path);
    e.type = type;
    e.mode = type == EntryType::directory ? 0700 : 0644;
    e.source = "/nonexistent";
    e.link_target = type == EntryType::symlink ? "target" : "";
    return e;
}

std::vector<std::string> paths(const std::vector<deb::Member>& members)
{
    std::vector<std::string> out;
    for (const deb::Member& member : members)
    {
        out.emplace_back(member.path);
    }
    return out;
}

} // namespace

TEST_CASE("deb::plan_members adds the missing parents, sorts byte-wise and puts symlinks last")
{
    const std::vector<Entry> entries{entry("/usr/bin/app", EntryType::symlink),
                                     entry("/opt/venvs/app/bin/python"),
                                     entry("/opt/venvs/app", EntryType::directory),
                                     entry("/opt/venvs/app/lib/a-b.py"),
                                     entry("/opt/venvs/app/lib/a.py"),
                                     entry("/opt/venvs/app/...")};
    // A generated file an entry already provides is left out.
    const std::vector<deb::GeneratedFile> generated{{"/usr/share/doc/app/copyright", "text"},
                                                    {"/opt/venvs/app/bin/python", "generated"}};
    const auto members = deb::plan_members(entries, generated);
    REQUIRE(members.has_value());
    CHECK(paths(*members) == std::vector<std::string>{
                                 "/",
                                 "/opt",
                                 "/opt/venvs",
                                 "/opt/venvs/app",
                                 "/opt/venvs/app/...",
                                 "/opt/venvs/app/bin",
                                 "/opt/venvs/app/bin/python",
                                 "/opt/venvs/app/lib",
                                 "/opt/venvs/app/lib/a-b.py", // '-' (0x2d) sorts before '.'
                                 "/opt/venvs/app/lib/a.py",
                                 "/usr",
                                 "/usr/bin",
                                 "/usr/share",
                                 "/usr/share/doc",
                                 "/usr/share/doc/app",
                                 "/usr/share/doc/app/copyright",
                                 "/usr/bin/app",
                             });
    for (const deb::Member& member : *members)
    {
        if (member.path == "/opt/venvs/app")
        {
            CHECK(member.mode == 0700); // the package's own directory keeps its staged mode
        }
        else if (member.path == "/opt/venvs/app/bin/python")
        {
            CHECK(member.entry == &entries[1]);
            CHECK(member.generated == nullptr);
        }
        else if (member.type == EntryType::directory)
        {
            CHECK(member.mode == 0755); // added parents and base-system directories
        }
    }
}

TEST_CASE("deb::plan_members refuses paths dpkg cannot take")
{
    const std::vector<deb::GeneratedFile> none;
    for (const std::string bad :
         {"relative/path", "/a//b", "/a/./b", "/a/../b", "/a/.", "/a/..", "//a", "/a\nb", "/a\rb"})
    {
        CAPTURE(bad);
        const std::vector<Entry> entries{entry(bad)};
        const auto result = deb::plan_members(entries, none);
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().message.find("paths must be absolute and normalized") !=
              std::string::npos);
    }
    const std::vector<Entry> twice_entries{entry("/a"), entry("/a")};
    const auto twice = deb::plan_members(twice_entries, none);
    REQUIRE_FALSE(twice.has_value());
    CHECK(twice.error().message == "package entry '/a' appears twice");

    const std::vector<Entry> below_entries{entry("/a"), entry("/a/b")};
    const auto below_file = deb::plan_members(below_entries, none);
    REQUIRE_FALSE(below_file.has_value());
    CHECK(below_file.error().message ==
          "package entry '/a/b' is below a path that is not a directory");
}
