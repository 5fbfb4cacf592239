#include "adapters/rpm/header.hpp"

#include <array>
#include <cstdlib>
#include <cstring>
#include <rpm/header.h>
#include <rpm/rpmds.h>
#include <rpm/rpmfiles.h>
#include <rpm/rpmpgp.h>
#include <rpm/rpmtag.h>
#include <rpm/rpmtd.h>
#include <utility>

namespace pydeb::adapters::rpm
{

namespace
{

// tags.hpp mirrors librpm's numbers; a drift would write nonsense, so check them all here.
static_assert(tag::i18n_table.value == RPMTAG_HEADERI18NTABLE);
static_assert(tag::name.value == RPMTAG_NAME && tag::version.value == RPMTAG_VERSION);
static_assert(tag::release.value == RPMTAG_RELEASE && tag::epoch.value == RPMTAG_EPOCH);
static_assert(tag::summary.value == RPMTAG_SUMMARY && tag::description.value == RPMTAG_DESCRIPTION);
static_assert(tag::build_time.value == RPMTAG_BUILDTIME &&
              tag::build_host.value == RPMTAG_BUILDHOST);
static_assert(tag::size.value == RPMTAG_SIZE && tag::license.value == RPMTAG_LICENSE);
static_assert(tag::packager.value == RPMTAG_PACKAGER && tag::group.value == RPMTAG_GROUP);
static_assert(tag::url.value == RPMTAG_URL && tag::os.value == RPMTAG_OS);
static_assert(tag::arch.value == RPMTAG_ARCH);
static_assert(tag::prein.value == RPMTAG_PREIN && tag::postin.value == RPMTAG_POSTIN);
static_assert(tag::preun.value == RPMTAG_PREUN && tag::postun.value == RPMTAG_POSTUN);
static_assert(tag::posttrans.value == RPMTAG_POSTTRANS);
static_assert(tag::prein_prog.value == RPMTAG_PREINPROG);
static_assert(tag::postin_prog.value == RPMTAG_POSTINPROG);
static_assert(tag::preun_prog.value == RPMTAG_PREUNPROG);
static_assert(tag::postun_prog.value == RPMTAG_POSTUNPROG);
static_assert(tag::posttrans_prog.value == RPMTAG_POSTTRANSPROG);
static_assert(tag::file_sizes.value == RPMTAG_FILESIZES &&
              tag::file_modes.value == RPMTAG_FILEMODES);
static_assert(tag::file_rdevs.value == RPMTAG_FILERDEVS);
static_assert(tag::file_mtimes.value == RPMTAG_FILEMTIMES);
static_assert(tag::file_digests.value == RPMTAG_FILEDIGESTS);
static_assert(tag::file_link_tos.value == RPMTAG_FILELINKTOS);
static_assert(tag::file_flags.value == RPMTAG_FILEFLAGS);
static_assert(tag::file_user_name.value == RPMTAG_FILEUSERNAME);
static_assert(tag::file_group_name.value == RPMTAG_FILEGROUPNAME);
static_assert(tag::source_rpm.value == RPMTAG_SOURCERPM);
static_assert(tag::file_verify_flags.value == RPMTAG_FILEVERIFYFLAGS);
static_assert(tag::provide_name.value == RPMTAG_PROVIDENAME);
static_assert(tag::provide_flags.value == RPMTAG_PROVIDEFLAGS);
static_assert(tag::provide_version.value == RPMTAG_PROVIDEVERSION);
static_assert(tag::require_name.value == RPMTAG_REQUIRENAME);
static_assert(tag::require_flags.value == RPMTAG_REQUIREFLAGS);
static_assert(tag::require_version.value == RPMTAG_REQUIREVERSION);
static_assert(tag::conflict_name.value == RPMTAG_CONFLICTNAME);
static_assert(tag::conflict_flags.value == RPMTAG_CONFLICTFLAGS);
static_assert(tag::conflict_version.value == RPMTAG_CONFLICTVERSION);
static_assert(tag::obsolete_name.value == RPMTAG_OBSOLETENAME);
static_assert(tag::changelog_time.value == RPMTAG_CHANGELOGTIME);
static_assert(tag::changelog_name.value == RPMTAG_CHANGELOGNAME);
static_assert(tag::changelog_text.value == RPMTAG_CHANGELOGTEXT);
static_assert(tag::obsolete_flags.value == RPMTAG_OBSOLETEFLAGS);
static_assert(tag::obsolete_version.value == RPMTAG_OBSOLETEVERSION);
static_assert(tag::recommend_name.value == RPMTAG_RECOMMENDNAME);
static_assert(tag::recommend_flags.value == RPMTAG_RECOMMENDFLAGS);
static_assert(tag::recommend_version.value == RPMTAG_RECOMMENDVERSION);
static_assert(tag::rpm_version.value == RPMTAG_RPMVERSION);
static_assert(tag::file_devices.value == RPMTAG_FILEDEVICES);
static_assert(tag::file_inodes.value == RPMTAG_FILEINODES);
static_assert(tag::file_langs.value == RPMTAG_FILELANGS);
static_assert(tag::dir_indexes.value == RPMTAG_DIRINDEXES);
static_assert(tag::base_names.value == RPMTAG_BASENAMES && tag::dir_names.value == RPMTAG_DIRNAMES);
static_assert(tag::payload_format.value == RPMTAG_PAYLOADFORMAT);
static_assert(tag::payload_compressor.value == RPMTAG_PAYLOADCOMPRESSOR);
static_assert(tag::payload_flags.value == RPMTAG_PAYLOADFLAGS);
static_assert(tag::long_file_sizes.value == RPMTAG_LONGFILESIZES);
static_assert(tag::long_size.value == RPMTAG_LONGSIZE);
static_assert(tag::file_digest_algo.value == RPMTAG_FILEDIGESTALGO);
static_assert(tag::encoding.value == RPMTAG_ENCODING);
static_assert(tag::payload_digest.value == RPMTAG_PAYLOADDIGEST);
static_assert(tag::payload_digest_algo.value == RPMTAG_PAYLOADDIGESTALGO);
static_assert(tag::payload_digest_alt.value == RPMTAG_PAYLOADDIGESTALT);
static_assert(sigtag::long_size.value == RPMSIGTAG_LONGSIZE);
static_assert(sigtag::long_archive_size.value == RPMSIGTAG_LONGARCHIVESIZE);
static_assert(sigtag::sha256.value == RPMSIGTAG_SHA256 && sigtag::size.value == RPMSIGTAG_SIZE);
static_assert(sigtag::payload_size.value == RPMSIGTAG_PAYLOADSIZE);
static_assert(sigtag::reserved_space.value == RPMSIGTAG_RESERVEDSPACE);
static_assert(sense::less == RPMSENSE_LESS && sense::greater == RPMSENSE_GREATER);
static_assert(sense::equal == RPMSENSE_EQUAL && sense::posttrans == RPMSENSE_POSTTRANS);
static_assert(sense::interp == RPMSENSE_INTERP && sense::script_pre == RPMSENSE_SCRIPT_PRE);
static_assert(sense::script_post == RPMSENSE_SCRIPT_POST);
static_assert(sense::script_preun == RPMSENSE_SCRIPT_PREUN);
static_assert(sense::script_postun == RPMSENSE_SCRIPT_POSTUN);
static_assert(sense::rpmlib == RPMSENSE_RPMLIB && sense::config == RPMSENSE_CONFIG);
static_assert(file_flag::config == RPMFILE_CONFIG && file_flag::noreplace == RPMFILE_NOREPLACE);
static_assert(k_verify_all == static_cast<std::uint32_t>(RPMVERIFY_ALL));
static_assert(k_digest_sha256 == PGPHASHALGO_SHA256);
static_assert(static_cast<int>(Region::signatures) == RPMTAG_HEADERSIGNATURES);
static_assert(static_cast<int>(Region::immutable) == RPMTAG_HEADERIMMUTABLE);

constexpr std::array<unsigned char, 8> k_header_magic{0x8e, 0xad, 0xe8, 0x01, 0, 0, 0, 0};

::Header handle_of(void* handle)
{
    return static_cast<::Header>(handle);
}

std::uint32_t read_be32(std::span<const std::byte> bytes, std::size_t at)
{
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i)
    {
        value = (value << 8) | std::to_integer<std::uint32_t>(bytes[at + i]);
    }
    return value;
}

// A td filled by headerGet, freed on scope exit.
struct TagData
{
    struct rpmtd_s td
    {
    };
    TagData() { rpmtdReset(&td); }
    ~TagData() { rpmtdFreeData(&td); }
    TagData(const TagData&) = delete;
    TagData& operator=(const TagData&) = delete;
};

bool get(void* handle, TagId tag, TagData& data)
{
    return handle != nullptr &&
           headerGet(handle_of(handle), tag.value, &data.td, HEADERGET_MINMEM | HEADERGET_RAW) == 1;
}

} // namespace

Header::Header() : m_handle(headerNew()) {}

Header::~Header()
{
    if (m_handle != nullptr)
    {
        headerFree(handle_of(m_handle));
    }
}

Header::Header(Header&& other) noexcept
    : m_handle(std::exchange(other.m_handle, nullptr)), m_error(std::move(other.m_error)),
      m_sealed(other.m_sealed)
{
}

Header& Header::operator=(Header&& other) noexcept
{
    if (this != &other)
    {
        if (m_handle != nullptr)
        {
            headerFree(handle_of(m_handle));
        }
        m_handle = std::exchange(other.m_handle, nullptr);
        m_error = std::move(other.m_error);
        m_sealed = other.m_sealed;
    }
    return *this;
}

void Header::put(TagId tag, std::uint32_t type, const void* data, std::uint32_t count)
{
    if (m_error)
    {
        return;
    }
    if (m_sealed || has(tag))
    {
        m_error = "tag " + std::to_string(tag.value) + " added twice or after sealing";
        return;
    }
    struct rpmtd_s td
    {
    };
    rpmtdReset(&td);
    td.tag = tag.value;
    td.type = static_cast<rpm_tagtype_t>(type);
    td.data = const_cast<void*>(data);
    td.count = count;
    if (headerPut(handle_of(m_handle), &td, HEADERPUT_DEFAULT) != 1)
    {
        m_error = "librpm refused tag " + std::to_string(tag.value) + " (type " +
                  std::to_string(type) + ", " + std::to_string(count) + " values)";
    }
}

void Header::put_string(TagId tag, std::string_view value)
{
    const std::string copy(value);
    put(tag, RPM_STRING_TYPE, copy.c_str(), 1);
}

void Header::put_i18n_string(TagId tag, std::string_view value)
{
    const std::string copy(value);
    const char* pointer = copy.c_str();
    put(tag, RPM_I18NSTRING_TYPE, &pointer, 1);
}

void Header::put_strings(TagId tag, const std::vector<std::string>& values)
{
    std::vector<const char*> pointers;
    pointers.reserve(values.size());
    for (const auto& value : values)
    {
        pointers.push_back(value.c_str());
    }
    put(tag, RPM_STRING_ARRAY_TYPE, pointers.data(), static_cast<std::uint32_t>(pointers.size()));
}

void Header::put_int16(TagId tag, std::span<const std::uint16_t> values)
{
    put(tag, RPM_INT16_TYPE, values.data(), static_cast<std::uint32_t>(values.size()));
}

void Header::put_int32(TagId tag, std::span<const std::uint32_t> values)
{
    put(tag, RPM_INT32_TYPE, values.data(), static_cast<std::uint32_t>(values.size()));
}

void Header::put_int64(TagId tag, std::span<const std::uint64_t> values)
{
    put(tag, RPM_INT64_TYPE, values.data(), static_cast<std::uint32_t>(values.size()));
}

void Header::put_bin(TagId tag, std::span<const std::byte> value)
{
    put(tag, RPM_BIN_TYPE, value.data(), static_cast<std::uint32_t>(value.size()));
}

Expected<std::string> Header::serialize(Region region)
{
    if (m_error)
    {
        return fail("building an rpm header: " + *m_error);
    }
    if (!m_sealed)
    {
        // headerReload consumes the header and returns one whose index starts with the region
        // tag; rpm refuses headers without it (hdrblobVerifyRegion).
        ::Header reloaded = headerReload(handle_of(m_handle), static_cast<rpmTagVal>(region));
        if (reloaded == nullptr)
        {
            m_handle = nullptr;
            return fail("librpm could not seal the header with region tag " +
                        std::to_string(static_cast<int>(region)));
        }
        m_handle = reloaded;
        m_sealed = true;
    }
    unsigned int size = 0;
    void* blob = headerExport(handle_of(m_handle), &size);
    if (blob == nullptr)
    {
        return fail("librpm could not export the header");
    }
    std::string out(reinterpret_cast<const char*>(k_header_magic.data()), k_header_magic.size());
    out.append(static_cast<const char*>(blob), size);
    std::free(blob);
    return out;
}

Expected<Header> Header::parse(std::span<const std::byte> bytes)
{
    if (bytes.size() >= 8 && std::memcmp(bytes.data(), k_header_magic.data(), 4) == 0)
    {
        bytes = bytes.subspan(8);
    }
    if (bytes.size() < 8)
    {
        return fail("rpm header: truncated (" + std::to_string(bytes.size()) + " bytes)");
    }
    const std::uint64_t size =
        8 + 16ULL * read_be32(bytes, 0) + static_cast<std::uint64_t>(read_be32(bytes, 4));
    if (size > bytes.size())
    {
        return fail("rpm header: index and data need " + std::to_string(size) + " bytes, only " +
                    std::to_string(bytes.size()) + " present");
    }
    ::Header h = headerImport(const_cast<std::byte*>(bytes.data()), static_cast<unsigned int>(size),
                              HEADERIMPORT_COPY);
    if (h == nullptr)
    {
        return fail("rpm header: librpm rejected the header structure");
    }
    Header header(h);
    header.m_sealed = true;
    return header;
}

bool Header::has(TagId tag) const
{
    return m_handle != nullptr && headerIsEntry(handle_of(m_handle), tag.value) != 0;
}

std::optional<std::string> Header::get_string(TagId tag) const
{
    auto values = get_strings(tag);
    if (values.empty())
    {
        return std::nullopt;
    }
    return values.front();
}

std::vector<std::string> Header::get_strings(TagId tag) const
{
    TagData data;
    std::vector<std::string> out;
    if (!get(m_handle, tag, data))
    {
        return out;
    }
    if (data.td.type == RPM_STRING_TYPE)
    {
        out.emplace_back(static_cast<const char*>(data.td.data));
    }
    else if (data.td.type == RPM_STRING_ARRAY_TYPE || data.td.type == RPM_I18NSTRING_TYPE)
    {
        const auto* strings = static_cast<const char* const*>(data.td.data);
        out.assign(strings, strings + data.td.count);
    }
    return out;
}

std::vector<std::uint64_t> Header::get_numbers(TagId tag) const
{
    TagData data;
    std::vector<std::uint64_t> out;
    if (!get(m_handle, tag, data))
    {
        return out;
    }
    for (std::uint32_t i = 0; i < data.td.count; ++i)
    {
        switch (data.td.type)
        {
        case RPM_CHAR_TYPE:
        case RPM_INT8_TYPE:
            out.push_back(static_cast<const std::uint8_t*>(data.td.data)[i]);
            break;
        case RPM_INT16_TYPE:
            out.push_back(static_cast<const std::uint16_t*>(data.td.data)[i]);
            break;
        case RPM_INT32_TYPE:
            out.push_back(static_cast<const std::uint32_t*>(data.td.data)[i]);
            break;
        case RPM_INT64_TYPE:
            out.push_back(static_cast<const std::uint64_t*>(data.td.data)[i]);
            break;
        default:
            return {};
        }
    }
    return out;
}

std::vector<std::byte> Header::get_bin(TagId tag) const
{
    TagData data;
    if (!get(m_handle, tag, data) || data.td.type != RPM_BIN_TYPE)
    {
        return {};
    }
    const auto* bytes = static_cast<const std::byte*>(data.td.data);
    return {bytes, bytes + data.td.count};
}

std::vector<EntryInfo> Header::entries() const
{
    std::vector<EntryInfo> out;
    if (m_handle == nullptr)
    {
        return out;
    }
    HeaderIterator iterator = headerInitIterator(handle_of(m_handle));
    TagData data;
    while (headerNext(iterator, &data.td) == 1)
    {
        static constexpr std::array<const char*, 10> k_types{
            "NULL",  "CHAR",   "INT8", "INT16",        "INT32",
            "INT64", "STRING", "BIN",  "STRING_ARRAY", "I18NSTRING"};
        const auto type = static_cast<std::size_t>(data.td.type);
        out.push_back({data.td.tag, type < k_types.size() ? k_types[type] : "?", data.td.count});
        rpmtdFreeData(&data.td);
    }
    headerFreeIterator(iterator);
    return out;
}

std::string Header::tag_name(TagId tag)
{
    const char* name = rpmTagGetName(tag.value);
    return name != nullptr ? std::string(name) : std::string();
}

} // namespace pydeb::adapters::rpm
