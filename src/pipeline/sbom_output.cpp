// Where the SBOM goes: into the staged root (and the package's entries) and beside the package.
#include "package/contents.hpp"
#include "pipeline/sbom_stage.hpp"
#include "util/files.hpp"

#include <algorithm>

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

std::string sbom_install_path(const package::PackageInfo& info)
{
    return "/usr/share/doc/" + info.name + "/" + info.name + ".spdx.json";
}

fs::path sbom_beside(const fs::path& package_file)
{
    fs::path out = package_file;
    return out.replace_extension(".spdx.json");
}

Expected<void> ship_sbom(const fs::path& root, const package::PackageInfo& info,
                         const std::string& json, std::vector<package::Entry>* entries)
{
    const std::string path = sbom_install_path(info);
    const fs::path source = root / path.substr(1);
    if (entries != nullptr &&
        std::ranges::any_of(*entries, [&](const package::Entry& e) { return e.path == path; }))
    {
        return fail("files: " + path + " is where pydeb ships the package's SBOM (pydeb(1), "
                    "SBOM); install that file elsewhere");
    }
    std::error_code error;
    fs::create_directories(source.parent_path(), error);
    if (error)
    {
        return fail(source.parent_path().string() + ": " + error.message());
    }
    PYDEB_TRY(util::write_file_atomic(source, json));
    if (entries == nullptr)
    {
        return {};
    }
    for (fs::path dir = fs::path(path).parent_path(); dir != "/"; dir = dir.parent_path())
    {
        if (std::ranges::none_of(*entries,
                                 [&](const package::Entry& e) { return e.path == dir.string(); }))
        {
            entries->push_back(
                {.path = dir.string(),
                 .type = package::EntryType::directory,
                 .source = root / dir.relative_path(),
                 .mode = 0755,
                 .mtime = info.source_date_epoch,
                 .owned_directory = !package::is_shared_system_directory(dir.string())});
        }
    }
    entries->push_back({.path = path,
                        .type = package::EntryType::file,
                        .source = source,
                        .mode = 0644,
                        .size = json.size(),
                        .mtime = info.source_date_epoch});
    std::ranges::sort(*entries, {}, &package::Entry::path);
    return {};
}

} // namespace pydeb::pipeline
