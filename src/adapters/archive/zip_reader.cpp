#include "adapters/archive/zip_reader.hpp"

#include "adapters/archive/error_text.hpp"

#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <locale.h>
#include <sys/stat.h>

namespace pydeb::adapters
{

namespace
{

// libarchive converts every member name into the *current locale's* charset (archive_string.c,
// get_current_charset: nl_langinfo(CODESET)), and a name it cannot convert ("héllö" in the C
// locale pydeb runs in) comes back as NULL. Wheel member names are UTF-8 (APPNOTE.TXT appendix
// D with general purpose bit 11; the binary distribution format's RECORD is UTF-8 too), so the
// calls that set up or use a conversion run with this thread's LC_CTYPE set to C.UTF-8: the
// conversion is then UTF-8 to UTF-8 and the bytes arrive as stored, whatever LANG/LC_ALL say.
// uselocale() is per thread, so readers on other threads are not affected.
class Utf8Ctype
{
public:
    Utf8Ctype() : m_previous(uselocale(utf8_locale())) {}
    ~Utf8Ctype() { uselocale(m_previous); }
    Utf8Ctype(const Utf8Ctype&) = delete;
    Utf8Ctype& operator=(const Utf8Ctype&) = delete;

    [[nodiscard]] static bool available() { return utf8_locale() != locale_t{}; }

private:
    static locale_t utf8_locale()
    {
        // glibc >= 2.35 has C.UTF-8 built in; the others are fallbacks for older hosts.
        static const locale_t locale = [] {
            for (const char* name : {"C.UTF-8", "C.utf8", "en_US.UTF-8"})
            {
                if (const locale_t found = newlocale(LC_CTYPE_MASK, name, locale_t{}))
                {
                    return found;
                }
            }
            return locale_t{};
        }();
        // uselocale(0) only queries: without a UTF-8 locale, the guard changes nothing.
        return locale;
    }

    locale_t m_previous;
};

} // namespace

void ZipReader::Deleter::operator()(::archive* handle) const
{
    archive_read_free(handle);
}

ZipReader::ZipReader(std::filesystem::path path, std::unique_ptr<::archive, Deleter> handle)
    : m_path(std::move(path)), m_archive(std::move(handle))
{
}

ZipReader::ZipReader(ZipReader&&) noexcept = default;
ZipReader& ZipReader::operator=(ZipReader&&) noexcept = default;
ZipReader::~ZipReader() = default;

Expected<ZipReader> ZipReader::open(const std::filesystem::path& path)
{
    if (!Utf8Ctype::available())
    {
        return fail(path.string() + ": no UTF-8 locale (C.UTF-8) to read zip member names with; "
                                    "install the C.UTF-8 locale (glibc >= 2.35 has it built in)");
    }
    const Utf8Ctype utf8; // libarchive caches the locale's charset here, in the options call
    std::unique_ptr<::archive, Deleter> handle(archive_read_new());
    if (!handle)
    {
        return fail(path.string() + ": out of memory opening the archive");
    }
    // Seekable: members come from the central directory, which holds the external attributes
    // (file modes, symlink type); the streamable reader only sees local headers.
    archive_read_support_format_zip_seekable(handle.get());
    // Names without bit 11 are UTF-8 too: the wheels in the wild (and RECORD, which is
    // UTF-8) name them so; pip reads them as CP437 (zipfile's default) and installs a name that
    // matches neither RECORD nor the module's import name. Bad UTF-8 is refused by the caller.
    archive_read_set_options(handle.get(), "zip:hdrcharset=UTF-8");
    if (archive_read_open_filename(handle.get(), path.c_str(), 64 * 1024) != ARCHIVE_OK)
    {
        return fail(path.string() +
                    ": not a readable zip archive: " + error_text(handle.get()));
    }
    return ZipReader(path, std::move(handle));
}

std::string ZipReader::where() const
{
    return m_current.empty() ? m_path.string() : m_path.string() + ": " + m_current;
}

Expected<std::optional<ZipEntry>> ZipReader::next()
{
    const Utf8Ctype utf8;
    archive_entry* entry = nullptr;
    const int status = archive_read_next_header(m_archive.get(), &entry);
    if (status == ARCHIVE_EOF)
    {
        m_current.clear();
        return std::nullopt;
    }
    if (status < ARCHIVE_WARN)
    {
        return fail(where() +
                    ": cannot read the next zip member: " + error_text(m_archive.get()));
    }
    const char* name = archive_entry_pathname_utf8(entry);
    if (name == nullptr)
    {
        name = archive_entry_pathname(entry);
    }
    if (name == nullptr)
    {
        // libarchive could not convert the stored name: it is not UTF-8.
        return fail(m_path.string() + ": the member after '" + m_current +
                    "' has a name that is not valid UTF-8 (zip member names in a wheel are "
                    "UTF-8); rebuild the wheel");
    }
    m_current = name;
    ZipEntry result{m_current, static_cast<std::uint32_t>(archive_entry_perm(entry)),
                    ZipEntryType::other, std::nullopt};
    switch (archive_entry_filetype(entry))
    {
    case AE_IFREG:
        result.type = ZipEntryType::file;
        break;
    case AE_IFDIR:
        result.type = ZipEntryType::directory;
        break;
    case AE_IFLNK:
        result.type = ZipEntryType::symlink;
        break;
    default:
        break;
    }
    if (archive_entry_size_is_set(entry) != 0)
    {
        result.size = static_cast<std::uint64_t>(archive_entry_size(entry));
    }
    return result;
}

Expected<std::size_t> ZipReader::read(std::span<std::byte> buffer)
{
    const la_ssize_t count = archive_read_data(m_archive.get(), buffer.data(), buffer.size());
    if (count < 0)
    {
        return fail(where() +
                    ": cannot read the member's data: " + error_text(m_archive.get()));
    }
    return static_cast<std::size_t>(count);
}

Expected<std::string> ZipReader::read_all(std::size_t limit)
{
    std::string data;
    std::byte buffer[16 * 1024];
    for (;;)
    {
        const std::size_t count = PYDEB_TRY(read(buffer));
        if (count == 0)
        {
            return data;
        }
        if (data.size() + count > limit)
        {
            return fail(where() + ": member is larger than " + std::to_string(limit) +
                        " bytes, which is not plausible for this file");
        }
        data.append(reinterpret_cast<const char*>(buffer), count);
    }
}

// central_directory_names: a direct read of the zip central directory (APPNOTE.TXT 4.3.12
// central directory header, 4.3.16 end record, 4.3.14-15 zip64) for the raw names libarchive
// normalises. Reads the directory only, never member data.

namespace
{

std::uint64_t little_endian(const unsigned char* bytes, int count)
{
    std::uint64_t value = 0;
    for (int i = count - 1; i >= 0; --i)
    {
        value = (value << 8) | bytes[i];
    }
    return value;
}

} // namespace

Expected<std::vector<std::string>>
ZipReader::central_directory_names(const std::filesystem::path& path)
{
    const auto where = path.string() + ": ";
    std::ifstream file(path, std::ios::binary);
    if (!file)
    {
        return fail(where + "cannot open the archive: " + std::strerror(errno));
    }
    file.seekg(0, std::ios::end);
    const auto size = static_cast<std::uint64_t>(file.tellg());
    // The end record (22 bytes) is followed by a comment of at most 65535 bytes.
    const std::uint64_t tail_size = std::min<std::uint64_t>(size, 22 + 65535 + 20);
    std::vector<unsigned char> tail(tail_size);
    file.seekg(static_cast<std::streamoff>(size - tail_size));
    if (!file.read(reinterpret_cast<char*>(tail.data()), static_cast<std::streamsize>(tail_size)))
    {
        return fail(where + "cannot read the zip end of central directory");
    }
    std::size_t end = std::string::npos;
    for (std::size_t i = tail_size >= 22 ? tail_size - 22 + 1 : 0; i-- > 0;)
    {
        if (little_endian(&tail[i], 4) == 0x06054b50)
        {
            end = i;
            break;
        }
    }
    if (end == std::string::npos)
    {
        return fail(where + "no zip end of central directory record");
    }
    std::uint64_t count = little_endian(&tail[end + 10], 2);
    std::uint64_t offset = little_endian(&tail[end + 16], 4);
    if ((offset == 0xffffffff || count == 0xffff) && end >= 20 &&
        little_endian(&tail[end - 20], 4) == 0x07064b50)
    {
        unsigned char record[56];
        file.seekg(static_cast<std::streamoff>(little_endian(&tail[end - 20 + 8], 8)));
        if (!file.read(reinterpret_cast<char*>(record), sizeof record) ||
            little_endian(record, 4) != 0x06064b50)
        {
            return fail(where + "bad zip64 end of central directory record");
        }
        count = little_endian(record + 32, 8);
        offset = little_endian(record + 48, 8);
    }
    std::vector<std::string> names;
    file.seekg(static_cast<std::streamoff>(offset));
    for (std::uint64_t i = 0; i < count; ++i)
    {
        unsigned char header[46];
        if (!file.read(reinterpret_cast<char*>(header), sizeof header) ||
            little_endian(header, 4) != 0x02014b50)
        {
            return fail(where + "corrupt zip central directory (entry " + std::to_string(i) + ")");
        }
        const auto name_length = little_endian(header + 28, 2);
        const auto skip = little_endian(header + 30, 2) + little_endian(header + 32, 2);
        std::string name(name_length, '\0');
        if (!file.read(name.data(), static_cast<std::streamsize>(name_length)))
        {
            return fail(where + "corrupt zip central directory (entry " + std::to_string(i) + ")");
        }
        file.seekg(static_cast<std::streamoff>(skip), std::ios::cur);
        names.push_back(std::move(name));
    }
    return names;
}

} // namespace pydeb::adapters
