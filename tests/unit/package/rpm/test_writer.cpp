#include "adapters/rpm/header.hpp"
#include "adapters/rpm/package_reader.hpp"
#include "package/contents.hpp"
#include "package/rpm/writer.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include <algorithm>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <span>
#include <string>

using namespace pydeb;
using namespace pydeb::package;
namespace fs = std::filesystem;
namespace tag = pydeb::adapters::rpm::tag;
namespace sigtag = pydeb::adapters::rpm::sigtag;
using pydeb::adapters::rpm::Header;

namespace
{

constexpr std::int64_t k_epoch = 1700000000;

// A small staging tree: a venv with a script, a module, a symlink, plus a config file.
PackageInfo fixture()
{
    fs::remove_all("stage");
    fs::create_directories("stage/opt/venvs/demo/bin");
    fs::create_directories("stage/opt/venvs/demo/lib/python3.11/site-packages/demo");
    fs::create_directories("stage/etc/demo");
    REQUIRE(util::write_file_atomic("stage/opt/venvs/demo/bin/demo", "#!/bin/sh\necho demo\n",
                                    fs::perms(0755))
                .has_value());
    REQUIRE(util::write_file_atomic("stage/opt/venvs/demo/lib/python3.11/site-packages/demo/"
                                    "__init__.py",
                                    "VALUE = 1\n")
                .has_value());
    REQUIRE(util::write_file_atomic("stage/etc/demo/demo.conf", "key = value\n").has_value());
    fs::create_symlink("/usr/bin/python3", "stage/opt/venvs/demo/bin/python");
    for (const auto& entry : fs::recursive_directory_iterator("stage"))
    {
        if (!entry.is_symlink())
        {
            fs::permissions(entry.path(), entry.is_directory()                ? fs::perms(0755)
                                          : entry.path().filename() == "demo" ? fs::perms(0755)
                                                                              : fs::perms(0644));
        }
    }
    PackageInfo info;
    info.name = "demo";
    info.version = "1.2";
    info.release = "3";
    info.epoch = 1;
    info.summary = "Demo application";
    info.description = "A demo application\nwith its own virtualenv.";
    info.maintainer = "Jane Doe <jane@example.com>";
    info.license = "MIT";
    info.homepage = "https://example.com/demo";
    info.rpm_architecture = "x86_64";
    info.relations.rpm_requires = {"libc.so.6()(64bit)", "python(abi) = 3.11"};
    info.relations.rpm_provides = {"bundled(python3dist(idna)) = 3.4"};
    info.relations.rpm_conflicts = {"demo-legacy < 1.0"};
    info.lifecycle.post_install = "echo installed";
    info.venv.prefix = "/opt/venvs/demo";
    info.venv.interpreter = "/usr/bin/python3";
    info.source_date_epoch = k_epoch;
    info.entries = collect_entries("stage", {}).value();
    return info;
}

std::span<const std::byte> bytes_of(const std::string& text)
{
    return std::as_bytes(std::span(text.data(), text.size()));
}

std::size_t header_size(const std::string& file, std::size_t at)
{
    auto be32 = [&](std::size_t i)
    {
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 4; ++k)
        {
            v = (v << 8) | static_cast<unsigned char>(file[i + k]);
        }
        return v;
    };
    return 16 + 16 * be32(at + 8) + be32(at + 12);
}

// "Name STRING 1 = demo" per entry; digests of the compressed payload depend on the zstd
// version, so they (and the signature values derived from them) are masked.
std::string dump(const Header& header, bool signature)
{
    std::string out;
    for (const auto& entry : header.entries())
    {
        const adapters::rpm::TagId id{entry.tag};
        out += std::to_string(entry.tag) + " " +
               (signature ? std::string() : Header::tag_name(id) + " ") + entry.type + " " +
               std::to_string(entry.count) + " =";
        const bool volatile_value = id == tag::payload_digest ||
                                    (signature && (id == sigtag::sha256 || id == sigtag::size));
        if (volatile_value)
        {
            out += " <varies with the compressor>";
        }
        else if (entry.type == "BIN")
        {
            out += " <" + std::to_string(header.get_bin(id).size()) + " bytes>";
        }
        else if (entry.type.find("STRING") != std::string::npos)
        {
            for (const auto& value : header.get_strings(id))
            {
                out += " [" + value + "]";
            }
        }
        else
        {
            for (const auto value : header.get_numbers(id))
            {
                out += " " + std::to_string(value);
            }
        }
        out += "\n";
    }
    return out;
}

} // namespace

TEST_CASE("rpm::write_package round-trips through librpm")
{
    const auto info = fixture();
    REQUIRE(rpm::write_package(info, "out/demo.rpm").has_value());
    CHECK(rpm::conventional_filename(info) == "demo-1.2-3.x86_64.rpm");
    CHECK((fs::status("out/demo.rpm").permissions() & fs::perms::all) == fs::perms(0644));
    CHECK(std::distance(fs::directory_iterator("out"), fs::directory_iterator()) == 1);

    // rpmReadPackageFile parses lead, signature and header and checks the header digest.
    const auto header = adapters::rpm::read_package_header("out/demo.rpm");
    REQUIRE(header.has_value());
    CHECK(header->get_string(tag::name) == "demo");
    CHECK(header->get_string(tag::version) == "1.2");
    CHECK(header->get_numbers(tag::epoch) == std::vector<std::uint64_t>{1});
    CHECK(header->get_numbers(tag::build_time) == std::vector<std::uint64_t>{k_epoch});
    CHECK(header->get_string(tag::payload_compressor) == "zstd");
    CHECK(header->get_strings(tag::dir_names) ==
          std::vector<std::string>{"/etc/", "/etc/demo/", "/opt/", "/opt/venvs/",
                                   "/opt/venvs/demo/", "/opt/venvs/demo/bin/",
                                   "/opt/venvs/demo/lib/", "/opt/venvs/demo/lib/python3.11/",
                                   "/opt/venvs/demo/lib/python3.11/site-packages/",
                                   "/opt/venvs/demo/lib/python3.11/site-packages/demo/"});
    const auto names = header->get_strings(tag::base_names);
    CHECK(std::find(names.begin(), names.end(), "opt") == names.end()); // /opt is not claimed
    CHECK(std::find(names.begin(), names.end(), "etc") == names.end());
    const auto flags = header->get_numbers(tag::file_flags);
    REQUIRE(flags.size() == names.size());
    CHECK(flags[1] == 0x11); // /etc/demo/demo.conf: %config(noreplace)
    const auto digests = header->get_strings(tag::file_digests);
    CHECK(digests[1] == util::to_hex(util::digest(util::HashAlgorithm::sha256, "key = value\n")));
    CHECK(header->get_numbers(tag::file_mtimes) ==
          std::vector<std::uint64_t>(names.size(), k_epoch)); // clamped
    const auto requires_ = header->get_strings(tag::require_name);
    CHECK(std::find(requires_.begin(), requires_.end(), "rpmlib(PayloadIsZstd)") !=
          requires_.end());
    CHECK(std::find(requires_.begin(), requires_.end(), "/bin/sh") != requires_.end());
    const auto provides = header->get_strings(tag::provide_name);
    CHECK(provides == std::vector<std::string>{"bundled(python3dist(idna))", "config(demo)", "demo",
                                               "demo(x86-64)"});
    CHECK(header->get_strings(tag::provide_version)[2] == "1:1.2-3");

    // The signature header's SHA-256 covers the main header exactly as stored.
    const std::string file = util::read_file("out/demo.rpm").value();
    const auto signature = Header::parse(bytes_of(file).subspan(96)).value();
    const std::size_t sig_size = (header_size(file, 96) + 7) / 8 * 8;
    const std::size_t main_at = 96 + sig_size;
    const std::string main = file.substr(main_at, header_size(file, main_at));
    CHECK(signature.get_string(sigtag::sha256) ==
          util::to_hex(util::digest(util::HashAlgorithm::sha256, main)));
    CHECK(signature.get_numbers(sigtag::size) == std::vector<std::uint64_t>{file.size() - main_at});
    CHECK(signature.get_bin(sigtag::reserved_space).size() == 4096);
    const auto payload = std::string_view(file).substr(main_at + main.size());
    const auto parsed_main = Header::parse(bytes_of(main)).value();
    CHECK(parsed_main.get_string(tag::payload_digest) ==
          util::to_hex(util::digest(util::HashAlgorithm::sha256, payload)));
}

TEST_CASE("rpm::write_package is reproducible and reports bad input without output")
{
    auto info = fixture();
    REQUIRE(rpm::write_package(info, "a.rpm").has_value());
    REQUIRE(rpm::write_package(info, "b.rpm").has_value());
    CHECK(util::read_file("a.rpm").value() == util::read_file("b.rpm").value());

    info.version = "1.2-beta";
    const auto result = rpm::write_package(info, "bad.rpm");
    CHECK(result.error().message ==
          "writing bad.rpm: rpm version '1.2-beta' must be non-empty without '-' or blanks");
    info.version = "1.2";
    info.relations.rpm_requires.push_back("foo >>> 1");
    CHECK(rpm::write_package(info, "bad.rpm").error().message ==
          "writing bad.rpm: rpm requires: rpm dependency 'foo >>> 1': unknown operator '>>>'; "
          "use one of < <= = >= >");
    CHECK_FALSE(fs::exists("bad.rpm"));

    // A staged file that shrank after collection: found while the payload streams (its digest
    // is being taken on the worker thread); no package, no scratch payload stays.
    info = fixture();
    fs::create_directories("fails");
    REQUIRE(util::write_file_atomic("stage/opt/venvs/demo/bin/demo", "#!/bin/sh\n").has_value());
    const auto shrunk = rpm::write_package(info, "fails/demo.rpm");
    REQUIRE_FALSE(shrunk.has_value());
    CHECK(shrunk.error().message.find("bin/demo: file changed size while being packaged") !=
          std::string::npos);
    CHECK(fs::is_empty("fails"));
}

TEST_CASE("rpm::write_package header tags match the golden file")
{
    // Regenerate with PYDEB_UPDATE_GOLDEN=1 after an intended change, and review the diff.
    const auto info = fixture();
    REQUIRE(rpm::write_package(info, "golden.rpm").has_value());
    const std::string file = util::read_file("golden.rpm").value();
    const auto signature = Header::parse(bytes_of(file).subspan(96)).value();
    const std::size_t main_at = 96 + (header_size(file, 96) + 7) / 8 * 8;
    const auto main = Header::parse(bytes_of(file).subspan(main_at)).value();
    const std::string actual =
        "# signature header\n" + dump(signature, true) + "# main header\n" + dump(main, false);
    const char* root = std::getenv("PYDEB_SOURCE_ROOT");
    REQUIRE(root != nullptr);
    const fs::path golden = fs::path(root) / "tests/unit/package/rpm/golden/header-tags.txt";
    if (const char* update = std::getenv("PYDEB_UPDATE_GOLDEN"); update && *update == '1')
    {
        REQUIRE(util::write_file_atomic(golden, actual).has_value());
    }
    CHECK(util::read_file(golden).value() == actual);
}
