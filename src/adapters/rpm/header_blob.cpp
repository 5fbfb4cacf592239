// A Header's on-disk form: sealed with its region tag and exported (headerReload + headerExport,
// as rpm's own build/pack.c does), or parsed back (headerImport).
#include "adapters/rpm/header.hpp"
#include "adapters/rpm/header_handle.hpp"

#include <array>
#include <cstdlib>
#include <cstring>

namespace pydeb::adapters::rpm
{

namespace
{

constexpr std::array<unsigned char, 8> k_header_magic{0x8e, 0xad, 0xe8, 0x01, 0, 0, 0, 0};

std::uint32_t read_be32(std::span<const std::byte> bytes, std::size_t at)
{
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i)
    {
        value = (value << 8) | std::to_integer<std::uint32_t>(bytes[at + i]);
    }
    return value;
}

} // namespace

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

} // namespace pydeb::adapters::rpm
