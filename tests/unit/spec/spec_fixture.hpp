// Writes spec files (and the files they name) into the test's temporary working directory.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

inline void write_text(const std::filesystem::path& path, std::string_view text)
{
    if (path.has_parent_path())
    {
        std::filesystem::create_directories(path.parent_path());
    }
    std::ofstream(path) << text;
}

// A valid spec; tests append or replace lines to break it in one place.
inline constexpr std::string_view k_valid_spec = R"(name: myapp
version: "1.0"
release: "2"
summary: A small service
description: |
  Longer text.
maintainer: Jane Doe <jane@example.com>
license: MIT
homepage: https://example.com
python:
  interpreter: /bin/sh
install:
  requirements: ["flask>=2", "requests[socks] ; python_version >= '3.8'"]
  wheelhouse: [wheels/]
  bytecode: install
entry-points: [myapp]
files:
  - {source: conf/app.conf, dest: /etc/myapp/app.conf, config: true, mode: "0640"}
hooks: {post-install: hooks/postinst.sh}
deb: {depends: [libpq5], section: net}
rpm: {requires: [postgresql-libs]}
formats: [deb]
compression: xz
)";

inline void write_valid_tree(const std::filesystem::path& dir)
{
    std::filesystem::create_directories(dir / "wheels");
    write_text(dir / "conf/app.conf", "key = value\n");
    write_text(dir / "hooks/postinst.sh", "echo installed\n");
    write_text(dir / "pydeb.yaml", k_valid_spec);
}
