#include "adapters/archive/ar_writer.hpp"

#include <cstdio>
#include <cstring>
#include <string>

namespace fs = std::filesystem;

namespace pydeb::adapters::archive
{

Expected<ArWriter> ArWriter::create(const fs::path& output)
{
    ArWriter writer(PYDEB_TRY(create_file(output)), output);
    PYDEB_TRY(writer.write_all("!<arch>\n"));
    return writer;
}

Expected<void> ArWriter::write_all(std::string_view data)
{
    if (const int error = write_fully(m_fd.get(), data); error != 0)
    {
        return fail(m_path.string() + ": write failed: " + std::strerror(error));
    }
    return {};
}

Expected<void> ArWriter::write_header(std::string_view name, std::uint64_t size, std::int64_t mtime)
{
    if (size > 9'999'999'999ULL)
    {
        return fail(m_path.string() + ": ar member " + std::string(name) +
                    " is larger than the 10-digit size field of ar(5) allows");
    }
    if (name.empty() || name.size() > 15)
    {
        return fail(m_path.string() + ": ar member name '" + std::string(name) +
                    "' must have 1 to 15 characters");
    }
    // deb(5): "%-16s%-12d%-6d%-6d%-8o%-10d`\n" -- name, mtime, uid, gid, mode, size.
    char header[61];
    std::snprintf(header, sizeof header, "%-16.*s%-12lld%-6d%-6d%-8o%-10llu`\n",
                  static_cast<int>(name.size()), name.data(), static_cast<long long>(mtime), 0, 0,
                  0100644U, static_cast<unsigned long long>(size));
    return write_all(std::string_view(header, 60));
}

Expected<void> ArWriter::add_member(std::string_view name, std::string_view data,
                                    std::int64_t mtime)
{
    PYDEB_TRY(write_header(name, data.size(), mtime));
    PYDEB_TRY(write_all(data));
    return data.size() % 2 == 1 ? write_all("\n") : Expected<void>{};
}

Expected<void> ArWriter::add_member_from(std::string_view name, const fs::path& source,
                                         std::int64_t mtime)
{
    std::error_code ec;
    const std::uint64_t size = fs::file_size(source, ec);
    if (ec)
    {
        return fail(source.string() + ": cannot stat: " + ec.message());
    }
    PYDEB_TRY(write_header(name, size, mtime));
    const std::uint64_t copied = PYDEB_TRY(append_file(m_fd.get(), source));
    if (copied != size)
    {
        return fail(source.string() + ": changed while being copied into " + m_path.string());
    }
    return size % 2 == 1 ? write_all("\n") : Expected<void>{};
}

Expected<void> ArWriter::close()
{
    if (const int error = m_fd.close(); error != 0)
    {
        return fail(m_path.string() + ": close failed: " + std::strerror(error));
    }
    return {};
}

} // namespace pydeb::adapters::archive
