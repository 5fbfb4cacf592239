#include "explain/space.hpp"

#include "install/wheel/record.hpp"
#include "python/name.hpp"
#include "util/fd.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <fcntl.h>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace pydeb::explain
{

namespace
{

FileKind kind_of(const fs::path& path)
{
    const std::string extension = path.extension().string();
    if (extension == ".pyc")
    {
        return FileKind::bytecode;
    }
    if (extension == ".py")
    {
        return FileKind::code;
    }
    const util::Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    return fd && util::has_elf_magic(fd.get()) ? FileKind::native : FileKind::data;
}

void count(Usage& usage, const fs::path& path, std::uint64_t size)
{
    usage.bytes += size;
    usage.files += 1;
    usage.by_kind[static_cast<std::size_t>(kind_of(path))] += size;
}

// "Flask-2.2.2.dist-info" -> "flask" (PEP 427: NAME-VERSION.dist-info, NAME escaped).
std::string distribution_name(const fs::path& dist_info)
{
    const std::string stem = dist_info.stem().string();
    return python::normalize_name(stem.substr(0, stem.find('-')));
}

} // namespace

std::string_view to_string(FileKind kind)
{
    switch (kind)
    {
    case FileKind::code:
        return "code";
    case FileKind::bytecode:
        return "bytecode";
    case FileKind::native:
        return "native";
    case FileKind::data:
        return "data";
    }
    return "data";
}

Expected<std::vector<Usage>> installed_space(const SpaceRequest& request)
{
    const fs::path site = request.venv / request.site_packages;
    std::map<fs::path, std::string> owner; // file -> distribution
    std::map<std::string, Usage> rows;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(site, error))
    {
        if (entry.path().extension() != ".dist-info")
        {
            continue;
        }
        const std::string name = distribution_name(entry.path());
        rows[name].name = name;
        const fs::path record = entry.path() / "RECORD";
        const auto rows_of = install::parse_record(PYDEB_TRY(util::read_file(record)));
        if (!rows_of)
        {
            return fail(record.string() + ": " + rows_of.error().message);
        }
        for (const install::RecordEntry& row : *rows_of)
        {
            const fs::path file = (site / row.path).lexically_normal();
            owner.emplace(file, name);
            if (file.extension() != ".py")
            {
                continue;
            }
            const fs::path cache = file.parent_path() / "__pycache__";
            const std::string stem = file.stem().string() + "." + request.cache_tag;
            for (const char* suffix : {".pyc", ".opt-1.pyc", ".opt-2.pyc"})
            {
                owner.emplace(cache / (stem + suffix), name);
            }
        }
    }
    if (error)
    {
        return fail(site.string() + ": " + error.message());
    }
    const fs::path interpreter = request.venv / "python";
    for (auto it = fs::recursive_directory_iterator(request.venv, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error))
    {
        if (it->symlink_status(error).type() != fs::file_type::regular)
        {
            continue; // du counts a symlink's own few bytes; an installed size is the files'
        }
        const fs::path& path = it->path();
        std::string name;
        if (const auto found = owner.find(path); found != owner.end())
        {
            name = found->second;
        }
        else
        {
            const auto relative = path.lexically_relative(interpreter).string();
            name = relative.starts_with("..") ? k_venv_row : k_interpreter_row;
        }
        Usage& usage = rows[name];
        usage.name = name;
        count(usage, path, it->file_size(error));
    }
    if (error)
    {
        return fail(request.venv.string() + ": " + error.message());
    }
    std::vector<Usage> out;
    for (auto& [name, usage] : rows)
    {
        out.push_back(std::move(usage));
    }
    std::ranges::stable_sort(out, [](const Usage& a, const Usage& b) { return a.bytes > b.bytes; });
    return out;
}

} // namespace pydeb::explain
