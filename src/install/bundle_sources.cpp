#include "install/bundle_sources.hpp"

#include "adapters/archive/tar_reader.hpp"
#include "adapters/process/process.hpp"
#include "install/wheel/member.hpp"
#include "install/wheel/stage_tree.hpp"
#include "util/files.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <array>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace pydeb::install
{

namespace
{

// What the bundle says of itself, run with -I -S (no site, no sitecustomize, no environment).
// build_prefix: the --prefix it was configured with, as its sysconfig data records it.
constexpr std::string_view k_probe = R"PY(
import sys, sysconfig
name = getattr(sysconfig, "_get_sysconfigdata_name", lambda: "")()
try:
    data = __import__(name).build_time_vars if name else {}
except ImportError:
    data = {}
print("version=%d.%d" % sys.version_info[:2])
print("implementation=" + sys.implementation.name)
print("build_prefix=" + str(data.get("prefix", "")))
# Whether this process runs libpython from a shared library (Debian's /usr/bin/python3.X does
# not, though its sysconfig says Py_ENABLE_SHARED for the libpython it also ships).
try:
    shared = [l.split()[-1] for l in open("/proc/self/maps") if "/libpython" in l][:1]
except OSError:
    shared = []
print("shared=" + (shared[0] if shared else ""))
print("stdlib=" + sysconfig.get_paths()["stdlib"])
print("include=" + sysconfig.get_paths()["include"])
)PY";

std::int64_t mtime_of(const fs::path& path)
{
    struct stat st{};
    return ::lstat(path.c_str(), &st) == 0 ? static_cast<std::int64_t>(st.st_mtim.tv_sec) : 0;
}

unsigned normal_mode(std::uint32_t mode)
{
    return (mode & 0111) != 0 ? 0755 : 0644;
}

// A member name made safe, or an error naming it: no absolute path, no "..".
Expected<std::string> clean_name(std::string_view name, const std::string& where)
{
    if (name.starts_with('/'))
    {
        return fail(where + ": member '" + std::string(name) +
                    "' has an absolute path; a bundle holds paths relative to its prefix");
    }
    const fs::path path = fs::path(name).lexically_normal();
    for (const auto& part : path)
    {
        if (part == "..")
        {
            return fail(where + ": member '" + std::string(name) +
                        "' has a '..' component, which would leave the prefix");
        }
    }
    std::string out = path.generic_string();
    while (out.starts_with("./"))
    {
        out.erase(0, 2);
    }
    if (out == ".")
    {
        out.clear();
    }
    while (out.ends_with('/'))
    {
        out.pop_back();
    }
    return out;
}

enum class LinksOutside
{
    refuse, // a bundle directory or archive must be self-contained
    skip,   // the host's distribution integration (Debian's sitecustomize.py -> /etc)
};

// Writes the members a bundle ships into the stage, under the final prefix, and counts them.
class Materializer
{
public:
    Materializer(StageTree tree, fs::path prefix_relative, std::vector<python::BundlePart> keep,
                 std::string where)
        : m_tree(std::move(tree)), m_prefix(std::move(prefix_relative)), m_keep(std::move(keep)),
          m_where(std::move(where))
    {
    }

    // Whether `relative` is shipped; counts `size` as left out when it is not.
    bool wanted(const std::string& relative, std::uint64_t size)
    {
        const auto verdict = python::classify_bundle_member(relative);
        const bool ship =
            verdict.member == python::BundleMember::ship ||
            (verdict.member == python::BundleMember::optional &&
             std::ranges::find(m_keep, *verdict.part) != m_keep.end());
        if (!ship)
        {
            m_report.bytes_left_out += size;
        }
        return ship;
    }

    Expected<void> directory(const std::string& relative)
    {
        if (relative.empty() || !wanted(relative, 0))
        {
            return {};
        }
        return wrap(relative, m_tree.make_directories(m_prefix / relative));
    }

    Expected<void> file(const std::string& relative, std::string_view data, std::uint32_t mode,
                        std::int64_t mtime)
    {
        if (!wanted(relative, data.size()))
        {
            return {};
        }
        PYDEB_TRY(wrap(relative, m_tree.write_file(m_prefix / relative, data, normal_mode(mode))));
        m_report.files += 1;
        m_report.bytes += data.size();
        m_report.newest_mtime = std::max(m_report.newest_mtime, mtime);
        return {};
    }

    Expected<void> symlink(const std::string& relative, const std::string& target)
    {
        if (!wanted(relative, 0))
        {
            return {};
        }
        if (!link_stays_inside(relative, target))
        {
            return fail(m_where + ": member '" + relative + "' is a symlink to '" + target +
                        "', outside the interpreter's prefix; a bundle must be self-contained");
        }
        return wrap(relative, m_tree.make_symlink(m_prefix / relative, target));
    }

    [[nodiscard]] const std::string& where() const { return m_where; }
    BundleTake& report() { return m_report; }

private:
    Expected<void> wrap(const std::string& relative, Expected<void> result) const
    {
        if (!result)
        {
            return fail(m_where + ": member '" + relative + "': " + result.error().message);
        }
        return {};
    }

    StageTree m_tree;
    fs::path m_prefix;
    std::vector<python::BundlePart> m_keep;
    std::string m_where;
    BundleTake m_report;
};

// Every entry under `from`, sorted, as members "to/..." ("to" empty: at the prefix's top). A
// symlink leaving `from` is an error, or with LinksOutside::skip not taken.
Expected<void> take_tree(const fs::path& from, const std::string& to, LinksOutside outside,
                         Materializer& out)
{
    std::error_code error;
    std::vector<fs::path> entries;
    for (auto it = fs::recursive_directory_iterator(from, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error))
    {
        entries.push_back(it->path());
    }
    if (error)
    {
        return fail(out.where() + ": cannot read " + from.string() + ": " + error.message());
    }
    std::ranges::sort(entries);
    for (const auto& path : entries)
    {
        const std::string inside = path.lexically_relative(from).generic_string();
        const std::string relative = to.empty() ? inside : to + "/" + inside;
        const auto status = fs::symlink_status(path, error);
        if (fs::is_symlink(status))
        {
            const auto target = fs::read_symlink(path, error).string();
            if (outside == LinksOutside::skip && !link_stays_inside(inside, target))
            {
                continue;
            }
            PYDEB_TRY(out.symlink(relative, target));
        }
        else if (fs::is_directory(status))
        {
            PYDEB_TRY(out.directory(relative));
        }
        else if (fs::is_regular_file(status))
        {
            if (!out.wanted(relative, fs::file_size(path, error)))
            {
                continue;
            }
            const auto data = PYDEB_TRY(util::read_file(path));
            PYDEB_TRY(out.file(relative, data, static_cast<std::uint32_t>(status.permissions()),
                               mtime_of(path)));
        }
        else
        {
            return fail(out.where() + ": '" + relative +
                        "' is a device, fifo or socket; a bundle holds files, directories and "
                        "symlinks only");
        }
    }
    return {};
}

// A tar archive holding a prefix, at its top or under one python/ folder.
Expected<void> take_archive(const fs::path& archive, Materializer& out)
{
    auto reader = PYDEB_TRY(adapters::TarReader::open(archive));
    std::optional<bool> under_python; // decided by the first member with a name
    std::map<std::string, std::string> written; // for hard links: member -> data
    std::array<std::byte, 64 * 1024> buffer{};
    while (true)
    {
        auto next = PYDEB_TRY(reader.next());
        if (!next)
        {
            break;
        }
        auto relative = PYDEB_TRY(clean_name(next->name, out.where()));
        if (relative.empty())
        {
            continue;
        }
        if (!under_python)
        {
            under_python = relative == "python" || relative.starts_with("python/");
        }
        if (*under_python)
        {
            if (relative == "python")
            {
                continue;
            }
            if (!relative.starts_with("python/"))
            {
                return fail(out.where() + ": member '" + next->name +
                            "' is outside the archive's python/ folder");
            }
            relative.erase(0, 7);
        }
        switch (next->type)
        {
        case adapters::TarEntryType::directory:
            PYDEB_TRY(out.directory(relative));
            break;
        case adapters::TarEntryType::symlink:
            PYDEB_TRY(out.symlink(relative, next->link_target));
            break;
        case adapters::TarEntryType::file:
        case adapters::TarEntryType::hardlink:
        {
            std::string data;
            if (next->type == adapters::TarEntryType::hardlink)
            {
                auto target = PYDEB_TRY(clean_name(next->link_target, out.where()));
                if (*under_python && target.starts_with("python/"))
                {
                    target.erase(0, 7);
                }
                const auto it = written.find(target);
                if (it == written.end())
                {
                    return fail(out.where() + ": member '" + next->name +
                                "' is a hard link to '" + next->link_target +
                                "', which is not an earlier file of the archive");
                }
                data = it->second;
            }
            else
            {
                while (true)
                {
                    const std::size_t count = PYDEB_TRY(reader.read(buffer));
                    if (count == 0)
                    {
                        break;
                    }
                    data.append(reinterpret_cast<const char*>(buffer.data()), count);
                }
            }
            PYDEB_TRY(out.file(relative, data, next->mode, next->mtime));
            written[relative] = std::move(data);
            break;
        }
        case adapters::TarEntryType::other:
            return fail(out.where() + ": member '" + next->name +
                        "' is a device, fifo or socket; a bundle holds files, directories and "
                        "symlinks only");
        }
    }
    return {};
}

// The build host's interpreter: the binary, its standard library (and lib-dynload) and, when
// kept, its headers. Links to files outside those directories (Debian's sitecustomize.py ->
// /etc, the libpythonX.Y.so link for embedding) are distribution integration: not taken.
Expected<void> take_host(const fs::path& interpreter, Materializer& out)
{
    std::string error;
    const auto facts = probe_interpreter(interpreter, error);
    if (!error.empty())
    {
        return fail(out.where() + ": " + error);
    }
    if (!facts.at("shared").empty())
    {
        return fail(out.where() + ": this interpreter runs libpython from " + facts.at("shared") +
                    ", outside its standard library; bundle a relocatable prefix instead, e.g. "
                    "python-build-standalone's install_only archive");
    }
    std::error_code ec;
    const fs::path binary = fs::canonical(interpreter, ec);
    if (ec)
    {
        return fail(out.where() + ": " + ec.message());
    }
    const std::string x_y = facts.at("version");
    const auto binary_data = PYDEB_TRY(util::read_file(binary));
    PYDEB_TRY(out.file("bin/python" + x_y, binary_data, 0755, mtime_of(binary)));
    PYDEB_TRY(out.symlink("bin/python3", "python" + x_y));
    PYDEB_TRY(take_tree(facts.at("stdlib"), "lib/python" + x_y, LinksOutside::skip, out));
    if (fs::is_directory(facts.at("include"), ec))
    {
        PYDEB_TRY(take_tree(facts.at("include"), "include/python" + x_y, LinksOutside::skip, out));
    }
    return {};
}

} // namespace

std::map<std::string, std::string> probe_interpreter(const fs::path& python, std::string& error)
{
    std::map<std::string, std::string> out;
    auto result = adapters::run_process(python, {"-I", "-S", "-c", std::string(k_probe)});
    if (!result)
    {
        error = result.error().message;
        return out;
    }
    if (!result->succeeded())
    {
        error = "it does not run (exit " + std::to_string(result->exit_code) +
                "): " + std::string(util::trim(result->standard_error));
        return out;
    }
    for (const auto& line : util::split(result->standard_output, '\n'))
    {
        if (const auto equals = line.find('='); equals != std::string::npos)
        {
            out[line.substr(0, equals)] = line.substr(equals + 1);
        }
    }
    return out;
}

Expected<BundleTake> take_bundle(const BundleSource& source, const fs::path& stage_root,
                                 const fs::path& prefix,
                                 const std::vector<python::BundlePart>& keep)
{
    std::error_code error;
    fs::create_directories(stage_root, error);
    auto tree = PYDEB_TRY(StageTree::open(stage_root));
    Materializer out(std::move(tree), prefix.relative_path(), keep, source.where);
    if (!source.path)
    {
        PYDEB_TRY(take_host(source.host_interpreter, out));
    }
    else if (fs::is_directory(*source.path, error))
    {
        fs::path top = *source.path;
        if (!fs::is_directory(top / "bin", error) && fs::is_directory(top / "python" / "bin", error))
        {
            top /= "python";
        }
        PYDEB_TRY(take_tree(top, "", LinksOutside::refuse, out));
    }
    else
    {
        PYDEB_TRY(take_archive(*source.path, out));
    }
    return out.report();
}

} // namespace pydeb::install
