#include "resolve/wheelhouse.hpp"

#include "python/name.hpp"
#include "util/cache_validity.hpp"
#include "util/hash.hpp"

#include <algorithm>
#include <cctype>
#include <system_error>

namespace pydeb::resolve
{

namespace
{

// sdist file names: {name}-{version}.tar.gz (PEP 625; older ones used other escapings). The
// version is the text after the last "-" that is followed by a digit.
void add_sdist(Wheelhouse& house, const std::filesystem::path& path, std::string_view stem)
{
    std::size_t split = std::string_view::npos;
    for (std::size_t i = stem.size(); i-- > 0;)
    {
        if (stem[i] == '-' && i + 1 < stem.size() &&
            std::isdigit(static_cast<unsigned char>(stem[i + 1])))
        {
            split = i;
            break;
        }
    }
    if (split == std::string_view::npos || split == 0)
    {
        house.warnings.push_back(path.string() + ": not a NAME-VERSION sdist file name; ignored");
        return;
    }
    house.sdists[python::normalize_name(stem.substr(0, split))].push_back(
        {path, std::string(stem.substr(split + 1))});
}

void add_file(Wheelhouse& house, const std::filesystem::path& path)
{
    const std::string filename = path.filename().string();
    if (filename.ends_with(".whl"))
    {
        auto parsed = python::WheelFilename::parse(filename);
        if (!parsed)
        {
            house.warnings.push_back(path.string() + ": " + parsed.error().message + "; ignored");
            return;
        }
        house.wheels[parsed->normalized_name()].push_back({path, std::move(*parsed)});
    }
    else if (filename.ends_with(".tar.gz"))
    {
        add_sdist(house, path, std::string_view(filename).substr(0, filename.size() - 7));
    }
    else if (filename.ends_with(".zip"))
    {
        add_sdist(house, path, std::string_view(filename).substr(0, filename.size() - 4));
    }
}

} // namespace

Expected<Wheelhouse> scan_wheelhouses(const std::vector<std::filesystem::path>& paths)
{
    Wheelhouse house;
    for (const auto& path : paths)
    {
        std::error_code error;
        const auto status = std::filesystem::status(path, error);
        if (!std::filesystem::exists(status))
        {
            return fail(path.string() + ": wheelhouse not found");
        }
        if (error)
        {
            return fail(path.string() + ": cannot read the wheelhouse: " + error.message());
        }
        if (!std::filesystem::is_directory(status))
        {
            add_file(house, path);
            continue;
        }
        // Sorted, so that scan order (and hence tie-breaking) does not depend on readdir order.
        std::vector<std::filesystem::path> entries;
        for (const auto& entry : std::filesystem::directory_iterator(path, error))
        {
            if (entry.is_regular_file(error))
            {
                entries.push_back(entry.path());
            }
        }
        if (error)
        {
            return fail(path.string() + ": cannot list the wheelhouse: " + error.message());
        }
        std::ranges::sort(entries);
        for (const auto& entry : entries)
        {
            add_file(house, entry);
        }
    }
    return house;
}

Expected<std::string> wheel_sha256(const util::CacheStore& cache,
                                   const std::filesystem::path& wheel)
{
    return util::memoize_file_answer(
        cache, util::CacheKind::hashes, wheel,
        [](const std::filesystem::path& path) -> Expected<std::string>
        { return util::to_hex(PYDEB_TRY(util::digest_file(util::HashAlgorithm::sha256, path))); });
}

} // namespace pydeb::resolve
