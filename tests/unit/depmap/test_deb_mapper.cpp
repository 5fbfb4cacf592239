// dpkg database reading and the dpkg-shlibdeps algorithm on a fake system root: a real compiled
// library with versioned symbols, "installed" by writing dpkg's status, .list, .symbols and
// .shlibs files by hand.
#include "../elf/fixtures.hpp"
#include "depmap/deb_mapper.hpp"
#include "depmap/interpreter.hpp"
#include "elf/scan.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace pydeb;
using namespace pydeb::depmap;
namespace fs = std::filesystem;

namespace
{

const fs::path k_libdir = "/usr/lib/x86_64-linux-gnu";

// ROOT with libfake.so.1 (versions FAKE_1 and FAKE_2; symbols file, package libfake1) and
// libshl.so.2 (shlibs only, package libshl2), merged-/usr style: dpkg recorded /lib/... paths.
fs::path make_system_root()
{
    // Test cases share the executable's temporary directory: one root each.
    static int count = 0;
    const fs::path root = fs::absolute("sysroot" + std::to_string(++count));
    test::write_text("fake.map", "FAKE_1 { global: fake_old; local: *; };\n"
                                 "FAKE_2 { global: fake_new; } FAKE_1;\n");
    REQUIRE(test::compile("int fake_old(void) { return 1; }\nint fake_new(void) { return 2; }\n",
                          root / k_libdir.relative_path() / "libfake.so.1",
                          "-shared -Wl,-soname,libfake.so.1 -Wl,--version-script,fake.map"));
    REQUIRE(test::compile("int shl(void) { return 3; }\n",
                          root / k_libdir.relative_path() / "libshl.so.2",
                          "-shared -Wl,-soname,libshl.so.2"));
    fs::create_directory_symlink("usr/lib", root / "lib");
    test::write_text(root / "var/lib/dpkg/status",
                     "Package: libfake1\nStatus: install ok installed\nArchitecture: amd64\n"
                     "Multi-Arch: same\nVersion: 2.0-1\nDescription: x\n continued\n\n"
                     "Package: libshl2\nStatus: install ok installed\nArchitecture: amd64\n"
                     "Version: 1.0-1\n\n"
                     "Package: python3.11\nStatus: install ok installed\nArchitecture: amd64\n"
                     "Version: 3.11.2-6\n\n"
                     "Package: gone\nStatus: deinstall ok config-files\nArchitecture: amd64\n"
                     "Version: 1\n");
    const fs::path info = root / "var/lib/dpkg/info";
    test::write_text(info / "libfake1:amd64.list",
                     "/.\n/lib\n/lib/x86_64-linux-gnu/libfake.so.1\n");
    test::write_text(info / "libfake1:amd64.symbols", "libfake.so.1 libfake1 #MINVER#\n"
                                                      " FAKE_1@FAKE_1 1.0\n"
                                                      " fake_old@FAKE_1 1.0\n"
                                                      " FAKE_2@FAKE_2 2.0\n"
                                                      " fake_new@FAKE_2 2.0~beta1\n");
    test::write_text(info / "libshl2.list", "/usr/lib/x86_64-linux-gnu/libshl.so.2\n");
    test::write_text(info / "libshl2.shlibs", "libshl 2 libshl2 (>= 1.0)\n");
    test::write_text(info / "gone.list", "/usr/lib/x86_64-linux-gnu/libshl.so.2\n");
    return root;
}

} // namespace

TEST_CASE("depmap::DpkgDatabase reads installed packages, owners and control files")
{
    const auto root = make_system_root();
    auto db = DpkgDatabase::open(root, util::CacheStore::from_environment());
    REQUIRE(db);
    CHECK(db->find("libfake1") != nullptr);
    CHECK(db->find("gone") == nullptr); // config-files only
    const auto owners = db->find_owners(
        {k_libdir / "libfake.so.1", k_libdir / "libshl.so.2", k_libdir / "libnone.so.1"});
    CHECK(owners.at(k_libdir / "libfake.so.1") == "libfake1"); // recorded as /lib/...
    CHECK(owners.at(k_libdir / "libshl.so.2") == "libshl2");   // not the config-files package
    CHECK_FALSE(owners.contains(k_libdir / "libnone.so.1"));
    CHECK(db->control_file("libfake1", "symbols") ==
          root / "var/lib/dpkg/info/libfake1:amd64.symbols");
    CHECK(db->control_file("libshl2", "shlibs") == root / "var/lib/dpkg/info/libshl2.shlibs");
    CHECK_FALSE(db->control_file("libshl2", "symbols"));
    CHECK_FALSE(DpkgDatabase::open("no-such-root", util::CacheStore::off()));
}

TEST_CASE("depmap::usrmerge_aliases")
{
    CHECK(usrmerge_aliases("/usr/lib/x/libz.so.1") ==
          std::vector<fs::path>{"/usr/lib/x/libz.so.1", "/lib/x/libz.so.1"});
    CHECK(usrmerge_aliases("/lib64/ld.so") ==
          std::vector<fs::path>{"/lib64/ld.so", "/usr/lib64/ld.so"});
    CHECK(usrmerge_aliases("/opt/x") == std::vector<fs::path>{"/opt/x"});
}

TEST_CASE("depmap::map_debian uses symbols minver, shlibs, and skips the bundle")
{
    const auto root = make_system_root();
    const fs::path libdir = root / k_libdir.relative_path();
    const fs::path stage = fs::absolute("stage");
    const fs::path site = stage / "opt/app/lib";
    REQUIRE(test::compile("int vend(void) { return 0; }\n", site / "x.libs/libvend.so.1",
                          "-shared -Wl,-soname,libvend.so.1"));
    // new.so uses fake_new@FAKE_2, old.so only fake_old@FAKE_1.
    const std::string link = " -L" + libdir.string() + " -L" + (site / "x.libs").string() +
                             " -l:libfake.so.1 -l:libshl.so.2 -l:libvend.so.1"
                             " -Wl,-rpath,'$ORIGIN/x.libs' -Wl,--no-as-needed";
    REQUIRE(test::compile("int fake_new(void); int vend(void); int shl(void);\n"
                          "int f(void) { return fake_new() + vend() + shl(); }\n",
                          site / "new.so", "-shared" + link));
    REQUIRE(test::compile("int fake_old(void);\nint g(void) { return fake_old(); }\n",
                          site / "old.so", "-shared" + link));

    auto db = DpkgDatabase::open(root, util::CacheStore::from_environment());
    REQUIRE(db);
    const HostLibraries libraries(root);
    auto objects = elf::scan_tree(stage);
    REQUIRE(objects);
    auto mapping = map_debian(*objects, stage, "/opt/app", HostOrigin(*db, libraries));
    REQUIRE(mapping);
    CHECK(mapping->depends ==
          std::vector<std::string>{"libfake1 (>= 2.0~beta1)", "libshl2 (>= 1.0)"});

    const auto find = [&](const std::string& object, const std::string& soname)
    {
        auto it = std::ranges::find_if(
            mapping->sonames, [&](const MappedSoname& m)
            { return m.object == fs::path("/opt/app/lib") / object && m.soname == soname; });
        REQUIRE(it != mapping->sonames.end());
        return *it;
    };
    CHECK(find("old.so", "libfake.so.1").relation == "libfake1 (>= 1.0)");
    CHECK(find("old.so", "libfake.so.1").provenance == Provenance::symbols);
    CHECK(find("new.so", "libfake.so.1").relation == "libfake1 (>= 2.0~beta1)");
    CHECK(find("new.so", "libshl.so.2").provenance == Provenance::shlibs);
    CHECK(find("new.so", "libvend.so.1").provenance == Provenance::bundled);
    CHECK(find("new.so", "libvend.so.1").relation.empty());
}

TEST_CASE("depmap::map_debian warns about a soname no package ships")
{
    const auto root = make_system_root();
    const fs::path stage = fs::absolute("stage-missing");
    REQUIRE(test::compile("int v(void) { return 0; }\n", fs::absolute("elsewhere/libgone.so.7"),
                          "-shared -Wl,-soname,libgone.so.7"));
    REQUIRE(test::compile("int v(void);\nint h(void) { return v(); }\n", stage / "opt/app/m.so",
                          "-shared -L" + fs::absolute("elsewhere").string() + " -l:libgone.so.7"));
    auto db = DpkgDatabase::open(root, util::CacheStore::from_environment());
    REQUIRE(db);
    auto objects = elf::scan_tree(stage);
    REQUIRE(objects);
    const HostLibraries libraries(root);
    auto mapping = map_debian(*objects, stage, "/opt/app", HostOrigin(*db, libraries));
    REQUIRE(mapping);
    CHECK(mapping->depends.empty());
    REQUIRE(mapping->warnings.size() == 1);
    CHECK(mapping->warnings[0].find("libgone.so.7") != std::string::npos);
    CHECK(mapping->sonames.at(0).provenance == Provenance::not_found);
}

TEST_CASE("depmap interpreter relations")
{
    const auto root = make_system_root();
    test::write_text(root / "usr/bin/python3.11", "");
    fs::create_symlink("python3.11", root / "usr/bin/python3");
    CHECK(python_x_y("/usr/bin/python3", root) == std::optional<std::string>("3.11"));
    CHECK(python_x_y("/opt/py/bin/python3.12", root) == std::optional<std::string>("3.12"));
    CHECK_FALSE(python_x_y("/usr/bin/pypy", root));
    auto db = DpkgDatabase::open(root, util::CacheStore::from_environment());
    REQUIRE(db);
    auto deb = debian_interpreter_relation(*db, "/usr/bin/python3");
    REQUIRE(deb);
    CHECK(deb->relations.at(0) == "python3.11");
    CHECK_FALSE(debian_interpreter_relation(*db, "/opt/py/bin/python3.12"));
    auto rpm = rpm_interpreter_relation("/usr/bin/python3", root);
    REQUIRE(rpm);
    // The venv links this file: python(abi) alone would let RHEL 9 (python3 = 3.9) install it.
    CHECK(rpm->relations == std::vector<std::string>{"python(abi) = 3.11", "/usr/bin/python3"});
}
