#include "install/cache/cache_manifest.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace pydeb::install;

namespace
{

CacheManifest sample()
{
    CacheManifest manifest;
    manifest.distribution = "Flask";
    manifest.version = "2.2.2";
    manifest.wheel_warnings = {"skipped 1 __pycache__ member(s) (a/__pycache__/x.pyc)",
                               "two\nlines with a \\ backslash"};
    manifest.other_warnings = {"plain"};
    manifest.bytecode_warnings = {"/opt/app/lib/x.py could not be byte-compiled: SyntaxError"};
    manifest.claims = {{"lib/python3.11/site-packages/flask/__init__.py", "AbC-_0"},
                       {"lib/python3.11/site-packages/Flask-2.2.2.dist-info/RECORD", ""},
                       {"share/doc/with space/a b.txt", "x y\\z"}};
    manifest.files = {
        {"bin/flask", 0755, 120, "99aa06d3014798d86001c324468d497f", FileContent::data},
        {"lib/python3.11/site-packages/_speedups.so", 0755, 64, "00aa06d3014798d86001c324468d497f",
         FileContent::elf},
        {"lib/python3.11/site-packages/flask/__init__.py", 0644, 2000, ""},
        {"lib/python3.11/site-packages/flask/__pycache__/__init__.cpython-311.pyc", 0644, 1500, ""},
        {"share/doc/with space/a b.txt", 0600, 0, ""}};
    return manifest;
}

} // namespace

TEST_CASE("install::CacheManifest round-trips through its text")
{
    const auto text = render_manifest(sample());
    CHECK(text.starts_with(std::string(k_manifest_header) + "\n"));
    CHECK(text.find("file 0755 120 99aa06d3014798d86001c324468d497f data bin/flask\n") !=
          std::string::npos);
    CHECK(text.find("file 0755 64 00aa06d3014798d86001c324468d497f elf "
                    "lib/python3.11/site-packages/_speedups.so\n") != std::string::npos);
    CHECK(text.find("file 0644 2000 - - lib/python3.11/site-packages/flask/__init__.py\n") !=
          std::string::npos);
    CHECK(text.find("claim - lib/python3.11/site-packages/Flask-2.2.2.dist-info/RECORD\n") !=
          std::string::npos);
    const auto parsed = parse_manifest(text);
    REQUIRE(parsed.has_value());
    CHECK(*parsed == sample());
}

TEST_CASE("install::parse_manifest refuses damaged or unsafe manifests")
{
    const auto good = render_manifest(sample());
    const auto refuses = [](const std::string& text, const std::string& word)
    {
        CAPTURE(text);
        const auto parsed = parse_manifest(text);
        REQUIRE_FALSE(parsed.has_value());
        CHECK(parsed.error().message.find(word) != std::string::npos);
    };
    refuses("", "first line");
    refuses("pydeb-wheel-cache-manifest 0\ndistribution a\nversion 1\n", "first line");
    refuses(good.substr(0, good.size() - 5), "incomplete");
    refuses(good + "color blue\n", "unknown keyword 'color'");
    refuses(good + "\n", "unknown keyword ''");
    refuses(good + "file 0644 12 - -\n", "missing");
    refuses(good + "file 0689 12 - - a.py\n", "not a number");
    refuses(good + "file 0644 -1 - - a.py\n", "not a number");
    refuses(good + "file 10644 1 - - a.py\n", "permission mode");
    refuses(good + "file 0644 1 ABCD - a.py\n", "not a checksum");
    refuses(good + "file 0644 1 - ELF a.py\n", "not a file content");
    refuses(good + "file 0644 1 - a.py\n", "not a file content");
    refuses(good + "file 0644 1 - - ../../etc/passwd\n", "not a relative file path");
    refuses(good + "file 0644 1 - - /etc/passwd\n", "not a relative file path");
    refuses(good + "claim x lib//a.py\n", "not a relative file path");
    refuses(good + "claim x lib/./a.py\n", "not a relative file path");
    refuses(good + "claim x lib/\n", "not a relative file path");
    refuses(good + "claim x lib\\a.py\n", "not a relative file path");
    refuses(good + "wheel-warning bad \\t escape\n", "backslash");
    refuses(std::string(k_manifest_header) + "\nversion 1\n", "distribution");
}

TEST_CASE("install::bytecode_source maps a cached .pyc to the source it was compiled from")
{
    CHECK(bytecode_source("lib/x/__pycache__/mod.cpython-311.pyc", "cpython-311") ==
          "lib/x/mod.py");
    CHECK(bytecode_source("__pycache__/a.b.cpython-311.pyc", "cpython-311") == "a.b.py");
    CHECK(bytecode_source("lib/x/__pycache__/mod.cpython-311.opt-1.pyc", "cpython-311").empty());
    CHECK(bytecode_source("lib/x/__pycache__/mod.cpython-312.pyc", "cpython-311").empty());
    CHECK(bytecode_source("lib/x/mod.cpython-311.pyc", "cpython-311").empty());
    CHECK(bytecode_source("lib/x/not__pycache__/mod.cpython-311.pyc", "cpython-311").empty());
    CHECK(bytecode_source("lib/x/__pycache__/.cpython-311.pyc", "cpython-311").empty());
    CHECK(bytecode_source("lib/x/mod.py", "cpython-311").empty());
    CHECK(bytecode_source("lib/x/__pycache__/mod.cpython-311.pyc", "").empty());
}
