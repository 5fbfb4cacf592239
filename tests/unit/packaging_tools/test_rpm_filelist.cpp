#include "packaging_tools/rpm_filelist.hpp"

#include <doctest/doctest.h>

using namespace pydeb::packaging_tools;
using pydeb::package::ConfigFile;
using pydeb::package::Entry;
using pydeb::package::EntryType;

namespace
{

Entry entry(std::string path, EntryType type, bool owned = true)
{
    Entry e;
    e.path = std::move(path);
    e.type = type;
    e.owned_directory = owned;
    return e;
}

} // namespace

TEST_CASE("packaging_tools::render_rpm_filelist lists owned dirs, config files and the rest")
{
    Entry conf = entry("/etc/app/app.conf", EntryType::file);
    conf.config = ConfigFile::yes;
    const auto list = render_rpm_filelist({
        entry("/etc", EntryType::directory, false),
        entry("/etc/app", EntryType::directory),
        conf,
        entry("/opt/venvs/app", EntryType::directory),
        entry("/opt/venvs/app/bin/python", EntryType::symlink),
        entry("/opt/venvs/app/lib/a b/100%.py", EntryType::file),
    });
    REQUIRE(list);
    CHECK(*list == "%defattr(-,root,root,-)\n"
                   "%dir \"/etc/app\"\n"
                   "%config(noreplace) \"/etc/app/app.conf\"\n"
                   "%dir \"/opt/venvs/app\"\n"
                   "\"/opt/venvs/app/bin/python\"\n"
                   "\"/opt/venvs/app/lib/a b/100%%.py\"\n");
}

TEST_CASE("packaging_tools::rpm_files_pattern makes glob characters literal")
{
    // The forms rpmbuild 4.18 was seen to match literally (tests/integration/rpmbuild).
    CHECK(rpm_files_pattern("/x/star*") == "/x/star[*]");
    CHECK(rpm_files_pattern("/x/g[1]/q?") == "/x/g[[]1]/q[?]");
    CHECK(rpm_files_pattern("/x/br{a,b}") == "/x/br?a,b?");
    CHECK(rpm_files_pattern("/x/\"q\\") == "/x/?q?");
}

TEST_CASE("packaging_tools::render_rpm_filelist refuses ambiguous and multi-line paths")
{
    const auto ambiguous =
        render_rpm_filelist({entry("/x/a{b", EntryType::file), entry("/x/a}b", EntryType::file)});
    REQUIRE_FALSE(ambiguous);
    CHECK(ambiguous.error().message.find("'/x/a{b' cannot be listed for rpm without also matching "
                                         "'/x/a}b'") == 0);
    CHECK(
        render_rpm_filelist({entry("/x/a{b", EntryType::file), entry("/x/a{bc", EntryType::file)}));
    CHECK_FALSE(render_rpm_filelist({entry("/x/a\nb", EntryType::file)}));
}

TEST_CASE("packaging_tools::render_rpm_requires sorts and de-duplicates")
{
    CHECK(render_rpm_requires({"libpq.so.5()(64bit)", "python3 >= 3.11", "libpq.so.5()(64bit)",
                               ""}) == "libpq.so.5()(64bit)\npython3 >= 3.11\n");
    CHECK(render_rpm_requires({}).empty());
}
