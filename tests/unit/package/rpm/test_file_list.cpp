#include "adapters/rpm/tags.hpp"
#include "package/rpm/file_list.hpp"

#include <doctest/doctest.h>

using namespace pydeb::package;
namespace file_flag = pydeb::adapters::rpm::file_flag;

TEST_CASE("rpm::plan_files flags documentation as rpmbuild's %__docdir_path does, config first")
{
    const std::vector<Entry> entries{
        {.path = "/etc/app/app.conf", .config = ConfigFile::yes},
        {.path = "/opt/venvs/app/share/doc/x.txt"},
        {.path = "/usr/share/doc/app", .type = EntryType::directory},
        {.path = "/usr/share/doc/app/app.spdx.json"},
        {.path = "/usr/share/docs/app.txt"},
        {.path = "/usr/share/man/man1/app.1.gz"},
    };
    const auto records = rpm::plan_files(entries, 0); // sorted by path, as `entries` is
    REQUIRE(records.has_value());
    REQUIRE(records->size() == entries.size());
    CHECK((*records)[0].flags == (file_flag::config | file_flag::noreplace));
    CHECK((*records)[1].flags == 0);
    CHECK((*records)[2].flags == 0); // a directory is no %doc file
    CHECK((*records)[3].flags == file_flag::doc);
    CHECK((*records)[4].flags == 0);
    CHECK((*records)[5].flags == file_flag::doc);
}
