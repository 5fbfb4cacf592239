// scan_files: scan_tree over the stage's own listing, with ObjectMemo for the named files, the
// files read on two threads.
#include "elf/object_memo.hpp"
#include "elf/reader.hpp"
#include "elf/scan.hpp"

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>

namespace fs = std::filesystem;

namespace pydeb::elf
{

namespace
{

constexpr std::size_t k_parallel_from = 8; // files to read

struct Found
{
    const StagedFile* file;
    ElfObject object;
};

// What one thread read: the ELF objects, and the failure of the first file in listing order.
struct Reads
{
    std::vector<Found> found;
    std::optional<std::pair<std::size_t, Error>> failure;
};

// Every candidate read; a file that is no ELF object is left out. An error is that of the first
// failing file in listing order, as a sequential scan would report it.
Expected<std::vector<Found>> read_objects(const fs::path& stage_root,
                                          const std::vector<const StagedFile*>& candidates)
{
    std::atomic<std::size_t> next{0};
    const auto work = [&](Reads& reads)
    {
        for (std::size_t i = next++; i < candidates.size(); i = next++)
        {
            const auto* file = candidates[i];
            auto object =
                read_elf_object(stage_root / fs::path(file->install_path).relative_path());
            if (!object && (!reads.failure || i < reads.failure->first))
            {
                reads.failure.emplace(i, std::move(object).error());
            }
            else if (object && *object)
            {
                reads.found.push_back({file, std::move(**object)});
            }
        }
    };
    Reads mine;
    Reads helpers;
    // Each object costs a few system calls and page faults more than CPU: a helper thread halves
    // the wait on a two-core machine.
    if (candidates.size() >= k_parallel_from && std::thread::hardware_concurrency() > 1)
    {
        try
        {
            std::jthread helper(work, std::ref(helpers));
            work(mine);
        }
        catch (const std::system_error&)
        {
            // No thread to be had: the call below reads everything.
        }
    }
    work(mine);
    if (helpers.failure && (!mine.failure || helpers.failure->first < mine.failure->first))
    {
        mine.failure = std::move(helpers.failure);
    }
    if (mine.failure)
    {
        return std::unexpected(std::move(mine.failure->second));
    }
    std::ranges::move(helpers.found, std::back_inserter(mine.found));
    return std::move(mine.found);
}

} // namespace

Expected<std::vector<ElfObject>> scan_files(const fs::path& stage_root,
                                            const std::vector<StagedFile>& files)
{
    const auto memo = ObjectMemo::for_files(files);
    const auto known = memo ? memo->read() : std::nullopt;
    // Every unnamed file, and the named ones not known to be no ELF object.
    std::vector<const StagedFile*> candidates;
    for (const auto& file : files)
    {
        if (file.content_key.empty() || !known || known->contains(file.install_path))
        {
            candidates.push_back(&file);
        }
    }
    auto found = PYDEB_TRY(read_objects(stage_root, candidates));
    std::vector<ElfObject> objects;
    std::vector<std::string> named_objects;
    for (auto& [file, object] : found)
    {
        if (!file->content_key.empty())
        {
            named_objects.emplace_back(file->install_path);
        }
        object.install_path = file->install_path;
        objects.push_back(std::move(object));
    }
    if (memo && !known)
    {
        memo->write(named_objects);
    }
    // As scan_tree: by install path, compared as paths (component-wise), not as strings.
    std::ranges::sort(objects, {}, &ElfObject::install_path);
    return objects;
}

} // namespace pydeb::elf
