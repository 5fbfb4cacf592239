#include "spec/load.hpp"
#include "spec_fixture.hpp"

#include <doctest/doctest.h>

using namespace pydeb::spec;

namespace
{

// The valid spec without its compression line, plus `extra` from line 23 on; `formats` for its
// formats line.
pydeb::Expected<Spec> load_with(std::string_view extra, std::string_view formats = "[deb]")
{
    write_valid_tree("t");
    std::string text(k_valid_spec);
    text.erase(text.find("compression: xz\n"));
    text.replace(text.find("[deb]"), 5, formats);
    write_text("t/pydeb.yaml", text + std::string(extra));
    return load("t/pydeb.yaml");
}

} // namespace

TEST_CASE("spec::load reads Debian targets, short and long form, with their defaults")
{
    write_text("t/keys/archive.gpg", "not checked here");
    const auto spec = load_with("targets:\n"
                                "  - bookworm\n"
                                "  - release: trixie\n"
                                "    archive: http://127.0.0.1:8080/debian/\n"
                                "    components: [main, contrib]\n"
                                "    keyring: keys/archive.gpg\n");
    REQUIRE_MESSAGE(spec.has_value(), spec.error().message);
    REQUIRE(spec->targets.size() == 2);
    const Target& bookworm = spec->targets[0];
    CHECK(bookworm.kind == TargetKind::debian);
    CHECK(bookworm.name == "bookworm");
    CHECK(bookworm.debian_number == 12);
    CHECK(bookworm.archive.empty());
    CHECK(bookworm.components == std::vector<std::string>{"main"});
    CHECK(bookworm.keyring == "/usr/share/keyrings/debian-archive-keyring.gpg");
    CHECK(bookworm.compression == Compression::zstd);
    CHECK(bookworm.where.to_string() == "t/pydeb.yaml:24:5");
    const Target& trixie = spec->targets[1];
    CHECK(trixie.debian_number == 13);
    CHECK(trixie.archive == "http://127.0.0.1:8080/debian");
    CHECK(trixie.components == std::vector<std::string>{"main", "contrib"});
    CHECK(trixie.keyring == std::filesystem::absolute("t/keys/archive.gpg").lexically_normal());
    CHECK(load_with("").value().targets.empty());
}

TEST_CASE("spec::load gives bullseye xz, and refuses an explicit zstd for it saying why")
{
    const auto plain = load_with("targets: [bullseye, bookworm]\n");
    REQUIRE_MESSAGE(plain.has_value(), plain.error().message);
    CHECK(plain->targets[0].compression == Compression::xz);
    CHECK(plain->targets[1].compression == Compression::zstd);
    CHECK(load_with("compression: gzip\ntargets: [bullseye]\n").value().targets[0].compression ==
          Compression::gzip);
    const std::string why = ": compression: zstd cannot be used for target bullseye: its dpkg "
                            "(1.20) cannot read zstd members (dpkg reads them from 1.21.18 on); "
                            "use xz, or leave compression unset for bullseye to get xz";
    CHECK(load_with("compression: zstd\ntargets: [bullseye]\n").error().message ==
          "t/pydeb.yaml:23:14" + why);
    CHECK(load_with("targets: [{release: bullseye, compression: zstd}]\n").error().message ==
          "t/pydeb.yaml:23:44" + why);
}

TEST_CASE("spec::load reports bad targets where they are")
{
    CHECK(load_with("targets: [bulseye]\n").error().message ==
          "t/pydeb.yaml:23:11: unknown Debian release 'bulseye' (known: buster, bullseye, "
          "bookworm, trixie, forky)");
    CHECK(load_with("targets: bookworm\n").error().message ==
          "t/pydeb.yaml:23:10: 'targets' must be a list of releases (targets: [bookworm, trixie])");
    CHECK(load_with("targets: [bookworm, bookworm]\n").error().message ==
          "t/pydeb.yaml:23:21: target bookworm is listed twice");
    CHECK(load_with("targets: [{release: trixie, archive: ftp://x/debian}]\n").error().message ==
          "t/pydeb.yaml:23:38: archive: an http:// or https:// URL of the archive root is "
          "expected (got 'ftp://x/debian')");
    CHECK(load_with("targets: [{release: trixie, keyring: none.gpg}]\n")
              .error()
              .message.starts_with("t/pydeb.yaml:23:38: keyring: file not found: "));
    CHECK(load_with("targets: [{rpm: el9}]\n").error().message ==
          "t/pydeb.yaml:23:10: targets names rpm targets but 'formats' leaves out rpm\n"
          "t/pydeb.yaml:23:11: rpm target el9 needs 'repositories': directories holding "
          "repodata/, or their http(s) URLs");
    CHECK(load_with("targets: [{os: x}]\n").error().message ==
          "t/pydeb.yaml:23:11: a target is a Debian release name, {release: NAME, ...} or {rpm: "
          "NAME, repositories: [...]}");
}

TEST_CASE("spec::load reads an rpm target's repository directories")
{
    std::filesystem::create_directories("t/repos/el9/repodata");
    const auto spec =
        load_with("targets: [{rpm: el9, repositories: [repos/el9]}]\n", "[deb, rpm]");
    REQUIRE_MESSAGE(spec.has_value(), spec.error().message);
    REQUIRE(spec->targets.size() == 1);
    CHECK(spec->targets[0].kind == TargetKind::rpm);
    CHECK(spec->targets[0].repositories ==
          std::vector<std::filesystem::path>{
              std::filesystem::absolute("t/repos/el9").lexically_normal()});
}

TEST_CASE("spec::load reads an rpm target's repository URLs and its keyring")
{
    std::filesystem::create_directories("t/repos/el9/repodata");
    write_text("t/keys/el9.gpg", "not checked here");
    const auto spec = load_with(
        "targets:\n"
        "  - rpm: el9\n"
        "    repositories: [repos/el9, https://u:p@mirror.example/el9/BaseOS/x86_64/os//,\n"
        "                   http://127.0.0.1:8080/AppStream]\n"
        "    keyring: keys/el9.gpg\n"
        "  - {rpm: el8, repositories: [http://127.0.0.1:8080/el8]}\n",
        "[rpm]");
    REQUIRE_MESSAGE(spec.has_value(), spec.error().message);
    REQUIRE(spec->targets.size() == 2);
    const Target& el9 = spec->targets[0];
    CHECK(el9.repositories == std::vector<std::filesystem::path>{
                                  std::filesystem::absolute("t/repos/el9").lexically_normal()});
    CHECK(el9.repository_urls ==
          std::vector<std::string>{"https://u:p@mirror.example/el9/BaseOS/x86_64/os",
                                   "http://127.0.0.1:8080/AppStream"});
    CHECK(el9.keyring == std::filesystem::absolute("t/keys/el9.gpg").lexically_normal());
    // No keyring: repomd.xml is used unauthenticated (with a warning), never Debian's keyring.
    CHECK(spec->targets[1].repository_urls ==
          std::vector<std::string>{"http://127.0.0.1:8080/el8"});
    CHECK(spec->targets[1].keyring.empty());
}

TEST_CASE("spec::load refuses an rpm target's keyring with nothing to verify, or not there")
{
    std::filesystem::create_directories("t/repos/el9/repodata");
    write_text("t/keys/el9.gpg", "not checked here");
    CHECK(load_with("targets: [{rpm: el9, repositories: [repos/el9], keyring: keys/el9.gpg}]\n",
                    "[rpm]")
              .error()
              .message == "t/pydeb.yaml:23:58: keyring: verifies the repomd.xml of repositories "
                          "given by URL, and rpm target el9 names none; remove keyring:");
    CHECK(load_with("targets: [{rpm: el9, repositories: [http://h/el9], keyring: none.gpg}]\n",
                    "[rpm]")
              .error()
              .message.starts_with("t/pydeb.yaml:23:61: keyring: file not found: "));
}
