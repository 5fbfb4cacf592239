// solv_repos::load_apt_packages on compressed lists, differentially: the solvables loaded from a
// .lz4 / .xz list streamed through libarchive must be exactly those loaded from the text apt
// itself decompresses (`apt-helper cat-file`), and a .solv cache must give them back unchanged.
#include "adapters/process/process.hpp"
#include "adapters/solv/pool.hpp"
#include "adapters/solv_repos/loaders.hpp"

#include <algorithm>
#include <chrono>
#include <doctest/doctest.h>
#include <fstream>

using namespace pydeb;
using namespace pydeb::adapters;
namespace repos = pydeb::adapters::solv_repos;
namespace fs = std::filesystem;

namespace
{

// Stanzas with what repo_add_debpackages turns into relations: versioned and virtual provides,
// alternatives, Pre-Depends, Breaks, Conflicts, arch all, Multi-Arch, continuation lines.
std::string fixture_stanzas()
{
    std::string text;
    for (int i = 0; i < 3000; ++i)
    {
        const auto n = std::to_string(i);
        text += "Package: lib" + n + "\nSource: src" + std::to_string(i / 7) +
                "\nVersion: 1:" + std::to_string(i % 13) + ".2~rc" + n + "-" +
                std::to_string(i % 5) +
                "+deb12u1\nArchitecture: " + (i % 4 == 0 ? "all" : "amd64") +
                "\nMulti-Arch: same\nPre-Depends: libc6 (>= 2.3" + std::to_string(i % 9) +
                ")\nDepends: lib" + std::to_string(i / 2) + " (= ${binary:Version}) | virt" + n +
                ", debconf (>= 0.5) | debconf-2.0\nProvides: virt" + std::to_string(i + 1) +
                " (= 2.0), shared-virt\nBreaks: old" + n + " (<< 3)\nConflicts: other" + n +
                "\nRecommends: rec" + n + "\nDescription: package " + n +
                "\n a continuation line\n .\n more text\n\n";
    }
    return text;
}

std::vector<std::string> solvable_lines(solv::ObjPool& pool, solv::ObjRepoView repo)
{
    std::vector<std::string> lines;
    repo.for_each_solvable_id(
        [&](solv::SolvableId id)
        {
            const auto s = pool.solvable(id);
            std::string line = s.name() + " " + s.evr() + " " + s.arch();
            for (const auto kind :
                 {solv::DependencyKind::provides, solv::DependencyKind::requires_,
                  solv::DependencyKind::conflicts, solv::DependencyKind::recommends})
            {
                // In order, except that repo_write sorts each run (requires: before and after the
                // pre-dependency marker) by id: the order carries no meaning there.
                std::vector<std::string> run;
                const auto flush = [&]
                {
                    std::ranges::sort(run);
                    for (const auto& dep : run)
                    {
                        line += " " + dep + ";";
                    }
                    run.clear();
                };
                line += " |";
                for (const auto dep : s.dependencies(kind))
                {
                    run.push_back(pool.dependency_to_string(dep));
                    if (run.back() == "solvable:prereqmarker")
                    {
                        run.pop_back();
                        flush();
                        line += " (pre-depends)";
                    }
                }
                flush();
            }
            lines.push_back(std::move(line));
        });
    return lines;
}

// What apt reads from the list: the reference the libarchive stream is compared with.
std::string apt_helper_text(const fs::path& list)
{
    const auto result = run_process("/usr/lib/apt/apt-helper", {"cat-file", list.string()});
    REQUIRE(result.has_value());
    REQUIRE(result->succeeded());
    return result->standard_output;
}

fs::path compressed(const std::string& tool, const std::string& ext)
{
    std::ofstream("Packages", std::ios::binary) << fixture_stanzas();
    const auto made = run_process("/bin/sh", {"-c", tool + " -c Packages > Packages" + ext});
    REQUIRE(made.has_value());
    REQUIRE(made->succeeded());
    return fs::absolute("Packages" + ext);
}

TEST_CASE("solv_repos::load_apt_packages: an lz4 / xz list gives the solvables apt's text gives")
{
    for (const auto& [tool, ext] :
         std::vector<std::pair<std::string, std::string>>{{"lz4", ".lz4"}, {"xz", ".xz"}})
    {
        CAPTURE(tool);
        const auto list = compressed(tool, ext);
        solv::ObjPool reference_pool;
        auto reference = repos::load_debian_stanzas(reference_pool, "text", apt_helper_text(list));
        REQUIRE(reference.has_value());
        solv::ObjPool pool;
        auto loaded = repos::load_apt_packages(pool, list);
        REQUIRE(loaded.has_value());
        const auto expected = solvable_lines(reference_pool, *reference);
        CHECK(expected.size() == 3000);
        CHECK(solvable_lines(pool, *loaded) == expected);
    }
}

std::vector<std::string> load(const fs::path& list, const repos::CacheOptions& cache)
{
    solv::ObjPool pool;
    auto repo = repos::load_apt_packages(pool, list, cache);
    REQUIRE(repo.has_value());
    return solvable_lines(pool, *repo);
}

std::vector<std::string> cache_files()
{
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("solv-cache", ec))
    {
        names.push_back(entry.path().extension().string());
    }
    std::ranges::sort(names);
    return names;
}

void age(const fs::path& path, int minutes)
{
    fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::minutes(minutes));
}

} // namespace

TEST_CASE("solv_repos::load_apt_packages: the .solv cache is written on the second load, read on "
          "the third, and a rewritten list is read again")
{
    const auto list = compressed("lz4", ".lz4");
    age(list, 60);
    const repos::CacheOptions cache{fs::absolute("solv-cache")};
    const auto first = load(list, cache);
    CHECK(cache_files() == std::vector<std::string>{".seen"});
    CHECK(load(list, cache) == first);
    CHECK(cache_files() == std::vector<std::string>{".solv"});
    // The list's bytes change but not its identity (size, mtime): only the cache can answer.
    const auto stamp = fs::last_write_time(list);
    const auto size = fs::file_size(list);
    std::ofstream(list, std::ios::binary) << std::string(size, 'x');
    fs::last_write_time(list, stamp);
    CHECK(load(list, cache) == first);
    // apt update: a new list (new size and mtime) must not be answered from the old cache.
    std::ofstream("Packages", std::ios::binary)
        << "Package: fresh\nVersion: 2\nArchitecture: amd64\n\n";
    REQUIRE(run_process("/bin/sh", {"-c", "lz4 -f -c Packages > Packages.lz4"})->succeeded());
    age(list, 30);
    CHECK(load(list, cache) == std::vector<std::string>{"fresh 2 amd64 | fresh = 2; | | |"});
    CHECK(cache_files() == std::vector<std::string>{".seen", ".solv"}); // the old and the new
}

TEST_CASE("solv_repos::load_apt_packages caches nothing for a list written just now")
{
    const auto list = compressed("lz4", ".lz4");
    const repos::CacheOptions cache{fs::absolute("solv-cache-racy")};
    CHECK(load(list, cache).size() == 3000);
    CHECK(load(list, cache).size() == 3000);
    CHECK_FALSE(fs::exists("solv-cache-racy"));
}

TEST_CASE("solv_repos::load_apt_packages names a corrupt list instead of loading part of it")
{
    const auto list = compressed("xz", ".xz");
    fs::resize_file(list, fs::file_size(list) / 2);
    solv::ObjPool pool;
    auto repo = repos::load_apt_packages(pool, list);
    REQUIRE_FALSE(repo.has_value());
    CHECK(repo.error().message.find("Packages.xz") != std::string::npos);
    CHECK(repo.error().message.find("apt-get update") != std::string::npos);
}
