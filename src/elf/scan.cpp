#include "elf/scan.hpp"

#include "elf/reader.hpp"

#include <algorithm>
#include <string>
#include <system_error>

namespace fs = std::filesystem;

namespace pydeb::elf
{

Expected<std::vector<ElfObject>> scan_tree(const fs::path& stage_root)
{
    std::error_code ec;
    std::vector<std::string> paths; // install paths of the regular files
    auto it = fs::recursive_directory_iterator(stage_root, ec);
    if (ec)
    {
        return fail(stage_root.string() + ": cannot scan the staging tree: " + ec.message());
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec))
    {
        if (ec)
        {
            return fail(stage_root.string() + ": cannot scan the staging tree: " + ec.message());
        }
        if (it->is_regular_file(ec) && !it->is_symlink(ec))
        {
            paths.push_back((fs::path("/") / it->path().lexically_relative(stage_root)).string());
        }
    }
    return scan_files(stage_root, paths);
}

Expected<std::vector<ElfObject>> scan_files(const fs::path& stage_root,
                                            const std::vector<std::string>& install_paths)
{
    std::vector<ElfObject> objects;
    for (const auto& path : install_paths)
    {
        auto object = PYDEB_TRY(read_elf_object(stage_root / fs::path(path).relative_path()));
        if (object)
        {
            object->install_path = path;
            objects.push_back(std::move(*object));
        }
    }
    // By install path, compared as paths (component-wise), not as strings.
    std::ranges::sort(objects, {}, &ElfObject::install_path);
    return objects;
}

std::string expand_origin(std::string_view entry, const fs::path& origin)
{
    std::string out;
    for (std::size_t i = 0; i < entry.size();)
    {
        if (entry.substr(i).starts_with("${ORIGIN}"))
        {
            out += origin.string();
            i += 9;
        }
        else if (entry.substr(i).starts_with("$ORIGIN"))
        {
            out += origin.string();
            i += 7;
        }
        else
        {
            out += entry[i++];
        }
    }
    return out;
}

std::vector<fs::path> search_directories(const ElfObject& object)
{
    const auto& entries = object.runpath.empty() ? object.rpath : object.runpath;
    const fs::path origin = object.install_path.parent_path();
    std::vector<fs::path> dirs;
    for (const auto& entry : entries)
    {
        if (entry.empty())
        {
            continue;
        }
        fs::path dir = fs::path(expand_origin(entry, origin)).lexically_normal();
        if (dir.is_relative())
        {
            continue; // relative to the working directory at run time: not a bundle location
        }
        if (dir.has_filename() == false && dir != "/")
        {
            dir = dir.parent_path(); // "a/b/" -> "a/b"
        }
        if (std::ranges::find(dirs, dir) == dirs.end())
        {
            dirs.push_back(std::move(dir));
        }
    }
    return dirs;
}

std::optional<fs::path> find_in_bundle(const ElfObject& object, const std::string& soname,
                                       const fs::path& stage_root)
{
    if (soname.find('/') != std::string::npos)
    {
        return std::nullopt; // a DT_NEEDED with a slash is a path, never searched (ld.so(8))
    }
    for (const auto& dir : search_directories(object))
    {
        const fs::path candidate = stage_root / dir.relative_path() / soname;
        // Stay inside the stage: "$ORIGIN/../../../.." must not reach the build host's files.
        const fs::path resolved = fs::weakly_canonical(candidate);
        const fs::path root = fs::weakly_canonical(stage_root);
        const auto rel = resolved.lexically_relative(root);
        if (rel.empty() || *rel.begin() == "..")
        {
            continue;
        }
        std::error_code ec;
        if (!fs::is_regular_file(resolved, ec))
        {
            continue;
        }
        auto library = read_elf_object(resolved);
        if (library && *library && (*library)->elf_class == object.elf_class &&
            (*library)->machine == object.machine)
        {
            return candidate;
        }
    }
    return std::nullopt;
}

std::string describe_abi(ElfClass elf_class, std::uint16_t machine)
{
    std::string name = elf_class == ElfClass::elf64 ? "ELF 64-bit" : "ELF 32-bit";
    switch (machine)
    {
    case 3:
        return name + " i386";
    case 62:
        return name + " x86-64";
    case 40:
        return name + " ARM";
    case 183:
        return name + " AArch64";
    default:
        return name + " machine " + std::to_string(machine);
    }
}

} // namespace pydeb::elf
