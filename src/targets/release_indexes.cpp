#include "targets/release_indexes.hpp"

#include "adapters/archive/decompressing_reader.hpp"

#include <array>
#include <charconv>
#include <functional>

namespace fs = std::filesystem;

namespace pydeb::targets
{

namespace
{

// Each line of the decompressed file, without its newline.
Expected<void> for_each_line(const fs::path& file,
                             const std::function<void(std::string_view)>& visit)
{
    auto reader = PYDEB_TRY(adapters::DecompressingReader::open(file));
    std::array<std::byte, 1 << 16> block{};
    std::string pending;
    for (;;)
    {
        const std::size_t got = PYDEB_TRY(reader.read(block));
        if (got == 0)
        {
            break;
        }
        pending.append(reinterpret_cast<const char*>(block.data()), got);
        std::size_t start = 0;
        for (std::size_t end; (end = pending.find('\n', start)) != std::string::npos;
             start = end + 1)
        {
            visit(std::string_view(pending).substr(start, end - start));
        }
        pending.erase(0, start);
    }
    if (!pending.empty())
    {
        visit(pending);
    }
    return {};
}

} // namespace

WantedPaths::WantedPaths(const std::set<fs::path>& paths)
{
    for (const fs::path& path : paths)
    {
        m_wanted.insert(path.relative_path().string());
    }
}

std::optional<fs::path> WantedPaths::match(std::string_view name) const
{
    if (name.starts_with("./"))
    {
        name.remove_prefix(2);
    }
    if (!m_wanted.contains(name))
    {
        const fs::path file(name);
        const fs::path pattern = file.parent_path().parent_path() / "*" / file.filename();
        if (!m_wanted.contains(pattern.string()))
        {
            return std::nullopt;
        }
    }
    return "/" + std::string(name);
}

Expected<std::map<fs::path, std::string>>
find_in_contents(const std::vector<fs::path>& contents, const std::set<fs::path>& paths)
{
    const WantedPaths wanted(paths);
    std::map<fs::path, std::string> found;
    for (const fs::path& file : contents)
    {
        PYDEB_TRY(for_each_line(file, [&](std::string_view line) {
            // "FILE   [[SECTION/]SECTION/]PACKAGE[,...]": the file name may hold spaces, the
            // location list never does.
            const auto gap = line.find_last_of(" \t");
            if (gap == std::string_view::npos)
            {
                return;
            }
            auto name = line.substr(0, gap);
            while (!name.empty() && (name.back() == ' ' || name.back() == '\t'))
            {
                name.remove_suffix(1);
            }
            const auto path = wanted.match(name);
            if (!path)
            {
                return;
            }
            auto location = line.substr(gap + 1);
            location = location.substr(0, location.find(','));
            found.try_emplace(*path, std::string(location.substr(location.rfind('/') + 1)));
        }));
    }
    return found;
}

Expected<std::map<std::string, PoolFile>>
find_pool_files(const std::vector<fs::path>& packages_files, const std::set<std::string>& packages)
{
    std::map<std::string, PoolFile> found;
    for (const fs::path& file : packages_files)
    {
        PoolFile current;
        const auto field = [](std::string_view line, std::string_view name) {
            return line.starts_with(name) && line.size() > name.size() &&
                   line[name.size()] == ':';
        };
        const auto value = [](std::string_view line) {
            auto text = line.substr(line.find(':') + 1);
            while (!text.empty() && text.front() == ' ')
            {
                text.remove_prefix(1);
            }
            return std::string(text);
        };
        const auto finish = [&] {
            if (packages.contains(current.package) && !current.filename.empty())
            {
                found.insert_or_assign(current.package, current);
            }
            current = {};
        };
        PYDEB_TRY(for_each_line(file, [&](std::string_view line) {
            if (line.empty())
            {
                finish();
            }
            else if (field(line, "Package"))
            {
                current.package = value(line);
            }
            else if (field(line, "Version"))
            {
                current.version = value(line);
            }
            else if (field(line, "Filename"))
            {
                current.filename = value(line);
            }
            else if (field(line, "SHA256"))
            {
                current.sha256 = value(line);
            }
            else if (field(line, "Size"))
            {
                const std::string size = value(line);
                std::from_chars(size.data(), size.data() + size.size(), current.size);
            }
        }));
        finish();
    }
    return found;
}

} // namespace pydeb::targets
