#include "pipeline/entry_facts.hpp"

#include <algorithm>
#include <string_view>
#include <sys/stat.h>
#include <unordered_map>

namespace fs = std::filesystem;

namespace pydeb::pipeline
{

namespace
{

void newest(std::int64_t& epoch, const fs::path& path)
{
    struct stat st
    {
    };
    if (!path.empty() && ::stat(path.c_str(), &st) == 0)
    {
        epoch = std::max<std::int64_t>(epoch, st.st_mtim.tv_sec);
    }
}

} // namespace

std::int64_t inputs_epoch(const Prepared& prepared, const resolve::Resolution& resolution)
{
    const spec::Spec& spec = prepared.spec;
    std::int64_t epoch = 0;
    newest(epoch, spec.file);
    for (const auto* hook :
         {&spec.hooks.pre_install, &spec.hooks.post_install, &spec.hooks.pre_upgrade,
          &spec.hooks.post_upgrade, &spec.hooks.pre_remove, &spec.hooks.post_remove,
          &spec.hooks.post_purge})
    {
        newest(epoch, hook->value_or(fs::path()));
    }
    for (const auto& file : spec.files)
    {
        newest(epoch, file.source);
    }
    for (const auto& service : spec.services) // a packager's unit file (unit:)
    {
        newest(epoch, service.unit.value_or(fs::path()));
    }
    if (prepared.bundle)
    {
        // The newest file taken from the bundle, whether it came as a directory or an archive
        // (whose members keep their mtimes): the same prefix gives the same package either way.
        epoch = std::max(epoch, prepared.bundle->newest_mtime);
    }
    for (const auto& wheel : resolution.wheels)
    {
        if (!prepared.project_wheel || prepared.project_wheel->path != wheel.path)
        {
            newest(epoch, wheel.path);
        }
    }
    return epoch;
}

void mark_cached_entries(std::vector<package::Entry>& entries,
                         const std::vector<install::CachedWheelFiles>& cached,
                         std::int64_t installed_at)
{
    std::unordered_map<std::string_view, const std::string*> key_of;
    for (const auto& wheel : cached)
    {
        for (const auto& file : wheel.files)
        {
            key_of.emplace(file, &wheel.entry_key);
        }
    }
    for (package::Entry& entry : entries)
    {
        const auto it = key_of.find(entry.path);
        if (it == key_of.end() || entry.type != package::EntryType::file)
        {
            continue;
        }
        entry.content_key = *it->second + ":" + entry.path;
        entry.mtime = installed_at;
    }
}

} // namespace pydeb::pipeline
