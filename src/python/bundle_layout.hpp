// The layout of a CPython installation prefix (`./configure --prefix=P; make install`, and
// python-build-standalone's install_only archives, which are such a prefix under `python/`), as
// pydeb needs it to ship one inside a package (install/bundle.hpp). Pure: paths in, decisions out.
//
//   P/bin/pythonX.Y                the interpreter (P/bin/python3 links to it)
//   P/lib/pythonX.Y/os.py          the landmark CPython's getpath searches upward for, so a
//                                  copied prefix finds itself at any path (Modules/getpath.py)
//   P/lib/pythonX.Y/lib-dynload/   extension modules
//   P/lib/libpythonX.Y.so.1.0      with --enable-shared only
//   P/include/pythonX.Y/           headers
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::python
{

// The parts of an installation an application does not need at run time, left out unless the
// spec keeps them (`python: {keep: [...]}`), and what each covers (prefix-relative, X.Y = 3.11):
enum class BundlePart
{
    tests,            // lib/pythonX.Y/test/, the packages' own test folders (ctypes/test, ...),
                      // and the test extension modules (_testcapi, xxlimited, ...), as
                      // ./configure --disable-test-modules leaves them out
    idlelib,          // lib/pythonX.Y/idlelib/, bin/idle*
    tkinter,          // tkinter/, turtledemo/, turtle.py, lib-dynload/_tkinter*, lib/tcl8*, tk8*
    ensurepip,        // ensurepip/_bundled/ (the pip wheel `python -m ensurepip` installs)
    static_libraries, // *.a (libpythonX.Y.a for embedding)
    headers,          // include/ (for building C extensions against the interpreter)
};

[[nodiscard]] std::string_view to_string(BundlePart part);
[[nodiscard]] std::optional<BundlePart> parse_bundle_part(std::string_view name);
[[nodiscard]] const std::vector<BundlePart>& all_bundle_parts();

enum class BundleMember
{
    ship,     // part of the runtime
    optional, // in a BundlePart: shipped only when kept
    never,    // never shipped: see classify_bundle_member
};

struct BundleClass
{
    BundleMember member = BundleMember::ship;
    std::optional<BundlePart> part; // with BundleMember::optional
};

// `relative` is a "/"-separated path inside a CPython prefix. Never
// shipped: `__pycache__` (compiled for the source's paths; pydeb compiles the stdlib for the final
// path as `bytecode:` says), the prefix's own site-packages and dist-packages (a venv does not
// see them: include-system-site-packages = false) and the pip scripts that lead there.
[[nodiscard]] BundleClass classify_bundle_member(std::string_view relative);

// Whether a text file at `relative` records the build prefix and is rewritten to the final one:
// the sysconfig data (_sysconfigdata_*.py, _sysconfig_vars_*.json), config-X.Y*/Makefile and
// python-config.py, lib/pkgconfig/*.pc, PYTHON.json and the scripts in bin/ (their shebangs;
// the caller skips ELF files).
[[nodiscard]] bool records_build_prefix(std::string_view relative);

// The length of "lib/pythonX.Y/" (or "lib/pythonX.Yt/", free-threaded) when `relative` is inside
// a standard library directory, else 0.
[[nodiscard]] std::size_t stdlib_prefix_length(std::string_view relative);

// `text` with every occurrence of the path `from` that starts a path token (after start of text,
// white space, a quote, '=', ':', ',', '(', '#!' or a "-X" compiler flag such as -I or -L) and
// ends one (before '/', the end, or a character that cannot continue a file name) replaced by
// `to`. "/install" is replaced in "-I/install/include" and "'/install'", not in
// "/installer" or "/opt/install".
[[nodiscard]] std::string relocate_prefix(std::string_view text, std::string_view from,
                                          std::string_view to);

} // namespace pydeb::python
