#include "install/bundle.hpp"

#include "install/bundle_sources.hpp"
#include "install/bytecode.hpp"
#include "install/interpreter.hpp"
#include "install/strip.hpp"
#include "templates/templates.hpp"
#include "util/fd.hpp"
#include "util/files.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <fcntl.h>
#include <fstream>

namespace fs = std::filesystem;

namespace pydeb::install
{

namespace
{

// The X.Y of the staged prefix: the one lib/pythonX.Y/os.py there is.
Expected<std::string> staged_version(const fs::path& staged, const std::string& where)
{
    std::vector<std::string> found;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(staged / "lib", error))
    {
        const auto name = entry.path().filename().string() + "/";
        if (python::stdlib_prefix_length("lib/" + name) != 0 &&
            fs::is_regular_file(entry.path() / "os.py", error))
        {
            found.push_back(name.substr(6, name.size() - 7));
        }
    }
    const std::string expected = " (expected a CPython prefix: bin/python3.X and lib/python3.X/"
                                 "os.py, at the top or under python/ as in "
                                 "python-build-standalone's install_only archives)";
    if (found.size() != 1)
    {
        return fail(where + ": not a CPython prefix: " +
                    (found.empty() ? std::string("no lib/python3.X/os.py")
                                   : "several standard libraries (" + util::join(found, ", ") +
                                         ")") +
                    expected);
    }
    if (!fs::is_regular_file(staged / "bin" / ("python" + found.front()), error))
    {
        return fail(where + ": not a CPython prefix: no bin/python" + found.front() + expected);
    }
    return found.front();
}

// Rewrite the build prefix to the final one in the files that record it, and in the shebang line
// of every script (Debian's stdlib modules start with "#! /usr/bin/python3.11").
Expected<void> relocate(const fs::path& staged, const std::string& build_prefix,
                        const fs::path& final_prefix)
{
    if (build_prefix.empty() || build_prefix == final_prefix.string())
    {
        return {};
    }
    std::vector<fs::path> files;
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(staged, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error))
    {
        if (it->is_regular_file() && !it->is_symlink())
        {
            files.push_back(it->path());
        }
    }
    for (const auto& file : files)
    {
        const bool whole =
            python::records_build_prefix(file.lexically_relative(staged).generic_string());
        if (!whole)
        {
            std::ifstream in(file, std::ios::binary);
            char lead[2] = {};
            if (!in.read(lead, 2) || lead[0] != '#' || lead[1] != '!')
            {
                continue;
            }
        }
        const auto text = PYDEB_TRY(util::read_file(file));
        if (util::has_elf_magic(text))
        {
            continue;
        }
        std::string moved;
        if (whole)
        {
            moved = python::relocate_prefix(text, build_prefix, final_prefix.string());
        }
        else
        {
            const auto end = std::min(text.find('\n'), text.size());
            moved = python::relocate_prefix(std::string_view(text).substr(0, end), build_prefix,
                                            final_prefix.string()) +
                    text.substr(end);
        }
        if (moved != text)
        {
            const auto mode = fs::status(file).permissions();
            PYDEB_TRY(util::write_file_atomic(file, moved, mode & fs::perms::mask));
        }
    }
    return {};
}

} // namespace

std::string describe_bundle_source(const BundleRequest& request)
{
    return request.source ? "bundle '" + request.source->string() + "'"
                          : "bundle 'host' (" + request.host_interpreter.string() + ")";
}

Expected<BundledInterpreter> bundle_interpreter(const BundleRequest& request)
{
    const std::string where = describe_bundle_source(request);
    std::error_code error;
    const BundleTake taken = PYDEB_TRY(take_bundle(
        {request.source, request.host_interpreter, where}, request.stage_root, request.prefix,
        request.keep));
    const fs::path staged = request.stage_root / request.prefix.relative_path();
    const std::string x_y = PYDEB_TRY(staged_version(staged, where));
    const fs::path binary = staged / "bin" / ("python" + x_y);

    std::string problem;
    const auto said = probe_interpreter(binary, problem);
    if (!problem.empty())
    {
        return fail(where + ": bin/python" + x_y + " " + problem);
    }
    if (said.at("implementation") != "cpython" || said.at("version") != x_y)
    {
        return fail(where + ": bin/python" + x_y + " is " + said.at("implementation") + " " +
                    said.at("version") + ", not the CPython " + x_y + " its lib/ is for");
    }
    PYDEB_TRY(relocate(staged, said.at("build_prefix"), request.prefix));
    const fs::path stdlib = staged / "lib" / ("python" + x_y);
    if (!fs::exists(stdlib / "sitecustomize.py", error))
    {
        const auto text = templates::get("bundle/sitecustomize.py");
        if (!text)
        {
            return fail("internal error: the template bundle/sitecustomize.py is missing");
        }
        PYDEB_TRY(util::write_file_atomic(stdlib / "sitecustomize.py", *text));
    }

    BundledInterpreter report;
    report.newest_mtime = taken.newest_mtime;
    report.files = taken.files;
    report.bytes = taken.bytes;
    report.bytes_left_out = taken.bytes_left_out;
    report.facts = PYDEB_TRY(query_interpreter(binary, util::CacheStore::off()));
    report.facts.runnable = binary.string();
    report.facts.executable = (request.prefix / "bin" / ("python" + x_y)).string();
    report.facts.base_prefix = request.prefix.string();
    if (request.strip == Strip::yes)
    {
        std::vector<fs::path> objects;
        for (auto it = fs::recursive_directory_iterator(staged, error);
             !error && it != fs::recursive_directory_iterator(); it.increment(error))
        {
            if (it->is_regular_file() && !it->is_symlink())
            {
                const util::Fd fd(::open(it->path().c_str(), O_RDONLY | O_CLOEXEC));
                if (fd && util::has_elf_magic(fd.get()))
                {
                    objects.push_back(it->path());
                }
            }
        }
        std::ranges::sort(objects);
        PYDEB_TRY(strip_files(objects));
    }
    if (request.bytecode == Bytecode::build)
    {
        const auto jobs = python_sources_in(stdlib, request.prefix / "lib" / ("python" + x_y));
        const auto failures = PYDEB_TRY(compile_bytecode(report.facts, jobs));
        if (!failures.empty())
        {
            report.warnings.push_back(where + ": " + std::to_string(failures.size()) +
                                      " standard library files do not compile (kept as source), "
                                      "e.g. " + describe_compile_failure(jobs[failures.front().job],
                                                                         failures.front()));
        }
    }
    return report;
}

Expected<void> place_bundle(const fs::path& from_root, const fs::path& to_root,
                            const fs::path& prefix, LinkMode link)
{
    const fs::path from = from_root / prefix.relative_path();
    const fs::path to = to_root / prefix.relative_path();
    std::error_code error;
    std::vector<fs::directory_entry> entries;
    for (auto it = fs::recursive_directory_iterator(from, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error))
    {
        entries.push_back(*it);
    }
    if (error)
    {
        return fail("placing the bundled interpreter: " + error.message());
    }
    std::ranges::sort(entries, {}, [](const auto& entry) { return entry.path(); });
    fs::create_directories(to, error);
    fs::permissions(to, fs::perms(0755), error);
    for (const auto& entry : entries)
    {
        const fs::path target = to / entry.path().lexically_relative(from);
        if (entry.is_symlink())
        {
            fs::copy_symlink(entry.path(), target, error);
        }
        else if (entry.is_directory())
        {
            fs::create_directory(target, error);
            if (!error)
            {
                fs::permissions(target, fs::perms(0755), error);
            }
        }
        else
        {
            error.clear();
            if (link == LinkMode::hardlink)
            {
                fs::create_hard_link(entry.path(), target, error);
            }
            if (link == LinkMode::copy || error)
            {
                error.clear();
                fs::copy_file(entry.path(), target, error);
            }
        }
        if (error)
        {
            return fail("placing the bundled interpreter at " + target.string() + ": " +
                        error.message());
        }
    }
    return {};
}

} // namespace pydeb::install
