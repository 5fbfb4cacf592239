#include "install/strip.hpp"

#include "adapters/process/process.hpp"
#include "install/wheel/record.hpp"
#include "util/fd.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"

#include <fcntl.h>
#include <fstream>
#include <set>

namespace fs = std::filesystem;

namespace pydeb::install
{

namespace
{

constexpr std::size_t k_batch = 64; // files per strip invocation

bool has_elf_magic(const fs::path& path)
{
    const util::Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    return fd && util::has_elf_magic(fd.get());
}

} // namespace

Expected<std::vector<fs::path>> find_elf_files(const Layout& layout)
{
    std::vector<fs::path> found;
    std::error_code error;
    const auto root = layout.in_stage("");
    for (fs::recursive_directory_iterator it(root, error), end; !error && it != end;
         it.increment(error))
    {
        if (it->is_regular_file() && !it->is_symlink() && has_elf_magic(it->path()))
        {
            found.push_back(it->path());
        }
    }
    if (error)
    {
        return fail("cannot scan " + root.string() + " for ELF files: " + error.message());
    }
    return found;
}

Expected<void> strip_files(const std::vector<fs::path>& files, const fs::path& strip)
{
    for (std::size_t first = 0; first < files.size(); first += k_batch)
    {
        std::vector<std::string> arguments{"--strip-debug", "--preserve-dates"};
        for (std::size_t i = first; i < std::min(files.size(), first + k_batch); ++i)
        {
            arguments.push_back(files[i].string());
        }
        const auto result = PYDEB_TRY(adapters::run_process(strip, arguments));
        if (!result.succeeded())
        {
            return fail(adapters::describe_command(strip, arguments) + " failed:\n" +
                        result.standard_error);
        }
    }
    return {};
}

Expected<void> refresh_records(const Layout& layout, const std::vector<fs::path>& changed)
{
    const std::set<fs::path> changed_set(changed.begin(), changed.end());
    std::set<fs::path> roots{layout.in_stage(layout.purelib), layout.in_stage(layout.platlib)};
    for (const auto& root : roots)
    {
        std::error_code error;
        for (const auto& entry : fs::directory_iterator(root, error))
        {
            const auto record_path = entry.path() / "RECORD";
            if (!entry.path().string().ends_with(".dist-info") || !fs::exists(record_path))
            {
                continue;
            }
            const auto text = PYDEB_TRY(util::read_file(record_path));
            const auto rows = PYDEB_TRY(parse_record(text));
            std::vector<WrittenFile> files;
            bool touched = false;
            for (const auto& row : rows)
            {
                if (!row.hash)
                {
                    continue; // RECORD itself; render_record adds it back
                }
                WrittenFile file{row.path, row.hash->digest, row.size.value_or(0)};
                const auto on_disk = (root / row.path).lexically_normal();
                if (changed_set.contains(on_disk))
                {
                    const auto digest =
                        PYDEB_TRY(util::digest_file(util::HashAlgorithm::sha256, on_disk));
                    file.sha256 = util::to_urlsafe_b64_nopad(digest);
                    file.size = fs::file_size(on_disk);
                    touched = true;
                }
                files.push_back(std::move(file));
            }
            if (touched)
            {
                const auto self = entry.path().filename().string() + "/RECORD";
                PYDEB_TRY(util::write_file_atomic(record_path, render_record(files, self)));
            }
        }
    }
    return {};
}

} // namespace pydeb::install
