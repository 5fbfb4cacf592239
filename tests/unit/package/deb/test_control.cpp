#include "package/deb/control.hpp"
#include "package/deb/docs.hpp"
#include "package/deb/writer.hpp"

#include <doctest/doctest.h>

using namespace pydeb::package;
using namespace pydeb::package::deb;

namespace
{

PackageInfo sample()
{
    PackageInfo info;
    info.name = "hello";
    info.epoch = 1;
    info.version = "2.0.1";
    info.release = "3";
    info.summary = "say hello from a virtualenv";
    info.description = "\nA greeting tool.\n\nIt greets:\n  hello --name you   \n\n";
    info.maintainer = "Jane Doe <jane@example.com>";
    info.homepage = "https://example.com/hello";
    info.deb_architecture = "amd64";
    info.relations.depends = {"python3.11", "libc6 (>= 2.34)"};
    info.relations.conflicts = {"hello-legacy"};
    return info;
}

} // namespace

TEST_CASE("deb::render_control golden")
{
    auto control = render_control(sample(), 42);
    REQUIRE(control.has_value());
    CHECK(*control == "Package: hello\n"
                      "Version: 1:2.0.1-3\n"
                      "Architecture: amd64\n"
                      "Maintainer: Jane Doe <jane@example.com>\n"
                      "Installed-Size: 42\n"
                      "Depends: python3.11, libc6 (>= 2.34)\n"
                      "Conflicts: hello-legacy\n"
                      "Section: misc\n"
                      "Priority: optional\n"
                      "Homepage: https://example.com/hello\n"
                      "Description: say hello from a virtualenv\n"
                      " A greeting tool.\n"
                      " .\n"
                      " It greets:\n"
                      "   hello --name you\n");
}

TEST_CASE("deb::render_control refuses field injection and missing required fields")
{
    PackageInfo info = sample();
    info.homepage = "https://x\nDepends: evil";
    auto injected = render_control(info, 1);
    REQUIRE_FALSE(injected.has_value());
    CHECK(injected.error().message.starts_with("control field Homepage must be a single line"));

    info = sample();
    info.summary = "two\nlines";
    CHECK_FALSE(render_control(info, 1).has_value());

    info = sample();
    info.relations.depends = {"a\nPackage: b"};
    CHECK_FALSE(render_control(info, 1).has_value());

    info = sample();
    info.deb_architecture.clear();
    auto missing = render_control(info, 1);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().message ==
          "control field Architecture is empty; dpkg requires it (deb-control(5))");
}

TEST_CASE("deb::fold_description follows Policy 5.6.13")
{
    CHECK(fold_description("short", "") == "short");
    CHECK(fold_description("  short  ", "one\ntwo") == "short\n one\n two");
    CHECK(fold_description("s", "a\n\n\t\nb") == "s\n a\n .\n .\n b");
    CHECK(fold_description("s", "  verbatim\n") == "s\n   verbatim");
    CHECK(fold_description("s", "a\r\nb\r\n") == "s\n a\n b");
}

TEST_CASE("deb::installed_size counts like dpkg-gencontrol")
{
    CHECK(installed_size({}) == 0);
    CHECK(installed_size({{EntryType::directory, 0}}) == 1);
    // Empty files add nothing; 1 byte and 1024 bytes are one KiB; 1025 bytes are two.
    CHECK(installed_size({{EntryType::file, 0},
                          {EntryType::file, 1},
                          {EntryType::file, 1024},
                          {EntryType::file, 1025},
                          {EntryType::symlink, 12},
                          {EntryType::directory, 4096}}) == 6);
}

TEST_CASE("deb::render_md5sums and render_conffiles sort and strip the leading slash")
{
    CHECK(render_md5sums({{"/usr/b", "bb"}, {"/opt/a", "aa"}}) == "aa  opt/a\nbb  usr/b\n");
    CHECK(render_conffiles({"/etc/z.conf", "/etc/a.conf"}) == "/etc/a.conf\n/etc/z.conf\n");
}

TEST_CASE("deb::deb_version and conventional_filename")
{
    PackageInfo info = sample();
    CHECK(deb_version(info) == "1:2.0.1-3");
    CHECK(conventional_filename(info) == "hello_2.0.1-3_amd64.deb");
    info.epoch.reset();
    info.release.clear();
    CHECK(deb_version(info) == "2.0.1");
    CHECK(conventional_filename(info) == "hello_2.0.1_amd64.deb");
}

TEST_CASE("deb::changelog_date is RFC 5322 in UTC")
{
    CHECK(changelog_date(0) == "Thu, 01 Jan 1970 00:00:00 +0000");
    CHECK(changelog_date(1700000000) == "Tue, 14 Nov 2023 22:13:20 +0000");
}

TEST_CASE("deb::generated_files adds what Policy 12 requires, unless the package has it")
{
    PackageInfo info = sample();
    info.source_date_epoch = 1700000000;
    info.venv.prefix = "/opt/venvs/hello";
    auto files = generated_files(info);
    REQUIRE(files.has_value());
    REQUIRE(files->size() == 3);
    CHECK((*files)[0].path == "/usr/share/doc/hello/copyright");
    CHECK((*files)[0].contents.find("Copyright: 2023 Jane Doe <jane@example.com> (packaging)") !=
          std::string::npos);
    CHECK((*files)[1].path == "/usr/share/doc/hello/changelog.Debian.gz");
    CHECK((*files)[2].path == "/usr/share/lintian/overrides/hello");
    CHECK((*files)[2].contents.find("\nhello: dir-or-file-in-opt\n") != std::string::npos);
    // zstd (the default): bookworm's lintian calls zstd members malformed (pydeb(1)).
    CHECK((*files)[2].contents.ends_with("\nhello: malformed-deb-archive\n"));
    info.compression = Compression::xz;
    files = generated_files(info);
    REQUIRE(files.has_value());
    CHECK((*files)[2].contents.ends_with("\nhello: dir-or-file-in-opt\n"));
    CHECK((*files)[2].contents.find("malformed-deb-archive") == std::string::npos);

    // The user's own copyright wins; a native version gets changelog.gz; no /opt, no override.
    Entry own;
    own.path = "/usr/share/doc/hello/copyright";
    info.entries.push_back(own);
    info.release.clear();
    info.venv.prefix = "/srv/hello";
    files = generated_files(info);
    REQUIRE(files.has_value());
    REQUIRE(files->size() == 1);
    CHECK((*files)[0].path == "/usr/share/doc/hello/changelog.gz");
}
