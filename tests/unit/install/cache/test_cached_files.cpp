// InstallReport::cached_files: which staged files are exactly a kept wheel cache entry's.
#include "adapters/process/process.hpp"
#include "install/install_stage.hpp"
#include "install/interpreter.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <sys/stat.h>

namespace fs = std::filesystem;
using namespace pydeb::install;

namespace
{

// Wheels written by CPython's zipfile, with a RECORD: `demo` (a module, a data file and a console
// script), `twin` (ships demo's data file too, same bytes) and `proj` (the project's own wheel).
void make_wheels()
{
    const auto made = pydeb::adapters::run_process("/usr/bin/python3", {"-c", R"PY(
import base64, hashlib, zipfile
def wheel(name, files):
    info = name + "-1.0.dist-info/"
    files[info + "METADATA"] = b"Metadata-Version: 2.1\nName: " + name.encode() + b"\nVersion: 1.0\n"
    files[info + "WHEEL"] = b"Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    digest = lambda d: base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b"=").decode()
    record = "".join("%s,sha256=%s,%d\n" % (n, digest(d), len(d)) for n, d in files.items())
    files[info + "RECORD"] = (record + info + "RECORD,,\n").encode()
    with zipfile.ZipFile(name + "-1.0-py3-none-any.whl", "w") as z:
        for n, d in files.items():
            z.writestr(n, d)
wheel("demo", {"demo/__init__.py": b"def main(): pass\n", "shared/data.txt": b"same\n",
               "demo-1.0.dist-info/entry_points.txt": b"[console_scripts]\ndemo = demo:main\n"})
wheel("twin", {"twin.py": b"", "shared/data.txt": b"same\n"})
wheel("proj", {"proj.py": b"X = 1\n"})
)PY"});
    REQUIRE(made.has_value());
    REQUIRE(made->succeeded());
}

pydeb::python::InterpreterFacts facts()
{
    auto parsed = parse_interpreter_facts(
        "executable=/usr/bin/python3\nimplementation_name=cpython\nversion=3.11.2\n"
        "abi_tag=cp311\nsoabi=cpython-311-x86_64-linux-gnu\n"
        "ext_suffix=.cpython-311-x86_64-linux-gnu.so\ncache_tag=cpython-311\n"
        "platform=linux_x86_64\nmachine=x86_64\nglibc=2.36\nfree_threading=no\n"
        "purelib=lib/python3.11/site-packages\nplatlib=lib/python3.11/site-packages\n"
        "scripts=bin\ndata=\ninclude=include/site/python3.11\nbase_prefix=/usr\n"
        "stdlib=/nonexistent\nm.implementation_name=cpython\nm.implementation_version=3.11.2\n"
        "m.os_name=posix\nm.platform_machine=x86_64\nm.platform_python_implementation=CPython\n"
        "m.platform_release=6.1.0\nm.platform_system=Linux\nm.platform_version=#1\n"
        "m.python_full_version=3.11.2\nm.python_version=3.11\nm.sys_platform=linux\n");
    REQUIRE(parsed.has_value());
    return *parsed;
}

InstallReport install(const fs::path& stage, LinkMode link, bool with_cache = true)
{
    InstallRequest request;
    request.stage_root = stage;
    request.prefix = "/opt/app";
    request.interpreter = facts();
    request.bytecode = Bytecode::none;
    request.wheels = {{fs::absolute("demo-1.0-py3-none-any.whl"), "", WheelCaching::store},
                      {fs::absolute("proj-1.0-py3-none-any.whl"), "", WheelCaching::skip},
                      {fs::absolute("twin-1.0-py3-none-any.whl"), "", WheelCaching::store}};
    if (with_cache)
    {
        request.cache = fs::absolute("wheel-cache");
    }
    request.link_mode = link;
    auto report = install_stage(request);
    REQUIRE(report.has_value());
    return std::move(*report);
}

// Every regular file of the entry `key`, as an absolute target path, sorted.
std::vector<std::string> entry_files(const std::string& key)
{
    std::vector<std::string> files;
    const auto root = fs::path("wheel-cache") / key / "files";
    for (const auto& entry : fs::recursive_directory_iterator(root))
    {
        if (entry.is_regular_file() && !entry.is_symlink())
        {
            files.push_back("/opt/app/" + entry.path().lexically_relative(root).generic_string());
        }
    }
    std::ranges::sort(files);
    return files;
}

ino_t inode(const fs::path& path)
{
    struct stat st
    {
    };
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    return st.st_ino;
}

} // namespace

TEST_CASE("install::install_stage names the files placed from kept cache entries")
{
    make_wheels();
    const auto cold = install("stage-cold", LinkMode::hardlink);
    // demo and twin, in request order; proj (WheelCaching::skip) is not kept, so not named.
    REQUIRE(cold.cached_files.size() == 2);
    const auto& demo = cold.cached_files[0];
    const auto& twin = cold.cached_files[1];
    CHECK(fs::is_directory(fs::path("wheel-cache") / demo.entry_key / "files"));
    CHECK(fs::is_directory(fs::path("wheel-cache") / twin.entry_key / "files"));
    auto demo_files = demo.files;
    std::ranges::sort(demo_files);
    CHECK(demo_files == entry_files(demo.entry_key)); // every regular file, dist-info and bin/
    CHECK(std::ranges::count(demo_files, "/opt/app/bin/demo") == 1);
    CHECK(std::ranges::count(
              demo_files, "/opt/app/lib/python3.11/site-packages/demo-1.0.dist-info/RECORD") == 1);
    // twin's copy of shared/data.txt lost its claim to demo's: the staged file is demo's.
    const std::string shared = "/opt/app/lib/python3.11/site-packages/shared/data.txt";
    CHECK(std::ranges::count(twin.files, shared) == 0);
    CHECK(twin.files.size() + 1 == entry_files(twin.entry_key).size());
    // Each named file has its content: these wheels hold no ELF object.
    REQUIRE(demo.contents.size() == demo.files.size());
    CHECK(std::ranges::all_of(demo.contents, [](FileContent content) { return content == FileContent::data; }));
    for (const auto& file : demo.files)
    {
        CAPTURE(file);
        CHECK(inode("stage-cold" + file) ==
              inode(fs::path("wheel-cache") / demo.entry_key / "files" /
                    fs::path(file).lexically_relative("/opt/app")));
    }

    // A warm install, by links or by copies, names the same entries and the same files.
    for (const auto link : {LinkMode::hardlink, LinkMode::copy})
    {
        const auto warm =
            install(link == LinkMode::hardlink ? "stage-warm-link" : "stage-warm-copy", link);
        REQUIRE(warm.cached_files.size() == 2);
        for (std::size_t i = 0; i < 2; ++i)
        {
            CHECK(warm.cached_files[i].entry_key == cold.cached_files[i].entry_key);
            CHECK(warm.cached_files[i].files == cold.cached_files[i].files);
            CHECK(warm.cached_files[i].contents == cold.cached_files[i].contents);
        }
    }
    // Straight into the stage, without a cache: nothing is an entry's.
    CHECK(install("stage-direct", LinkMode::hardlink, false).cached_files.empty());
}
