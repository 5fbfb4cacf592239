#include "explain/space.hpp"

#include "util/files.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace pydeb;
using namespace pydeb::explain;
namespace fs = std::filesystem;

namespace
{

void put(const fs::path& path, std::string_view bytes)
{
    fs::create_directories(path.parent_path());
    REQUIRE(util::write_file_atomic(path, bytes));
}

} // namespace

TEST_CASE("explain::installed_space counts RECORD files, their bytecode, and the rest")
{
    const fs::path venv = fs::current_path() / "venv";
    const fs::path site = venv / "lib/python3.11/site-packages";
    put(site / "Foo_Bar-1.0.dist-info/RECORD",
        "foo/__init__.py,,\nfoo/_speed.so,,\nfoo/data.txt,,\n../../../bin/foo,,\n"
        "Foo_Bar-1.0.dist-info/RECORD,,\n");
    put(site / "foo/__init__.py", "x = 1\n");                                   // 6
    put(site / "foo/__pycache__/__init__.cpython-311.pyc", std::string(10, 'c')); // 10
    put(site / "foo/__pycache__/__init__.cpython-310.pyc", std::string(7, 'c'));  // other tag
    put(site / "foo/_speed.so", std::string("\x7f" "ELF") + std::string(96, '\0')); // 100
    put(site / "foo/data.txt", "abc");                                             // 3
    put(venv / "bin/foo", "#!/bin/sh\n");                                          // 10
    put(venv / "python/bin/python3.11", std::string("\x7f" "ELF") + std::string(1000, '\0'));
    put(venv / "pyvenv.cfg", "home = x\n");
    fs::create_symlink("python3.11", venv / "python/bin/python3");

    const auto rows = installed_space({venv, "lib/python3.11/site-packages", "cpython-311"});
    REQUIRE(rows.has_value());
    REQUIRE(rows->size() == 3);
    CHECK((*rows)[0].name == k_interpreter_row);
    CHECK((*rows)[0].bytes == 1004);
    CHECK((*rows)[0].files == 1); // the symlink is no file

    const Usage& foo = (*rows)[1];
    CHECK(foo.name == "foo-bar");
    const auto record_size = fs::file_size(site / "Foo_Bar-1.0.dist-info/RECORD");
    CHECK(foo.bytes == 6 + 10 + 100 + 3 + 10 + record_size);
    CHECK(foo.files == 6);
    CHECK(foo.by_kind[static_cast<int>(FileKind::code)] == 6);
    CHECK(foo.by_kind[static_cast<int>(FileKind::bytecode)] == 10);
    CHECK(foo.by_kind[static_cast<int>(FileKind::native)] == 100);
    CHECK(foo.by_kind[static_cast<int>(FileKind::data)] == 3 + 10 + record_size);

    // The unlisted files: the .pyc of another interpreter and pyvenv.cfg.
    CHECK((*rows)[2].name == k_venv_row);
    CHECK((*rows)[2].bytes == 7 + 9);
}

TEST_CASE("explain::installed_space reports a damaged RECORD by path")
{
    const fs::path venv = fs::current_path() / "venv";
    put(venv / "lib/site-packages/x-1.dist-info/RECORD", "\"open,,\n");
    const auto rows = installed_space({venv, "lib/site-packages", "cpython-311"});
    REQUIRE_FALSE(rows.has_value());
    CHECK(rows.error().message.find("x-1.dist-info/RECORD: ") != std::string::npos);
}
