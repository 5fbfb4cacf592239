// Wheel compatibility tags (PEP 425, "Platform compatibility tags" spec) and the tags the target
// interpreter supports, in packaging.tags.sys_tags() priority order for CPython on glibc Linux.
#pragma once

#include "python/marker.hpp"
#include "util/expected.hpp"

#include <compare>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::python
{

struct Tag
{
    std::string interpreter; // "cp311", "py3"
    std::string abi;         // "cp311", "abi3", "none"
    std::string platform;    // "manylinux_2_17_x86_64", "any"

    // Expand a compressed tag set "py2.py3-none-any" into its Cartesian product, in the order
    // written (interpreter outermost).
    [[nodiscard]] static Expected<std::vector<Tag>> parse(std::string_view text);
    [[nodiscard]] std::string to_string() const; // "cp311-cp311-linux_x86_64"

    auto operator<=>(const Tag&) const = default;
};

// Free-threaded CPython (PEP 703, abi "cp313t") has no stable ABI: abi3 wheels do not apply.
enum class FreeThreading
{
    no,
    yes,
};

struct GlibcVersion
{
    int major = 2;
    int minor = 17;

    auto operator<=>(const GlibcVersion&) const = default;
};

// Where an InterpreterFacts comes from: the interpreter asked about itself (install/ runs it), or
// a target release's verified Packages, for a python3.X the build host does not have
// (release_cpython below): nothing can run that interpreter at build time.
enum class FactsSource
{
    queried,
    release_packages,
};

// What pydeb learns by querying the TARGET interpreter once (install/ runs it; this is only the
// data). Paths are relative to the venv prefix unless said otherwise.
struct InterpreterFacts
{
    std::string executable;          // absolute path of the interpreter, "/usr/bin/python3.11"
    // What pydeb runs at build time: `executable` itself, or the staged copy of a bundled
    // interpreter, whose `executable` is its final path inside the package.
    std::string runnable;
    std::string implementation_name; // sys.implementation.name: "cpython"
    int major = 3;
    int minor = 0;
    int micro = 0;
    std::string abi_tag;    // "cp311" ("cp313t" when free-threaded)
    std::string soabi;      // sysconfig SOABI: "cpython-311-x86_64-linux-gnu"
    std::string ext_suffix; // sysconfig EXT_SUFFIX: ".cpython-311-x86_64-linux-gnu.so"
    std::string cache_tag;  // sys.implementation.cache_tag: "cpython-311"
    // sysconfig.get_platform() with "-" and "." as "_" ("linux_x86_64"); "linux_i686" for a
    // 32-bit interpreter on an x86_64 kernel, as packaging.tags._linux_platforms does.
    std::string platform;
    std::string machine;               // platform.machine(): "x86_64"
    std::optional<GlibcVersion> glibc; // os.confstr("CS_GNU_LIBC_VERSION"); nullopt on musl
    FreeThreading free_threading = FreeThreading::no;
    MarkerEnvironment markers;
    std::string purelib;     // "lib/python3.11/site-packages"
    std::string platlib;     // "lib/python3.11/site-packages" (lib64 on some distros)
    std::string scripts;     // "bin"
    std::string include;     // "include/site/python3.11" (wheel .data/headers)
    std::string data;        // "" (the prefix itself)
    std::string base_prefix; // absolute, sys.base_prefix: "/usr"
    std::string stdlib;      // absolute, sysconfig stdlib: "/usr/lib/python3.11"
    FactsSource source = FactsSource::queried;

    // "3.11"
    [[nodiscard]] std::string python_version() const;
    // The file to run at build time: `runnable`, or `executable` when that is empty.
    [[nodiscard]] const std::string& run_path() const
    {
        return runnable.empty() ? executable : runnable;
    }
};

// The facts of Debian's CPython 3.`minor`.`micro` on a target release whose glibc is `glibc`,
// derived from the build host's Debian CPython `host` (same implementation, architecture and
// Debian layout; only the version differs): executable /usr/bin/python3.X, cp3X tags,
// lib/python3.X/site-packages, the PEP 508 python_version / python_full_version /
// implementation_version. `stdlib` stays the host's: only venv's activate templates are read
// from it, the same text on every 3.x. Pure: the numbers come from the release's Packages.
[[nodiscard]] InterpreterFacts release_cpython(const InterpreterFacts& host, int minor, int micro,
                                               std::optional<GlibcVersion> glibc);

// Every tag the interpreter accepts, best first, as packaging.tags.sys_tags() lists them for
// CPython on Linux:
//   cp3X-cp3X-P, cp3X-abi3-P, cp3X-none-P, cp3(X-1..2)-abi3-P   for each platform P
//   py3X-none-P, py3-none-P, py3(X-1..0)-none-P                 for each platform P
//   cp3X-none-any, py3X-none-any, py3-none-any, py3(X-1..0)-none-any
// Platforms, best first: manylinux_2_Y_arch for Y from the glibc minor down to 5 (x86_64, i686)
// or 17 (other architectures), each followed by its legacy alias (manylinux2014 = 2_17,
// manylinux2010 = 2_12, manylinux1 = 2_5), then linux_arch; without glibc only linux_arch.
// Other implementations get packaging's generic_tags (interpreter-abi-P, interpreter-none-P)
// followed by the same py tags.
[[nodiscard]] std::vector<Tag> compatible_tags(const InterpreterFacts& facts);

// Rank lookup over compatible_tags(): lower is better; nullopt = incompatible.
class TagPriority
{
public:
    explicit TagPriority(const std::vector<Tag>& supported);

    [[nodiscard]] std::optional<std::size_t> priority(const Tag& tag) const;
    // The best (lowest) priority among a wheel's tags; nullopt when none is supported.
    [[nodiscard]] std::optional<std::size_t> best(const std::vector<Tag>& tags) const;
    [[nodiscard]] bool is_compatible(const std::vector<Tag>& tags) const
    {
        return best(tags).has_value();
    }

private:
    std::map<Tag, std::size_t> m_rank;
};

} // namespace pydeb::python
