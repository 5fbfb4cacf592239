#include "python/bundle_layout.hpp"

#include <doctest/doctest.h>

using namespace pydeb::python;

namespace
{

BundleMember member(std::string_view path)
{
    return classify_bundle_member(path).member;
}

std::optional<BundlePart> part(std::string_view path)
{
    return classify_bundle_member(path).part;
}

} // namespace

TEST_CASE("the runtime of a CPython prefix is shipped")
{
    for (const auto* path :
         {"bin/python3.11", "bin/python3", "bin/python3.11-config", "lib/python3.11/os.py",
          "lib/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so",
          "lib/python3.11/encodings/utf_8.py", "lib/python3.11/ensurepip/__init__.py",
          "lib/python3.11/unittest/case.py", "lib/python3.11/testing_is_not_test.py",
          "lib/libpython3.11.so.1.0", "lib/pkgconfig/python3.pc", "share/terminfo/x/xterm",
          "lib/python3.13t/os.py"})
    {
        CAPTURE(path);
        CHECK(member(path) == BundleMember::ship);
    }
}

TEST_CASE("never shipped: the source's bytecode, site-packages and pip's scripts")
{
    for (const auto* path :
         {"lib/python3.11/__pycache__/os.cpython-311.pyc",
          "lib/python3.11/json/__pycache__/decoder.cpython-311.pyc",
          "lib/python3.11/site-packages/pip/__init__.py",
          "lib/python3.11/dist-packages/foo.py", "lib/python3.11/dist-packages",
          "lib/python3.11/site-packages", "bin/pip3", "bin/pip3.11"})
    {
        CAPTURE(path);
        CHECK(member(path) == BundleMember::never);
    }
}

TEST_CASE("optional parts, each under its name")
{
    CHECK(part("lib/python3.11/test/test_os.py") == BundlePart::tests);
    CHECK(part("lib/python3.11/test") == BundlePart::tests);
    CHECK(part("lib/python3.11/ctypes/test/test_bytes.py") == BundlePart::tests);
    CHECK(part("lib/python3.11/lib2to3/tests/data/bom.py") == BundlePart::tests);
    CHECK(part("lib/python3.11/unittest/test/test_case.py") == BundlePart::tests);
    CHECK(part("lib/python3.11/lib-dynload/_testcapi.cpython-311-x86_64-linux-gnu.so") ==
          BundlePart::tests);
    CHECK(part("lib/python3.12/lib-dynload/xxlimited_35.cpython-312-x86_64-linux-gnu.so") ==
          BundlePart::tests);
    CHECK(part("lib/python3.11/idlelib/idle.py") == BundlePart::idlelib);
    CHECK(part("bin/idle3.11") == BundlePart::idlelib);
    CHECK(part("lib/python3.11/tkinter/__init__.py") == BundlePart::tkinter);
    CHECK(part("lib/python3.11/turtledemo/clock.py") == BundlePart::tkinter);
    CHECK(part("lib/python3.11/turtle.py") == BundlePart::tkinter);
    CHECK(part("lib/python3.11/lib-dynload/_tkinter.cpython-311-x86_64-linux-gnu.so") ==
          BundlePart::tkinter);
    CHECK(part("lib/tcl8.6/init.tcl") == BundlePart::tkinter);
    CHECK(part("lib/python3.11/ensurepip/_bundled/pip-23.0.1-py3-none-any.whl") ==
          BundlePart::ensurepip);
    CHECK(part("lib/libpython3.11.a") == BundlePart::static_libraries);
    CHECK(part("lib/python3.11/config-3.11-x86_64-linux-gnu/libpython3.11.a") ==
          BundlePart::static_libraries);
    CHECK(part("include/python3.11/Python.h") == BundlePart::headers);
    CHECK(member("include/python3.11/Python.h") == BundleMember::optional);
}

TEST_CASE("part names round-trip")
{
    for (const auto value : all_bundle_parts())
    {
        CHECK(parse_bundle_part(to_string(value)) == value);
    }
    CHECK_FALSE(parse_bundle_part("docs"));
    CHECK(parse_bundle_part("static-libraries") == BundlePart::static_libraries);
}

TEST_CASE("which files record the build prefix")
{
    CHECK(records_build_prefix("lib/python3.11/_sysconfigdata__x86_64-linux-gnu.py"));
    CHECK(records_build_prefix("lib/python3.14/_sysconfig_vars__linux_x86_64-linux-gnu.json"));
    CHECK(records_build_prefix("lib/python3.11/config-3.11-x86_64-linux-gnu/Makefile"));
    CHECK(records_build_prefix("lib/python3.11/config-3.11-x86_64-linux-gnu/python-config.py"));
    CHECK(records_build_prefix("lib/pkgconfig/python-3.11-embed.pc"));
    CHECK(records_build_prefix("bin/python3.11-config"));
    CHECK(records_build_prefix("PYTHON.json"));
    CHECK_FALSE(records_build_prefix("lib/python3.11/sysconfig.py"));
    CHECK_FALSE(records_build_prefix("lib/python3.11/json/_sysconfigdata_x.py"));
    CHECK(stdlib_prefix_length("lib/python3.11/os.py") == 15);
    CHECK(stdlib_prefix_length("lib/python3.13t/os.py") == 16);
    CHECK(stdlib_prefix_length("lib/python3/dist-packages/x.py") == 0);
    CHECK(stdlib_prefix_length("lib/pythonX.Y/os.py") == 0);
}

TEST_CASE("relocate_prefix replaces whole path tokens only")
{
    const auto move = [](std::string_view text)
    { return relocate_prefix(text, "/install", "/opt/venvs/app/python"); };
    CHECK(move("'prefix': '/install',") == "'prefix': '/opt/venvs/app/python',");
    CHECK(move("LIBDIR=/install/lib") == "LIBDIR=/opt/venvs/app/python/lib");
    CHECK(move("-I/install/include/python3.11 -L/install/lib") ==
          "-I/opt/venvs/app/python/include/python3.11 -L/opt/venvs/app/python/lib");
    CHECK(move("#!/install/bin/python3.11\n") == "#!/opt/venvs/app/python/bin/python3.11\n");
    CHECK(move("prefix=/install\nexec_prefix=${prefix}") ==
          "prefix=/opt/venvs/app/python\nexec_prefix=${prefix}");
    // Not the same path: a longer name, a path inside another, a relative build path.
    CHECK(move("/installer/x") == "/installer/x");
    CHECK(move("/opt/install/lib") == "/opt/install/lib");
    CHECK(move("./install/os.py") == "./install/os.py");
    CHECK(move("x-I/install") == "x-I/install");
    CHECK(relocate_prefix("#! /usr/bin/python3.11", "/usr", "/p") == "#! /p/bin/python3.11");
    CHECK(relocate_prefix("abc", "", "/p") == "abc");
}
