// deb822 text from outside (deb-control(5), deb822(5)): the target's dpkg status
// (depmap/dpkg_status), an apt Packages list in any compression (adapters/solv_repos: the
// decompressing reader, the solver-field filter, libsolv's repo_add_debpackages), and a source
// package's debian/control and debian/changelog (packaging_tools/). Property: the field filter's
// output does not depend on where its input is split.
#include "adapters/solv/pool.hpp"
#include "adapters/solv_repos/control_stream.hpp"
#include "adapters/solv_repos/loaders.hpp"
#include "depmap/dpkg_status.hpp"
#include "fuzz_support.hpp"
#include "packaging_tools/changelog.hpp"
#include "packaging_tools/deb822.hpp"

using namespace pydeb;
using pydeb::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto input = fuzz::text(data, size);
    const auto file = fuzz::write_input("status", input);

    depmap::InstalledPackages status(file);
    (void)status.installed("libc6");

    std::string whole;
    adapters::solv_repos::ControlFieldFilter one;
    one.feed(input, whole);
    one.finish(whole);
    std::string split;
    adapters::solv_repos::ControlFieldFilter two;
    const auto cut = size == 0 ? 0 : data[0] % size;
    two.feed(input.substr(0, cut), split);
    two.feed(input.substr(cut), split);
    two.finish(split);
    require(whole == split, "ControlFieldFilter: the output does not depend on the split");

    adapters::solv::ObjPool pool;
    (void)adapters::solv_repos::load_apt_packages(pool, file);
    (void)adapters::solv_repos::load_debian_stanzas(pool, "stanzas", input);

    (void)packaging_tools::parse_deb822(input, "debian/control");
    (void)packaging_tools::parse_changelog_head(input, "debian/changelog");
    return 0;
}
