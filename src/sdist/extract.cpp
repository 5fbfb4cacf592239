#include "sdist/extract.hpp"

#include "adapters/archive/tar_reader.hpp"
#include "adapters/archive/zip_reader.hpp"
#include "install/wheel/member.hpp"
#include "install/wheel/stage_tree.hpp"
#include "util/files.hpp"

#include <array>
#include <set>

namespace fs = std::filesystem;

namespace pydeb::sdist
{

namespace
{

std::string_view clean(std::string_view name)
{
    while (name.starts_with("./"))
    {
        name.remove_prefix(2);
    }
    while (name.ends_with('/'))
    {
        name.remove_suffix(1);
    }
    return name == "." ? std::string_view{} : name;
}

// One member at a time into the tree: what was written, for hard links and the top directory.
class Extraction
{
public:
    Extraction(install::StageTree tree, fs::path root, std::string where)
        : m_tree(std::move(tree)), m_root(std::move(root)), m_where(std::move(where))
    {
    }

    // The checked path, or the error naming the sdist and the member.
    Expected<std::string> path(std::string_view name, MemberType type, std::string_view target)
    {
        auto checked = member_path(name, type, target);
        if (!checked)
        {
            return fail(m_where + ": member '" + std::string(name) +
                        "' is refused: " + checked.error().message +
                        "; an sdist holds its project's files below one directory");
        }
        if (!checked->empty())
        {
            m_tops.insert(checked->substr(0, checked->find('/')));
        }
        return checked;
    }

    Expected<void> directory(const std::string& relative)
    {
        return relative.empty() ? Expected<void>{} : wrap(relative, m_tree.make_directories(relative));
    }

    template <typename Reader>
    Expected<void> file(const std::string& relative, Reader& reader, std::uint32_t mode)
    {
        auto sink = PYDEB_TRY(wrap(relative, m_tree.create_file(relative)));
        std::array<std::byte, 64 * 1024> buffer{};
        while (true)
        {
            const std::size_t count = PYDEB_TRY(reader.read(buffer));
            if (count == 0)
            {
                break;
            }
            PYDEB_TRY(wrap(relative, sink.write(std::span(buffer.data(), count))));
        }
        PYDEB_TRY(wrap(relative, sink.finish((mode & 0111) != 0 ? 0755 : 0644)));
        m_files.insert(relative);
        return {};
    }

    Expected<void> symlink(const std::string& relative, const std::string& target)
    {
        return wrap(relative, m_tree.make_symlink(relative, target));
    }

    // A hard link: a copy of the earlier file it names (the copy is the same bytes; a link
    // between two files of the tree needs no trust in the archive).
    Expected<void> hardlink(const std::string& relative, std::string_view target)
    {
        const std::string earlier(clean(target));
        if (!m_files.contains(earlier))
        {
            return fail(m_where + ": member '" + relative + "' is a hard link to '" + earlier +
                        "', which is not an earlier file of the archive");
        }
        const auto data = PYDEB_TRY(util::read_file(m_root / earlier));
        PYDEB_TRY(wrap(relative, m_tree.write_file(relative, data, 0644)));
        m_files.insert(relative);
        return {};
    }

    Expected<fs::path> project() const
    {
        std::error_code error;
        if (m_tops.size() != 1 || !fs::is_directory(fs::symlink_status(m_root / *m_tops.begin(), error)))
        {
            return fail(m_where + ": not an sdist: its members are not all below one top-level "
                                  "directory (NAME-VERSION/, the source distribution format)");
        }
        return m_root / *m_tops.begin();
    }

private:
    template <typename T>
    Expected<T> wrap(const std::string& relative, Expected<T> result) const
    {
        if (!result)
        {
            return fail(m_where + ": member '" + relative + "': " + result.error().message);
        }
        return result;
    }

    install::StageTree m_tree;
    fs::path m_root;
    std::string m_where;
    std::set<std::string> m_tops;
    std::set<std::string> m_files;
};

Expected<void> extract_tar(const fs::path& archive, Extraction& out)
{
    auto reader = PYDEB_TRY(adapters::TarReader::open(archive));
    while (const auto entry = PYDEB_TRY(reader.next()))
    {
        MemberType type = MemberType::other;
        switch (entry->type)
        {
        case adapters::TarEntryType::file: type = MemberType::file; break;
        case adapters::TarEntryType::directory: type = MemberType::directory; break;
        case adapters::TarEntryType::symlink: type = MemberType::symlink; break;
        case adapters::TarEntryType::hardlink: type = MemberType::hardlink; break;
        case adapters::TarEntryType::other: break;
        }
        // pax global headers and the like carry no name: nothing to extract.
        if (entry->name.empty())
        {
            continue;
        }
        const std::string relative = PYDEB_TRY(out.path(entry->name, type, entry->link_target));
        switch (type)
        {
        case MemberType::directory: PYDEB_TRY(out.directory(relative)); break;
        case MemberType::file: PYDEB_TRY(out.file(relative, reader, entry->mode)); break;
        case MemberType::symlink: PYDEB_TRY(out.symlink(relative, entry->link_target)); break;
        case MemberType::hardlink: PYDEB_TRY(out.hardlink(relative, entry->link_target)); break;
        case MemberType::other: break; // refused by path()
        }
    }
    return {};
}

Expected<void> extract_zip(const fs::path& archive, Extraction& out)
{
    auto reader = PYDEB_TRY(adapters::ZipReader::open(archive));
    while (const auto entry = PYDEB_TRY(reader.next()))
    {
        if (entry->type == adapters::ZipEntryType::symlink)
        {
            const std::string target = PYDEB_TRY(reader.read_all(4096));
            const std::string relative =
                PYDEB_TRY(out.path(entry->name, MemberType::symlink, target));
            PYDEB_TRY(out.symlink(relative, target));
            continue;
        }
        const MemberType type = entry->type == adapters::ZipEntryType::file        ? MemberType::file
                                : entry->type == adapters::ZipEntryType::directory ? MemberType::directory
                                                                                   : MemberType::other;
        const std::string relative = PYDEB_TRY(out.path(entry->name, type, {}));
        if (type == MemberType::directory)
        {
            PYDEB_TRY(out.directory(relative));
        }
        else
        {
            PYDEB_TRY(out.file(relative, reader, entry->mode));
        }
    }
    return {};
}

} // namespace

Expected<std::string> member_path(std::string_view name, MemberType type,
                                  std::string_view link_target)
{
    if (name.starts_with('/'))
    {
        return fail("it has an absolute path");
    }
    const std::string_view relative = clean(name);
    if (relative.empty())
    {
        if (type != MemberType::directory)
        {
            return fail("it names the top of the archive");
        }
        return std::string();
    }
    PYDEB_TRY(install::check_member_name(relative));
    switch (type)
    {
    case MemberType::other:
        return fail("it is a device, fifo or socket");
    case MemberType::symlink:
        if (!install::link_stays_inside(std::string(relative), std::string(link_target)))
        {
            return fail("it is a symlink to '" + std::string(link_target) +
                        "', which leaves the sdist's directory");
        }
        break;
    case MemberType::hardlink:
        if (link_target.starts_with('/') || !install::check_member_name(clean(link_target)))
        {
            return fail("it is a hard link to '" + std::string(link_target) +
                        "', outside the sdist's directory");
        }
        break;
    case MemberType::file:
    case MemberType::directory:
        break;
    }
    return std::string(relative);
}

Expected<fs::path> extract_sdist(const fs::path& archive, python::SdistFormat format,
                                 const fs::path& into, std::string_view where)
{
    auto tree = PYDEB_TRY(install::StageTree::open(into));
    Extraction out(std::move(tree), into, std::string(where));
    const auto extracted =
        format == python::SdistFormat::zip ? extract_zip(archive, out) : extract_tar(archive, out);
    if (!extracted)
    {
        // libarchive's own messages name the archive by its cache path: say which sdist it is.
        const std::string& message = extracted.error().message;
        return fail(message.starts_with(where) ? message
                                               : std::string(where) + ": " + message);
    }
    return out.project();
}

} // namespace pydeb::sdist
