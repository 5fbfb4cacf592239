// Round-trip: write a .deb from a staging tree, read it back with a hand-written ar parser and
// libarchive, and check what dpkg would see.
#include "package/contents.hpp"
#include "package/deb/writer.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <map>

namespace fs = std::filesystem;
using namespace pydeb;
using namespace pydeb::package;

namespace
{

struct ArMember
{
    std::string name;
    std::string header;
    std::string data;
};

std::vector<ArMember> read_ar(const std::string& bytes)
{
    REQUIRE(bytes.starts_with("!<arch>\n"));
    std::vector<ArMember> members;
    std::size_t at = 8;
    while (at < bytes.size())
    {
        ArMember member;
        member.header = bytes.substr(at, 60);
        REQUIRE(member.header.substr(58) == "`\n");
        member.name = member.header.substr(0, member.header.find(' '));
        const std::size_t size = std::stoull(member.header.substr(48, 10));
        member.data = bytes.substr(at + 60, size);
        members.push_back(member);
        at += 60 + size + size % 2;
    }
    return members;
}

struct TarItem
{
    std::string path;
    unsigned type;
    unsigned mode;
    std::int64_t mtime;
    std::string owner;
    std::string link;
    std::string data;
    int format;
};

std::vector<TarItem> read_tar(const std::string& bytes)
{
    std::vector<TarItem> items;
    struct archive* a = archive_read_new();
    archive_read_support_filter_all(a);
    archive_read_support_format_tar(a);
    REQUIRE(archive_read_open_memory(a, bytes.data(), bytes.size()) == ARCHIVE_OK);
    struct archive_entry* entry = nullptr;
    while (archive_read_next_header(a, &entry) == ARCHIVE_OK)
    {
        TarItem item{archive_entry_pathname(entry),
                     archive_entry_filetype(entry),
                     archive_entry_perm(entry),
                     archive_entry_mtime(entry),
                     std::to_string(archive_entry_uid(entry)) + ":" +
                         std::to_string(archive_entry_gid(entry)) + ":" +
                         archive_entry_uname(entry) + ":" + archive_entry_gname(entry),
                     archive_entry_symlink(entry) ? archive_entry_symlink(entry) : "",
                     {},
                     archive_format(a)};
        char buffer[4096];
        la_ssize_t n = 0;
        while ((n = archive_read_data(a, buffer, sizeof buffer)) > 0)
        {
            item.data.append(buffer, static_cast<std::size_t>(n));
        }
        items.push_back(item);
    }
    archive_read_free(a);
    return items;
}

void write(const fs::path& path, std::string_view text, fs::perms mode = fs::perms(0644))
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    fs::permissions(path, mode);
}

PackageInfo staged_package(const fs::path& stage)
{
    fs::remove_all(stage);
    write(stage / "opt/venvs/hello/bin/hello", "#!/opt/venvs/hello/bin/python\n", fs::perms(0755));
    write(stage / "etc/hello/hello.conf", "greeting=hi\n");
    // A path longer than ustar's 100-byte name field: needs a GNU 'L' record.
    write(stage / ("opt/venvs/hello/lib/" + std::string(120, 'x') + "/mod.py"), "x = 1\n");
    fs::create_directories(stage / "usr/bin");
    fs::create_symlink("/opt/venvs/hello/bin/hello", stage / "usr/bin/hello");
    PackageInfo info;
    info.name = "hello";
    info.version = "1.0";
    info.release = "1";
    info.summary = "greets";
    info.description = "Greets people.";
    info.maintainer = "Jane Doe <jane@example.com>";
    info.deb_architecture = "all";
    info.entries = collect_entries(stage, {}).value();
    info.venv.prefix = "/opt/venvs/hello";
    info.source_date_epoch = 1700000000;
    return info;
}

std::map<std::string, TarItem> by_path(const std::vector<TarItem>& items)
{
    std::map<std::string, TarItem> out;
    for (const TarItem& item : items)
    {
        out[item.path] = item;
    }
    return out;
}

} // namespace

TEST_CASE("deb::write_package round-trip")
{
    PackageInfo info = staged_package(fs::absolute("stage"));
    // A umask-077 staging of /opt must not reach the target's /opt; the package's own dirs keep
    // their staged mode.
    fs::permissions("stage/opt", fs::perms(0700));
    fs::permissions("stage/opt/venvs/hello", fs::perms(0750));
    // A staged file older than the epoch keeps its mtime (as collected); newer ones are clamped.
    const auto old_time = fs::file_time_type::clock::now() - std::chrono::hours(24 * 365 * 10);
    fs::last_write_time("stage/opt/venvs/hello/bin/hello", old_time);
    info.entries = collect_entries("stage", {}).value();

    for (Compression compression :
         {Compression::zstd, Compression::xz, Compression::gzip, Compression::none})
    {
        info.compression = compression;
        REQUIRE(deb::write_package(info, "out/hello.deb").has_value());
        const auto members = read_ar(util::read_file("out/hello.deb").value());
        REQUIRE(members.size() == 3);
        CHECK(members[0].name == "debian-binary");
        CHECK(members[0].data == "2.0\n");
        CHECK(members[0].header.substr(16, 32) == "1700000000  0     0     100644  ");
        const std::string suffix = compression == Compression::zstd   ? ".zst"
                                   : compression == Compression::xz   ? ".xz"
                                   : compression == Compression::gzip ? ".gz"
                                                                      : "";
        CHECK(members[1].name == "control.tar" + suffix);
        CHECK(members[2].name == "data.tar" + suffix);

        const auto control = by_path(read_tar(members[1].data));
        const auto data_items = read_tar(members[2].data);
        const auto data = by_path(data_items);

        // Control area.
        CHECK(control.at("./").mode == 0755);
        CHECK(control.at("./conffiles").data == "/etc/hello/hello.conf\n");
        CHECK(control.at("./prerm").mode == 0755);
        CHECK(control.at("./postrm").mode == 0755);
        CHECK_FALSE(control.contains("./postinst"));
        const std::string& text = control.at("./control").data;
        CHECK(text.starts_with("Package: hello\nVersion: 1.0-1\nArchitecture: all\n"));
        CHECK(text.find("\nDescription: greets\n Greets people.\n") != std::string::npos);
        const std::string& md5sums = control.at("./md5sums").data;
        CHECK(md5sums.find(util::to_hex(util::digest(util::HashAlgorithm::md5,
                                                     "#!/opt/venvs/hello/bin/python\n")) +
                           "  opt/venvs/hello/bin/hello\n") != std::string::npos);
        CHECK(md5sums.find("etc/hello") == std::string::npos); // conffiles are not in md5sums

        // Data: root first, byte-sorted, symlinks last, every parent present, root-owned.
        CHECK(data_items.front().path == "./");
        CHECK(data_items.back().path == "./usr/bin/hello");
        CHECK(data_items.back().link == "/opt/venvs/hello/bin/hello");
        CHECK(data.contains("./opt/"));
        CHECK(data.contains("./usr/share/doc/hello/"));
        CHECK(data.contains("./usr/share/doc/hello/copyright"));
        // gzip -9n: no file name, no timestamp (RFC 1952 FLG and MTIME are zero).
        const std::string& changelog = data.at("./usr/share/doc/hello/changelog.Debian.gz").data;
        REQUIRE(changelog.size() > 10);
        CHECK(changelog.substr(0, 3) == "\x1f\x8b\x08");
        CHECK(changelog.substr(3, 5) == std::string(5, '\0'));
        CHECK(
            data.at("./usr/share/lintian/overrides/hello").data.find("hello: dir-or-file-in-opt") !=
            std::string::npos);
        for (const TarItem& item : data_items)
        {
            CHECK(item.owner == "0:0:root:root");
            CHECK(item.format != ARCHIVE_FORMAT_TAR_PAX_INTERCHANGE);
            CHECK(item.mtime <= 1700000000);
        }
        CHECK(data.at("./opt/").mode == 0755);
        CHECK(data.at("./opt/venvs/hello/").mode == 0750);
        const TarItem& hello = data.at("./opt/venvs/hello/bin/hello");
        CHECK(hello.mode == 0755);
        CHECK(hello.mtime < 1700000000);
        CHECK(hello.data == "#!/opt/venvs/hello/bin/python\n");
        CHECK(data.at("./etc/hello/hello.conf").mtime == 1700000000);
        CHECK(data.at("./opt/venvs/hello/lib/" + std::string(120, 'x') + "/mod.py").data ==
              "x = 1\n");
    }
}

TEST_CASE("deb::write_package is deterministic with SOURCE_DATE_EPOCH")
{
    PackageInfo info = staged_package(fs::absolute("stage"));
    info.compression = Compression::gzip;
    REQUIRE(deb::write_package(info, "a.deb").has_value());
    REQUIRE(deb::write_package(info, "b.deb").has_value());
    CHECK(util::read_file("a.deb").value() == util::read_file("b.deb").value());
}

TEST_CASE("deb::write_package leaves nothing behind when it fails")
{
    PackageInfo info = staged_package(fs::absolute("stage"));
    fs::remove("stage/opt/venvs/hello/bin/hello"); // vanished after collection
    fs::create_directories("fails");
    auto result = deb::write_package(info, "fails/hello.deb");
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message.find("opt/venvs/hello/bin/hello: cannot read") !=
          std::string::npos);
    CHECK(fs::is_empty("fails"));

    // A file that grew after collection, with data.tar half written and its md5s being taken on
    // the worker thread: the error names the file, and neither package nor scratch stays.
    for (Compression compression : {Compression::zstd, Compression::none})
    {
        info = staged_package(fs::absolute("stage"));
        info.compression = compression;
        write("stage/opt/venvs/hello/lib/" + std::string(120, 'x') + "/mod.py", "x = 1\ny = 2\n");
        result = deb::write_package(info, "fails/hello.deb");
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().message.find("/mod.py: file changed size while being packaged") !=
              std::string::npos);
        CHECK(fs::is_empty("fails"));
    }

    info = staged_package(fs::absolute("stage"));
    info.summary = "two\nlines";
    REQUIRE_FALSE(deb::write_package(info, "fails/hello.deb").has_value());
    CHECK(fs::is_empty("fails"));
}
