// solv_repos::read_repomd against createrepo_c's own output: each entry's location names a file
// of the repository whose sha256 and size are the ones read; and a repomd.xml with another
// checksum type and no <size> is read as it says.
#include "adapters/process/process.hpp"
#include "adapters/solv_repos/loaders.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include <doctest/doctest.h>

using namespace pydeb;
namespace repos = pydeb::adapters::solv_repos;
namespace fs = std::filesystem;

TEST_CASE("read_repomd gives createrepo_c's locations, sha256 and sizes")
{
    fs::create_directories("repo");
    const auto made = adapters::run_process("createrepo_c", {"-q", "--no-database", "repo"});
    REQUIRE_MESSAGE(made.has_value(), made.error().message);
    REQUIRE_MESSAGE(made->succeeded(), made->standard_error);
    const auto entries =
        repos::read_repomd("repo/repodata/repomd.xml", {"primary", "filelists", "updateinfo"});
    REQUIRE_MESSAGE(entries.has_value(), entries.error().message);
    CHECK(entries->size() == 2); // an empty repository has no updateinfo
    for (const char* type : {"primary", "filelists"})
    {
        CAPTURE(type);
        const repos::RepomdData& data = entries->at(type);
        CHECK(data.location.starts_with("repodata/"));
        CHECK(data.location.ends_with(std::string("-") + type + ".xml.gz"));
        CHECK(data.checksum_type == "sha256");
        const fs::path file = fs::path("repo") / data.location;
        CHECK(data.checksum ==
              util::to_hex(util::digest_file(util::HashAlgorithm::sha256, file).value()));
        REQUIRE(data.size.has_value());
        CHECK(*data.size == fs::file_size(file));
    }
}

TEST_CASE("read_repomd reads another checksum type and a missing size as they are")
{
    REQUIRE(util::write_file_atomic(
        "repomd.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<repomd xmlns=\"http://linux.duke.edu/metadata/repo\">\n"
        "  <data type=\"primary\">\n"
        "    <checksum type=\"sha\">0123456789abcdef0123456789abcdef01234567</checksum>\n"
        "    <location href=\"repodata/a%20b&amp;c-primary.xml.gz\"/>\n"
        "  </data>\n"
        "</repomd>\n"));
    const auto entries = repos::read_repomd("repomd.xml", {"primary", "filelists"});
    REQUIRE_MESSAGE(entries.has_value(), entries.error().message);
    REQUIRE(entries->size() == 1);
    const repos::RepomdData& primary = entries->at("primary");
    CHECK(primary.location == "repodata/a%20b&c-primary.xml.gz");
    CHECK(primary.checksum_type == "sha1");
    CHECK(primary.checksum == "0123456789abcdef0123456789abcdef01234567");
    CHECK_FALSE(primary.size.has_value());
    CHECK_FALSE(repos::read_repomd("missing.xml", {"primary"}).has_value());
}

TEST_CASE("read_repomd survives what a hostile server may send: an unknown checksum type, bad XML")
{
    // libsolv before 0.7 exit(1)ed on an unknown checksum type; a repomd.xml fetched without a
    // keyring is anyone's text, so the process must live to refuse it.
    REQUIRE(util::write_file_atomic(
        "unknown.xml", "<repomd><data type=\"primary\"><checksum type=\"md7\">00</checksum>"
                       "<location href=\"repodata/p.xml.gz\"/></data></repomd>\n"));
    const auto unknown = repos::read_repomd("unknown.xml", {"primary"});
    if (unknown)
    {
        CHECK(unknown->at("primary").checksum_type != "sha256");
    }
    REQUIRE(util::write_file_atomic("broken.xml", "<repomd><data type=\"primary\">\n"));
    CHECK_FALSE(repos::read_repomd("broken.xml", {"primary"}).has_value());
}
