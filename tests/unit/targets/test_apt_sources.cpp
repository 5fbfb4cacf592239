#include "targets/apt_sources.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using pydeb::targets::host_debian_archive;

namespace
{

void write(const fs::path& path, std::string_view text)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

} // namespace

TEST_CASE("host_debian_archive reads deb822 .sources, skipping security and deb-src")
{
    write("r/etc/apt/sources.list.d/debian.sources",
          "Types: deb-src\nURIs: http://src.example/debian\nSuites: bookworm\n\n"
          "Types: deb\nURIs: http://security.debian.org/debian-security\nSuites: bookworm-security\n\n"
          "Types: deb\nURIs: http://mirror.example/debian/\nSuites: bookworm\nComponents: main\n");
    CHECK(host_debian_archive("r") == "http://mirror.example/debian");
}

TEST_CASE("host_debian_archive reads one-line sources.list entries with options")
{
    write("l/etc/apt/sources.list",
          "# deb http://commented.example/debian bookworm main\n"
          "deb [arch=amd64 signed-by=/k.gpg] https://deb.example.org/debian bookworm main\n");
    CHECK(host_debian_archive("l") == "https://deb.example.org/debian");
}

TEST_CASE("host_debian_archive falls back to deb.debian.org")
{
    write("n/etc/apt/sources.list.d/other.list", "deb https://packages.example/apt stable main\n");
    CHECK(host_debian_archive("n") == "http://deb.debian.org/debian");
    CHECK(host_debian_archive("missing") == "http://deb.debian.org/debian");
}
