// RAII owner of one librpm Header, with typed puts and gets. The writer fills a Header, seals it
// with a region tag and serializes it (headerReload + headerExport, the public API rpm's own
// build/pack.c uses); tests parse such blobs back (headerImport) and read packages with
// rpmReadPackageFile (package_reader.hpp).
#pragma once

#include "adapters/rpm/tags.hpp"
#include "util/expected.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::adapters::rpm
{

// One header entry as librpm reports it, for dumps and golden tests.
struct EntryInfo
{
    std::int32_t tag = 0;
    std::string type; // "STRING", "INT32", "STRING_ARRAY", "I18NSTRING", "BIN", ...
    std::uint32_t count = 0;
};

class Header
{
public:
    Header();
    ~Header();
    Header(Header&& other) noexcept;
    Header& operator=(Header&& other) noexcept;
    Header(const Header&) = delete;
    Header& operator=(const Header&) = delete;

    // Puts never fail loudly: the first failure (a type mismatch, a duplicate tag) is kept and
    // reported by serialize(), so building a header reads as a list of puts.
    void put_string(TagId tag, std::string_view value);
    void put_i18n_string(TagId tag, std::string_view value); // needs tag::i18n_table = {"C"}
    void put_strings(TagId tag, const std::vector<std::string>& values);
    void put_int16(TagId tag, std::span<const std::uint16_t> values);
    void put_int32(TagId tag, std::span<const std::uint32_t> values);
    void put_int64(TagId tag, std::span<const std::uint64_t> values);
    void put_bin(TagId tag, std::span<const std::byte> value);
    void put_int32(TagId tag, std::uint32_t value) { put_int32(tag, std::span(&value, 1)); }

    // Seal with the region tag and return the on-disk form: 8-byte header magic, index, data.
    // The header is immutable afterwards (puts are refused).
    [[nodiscard]] Expected<std::string> serialize(Region region);

    // Parse an on-disk header (with or without the leading magic), e.g. a package's signature
    // header. Only the header's own structure is checked.
    [[nodiscard]] static Expected<Header> parse(std::span<const std::byte> bytes);

    [[nodiscard]] bool has(TagId tag) const;
    [[nodiscard]] std::optional<std::string> get_string(TagId tag) const; // first string
    [[nodiscard]] std::vector<std::string> get_strings(TagId tag) const;
    [[nodiscard]] std::vector<std::uint64_t> get_numbers(TagId tag) const; // any integer type
    [[nodiscard]] std::vector<std::byte> get_bin(TagId tag) const;
    [[nodiscard]] std::vector<EntryInfo> entries() const; // in header order
    // librpm's name for a main-header tag ("Name", "Filedigests"), or "" if unknown.
    [[nodiscard]] static std::string tag_name(TagId tag);

    // For package_reader.cpp: adopt a Header reference librpm handed out.
    [[nodiscard]] static Header adopt(void* handle) { return Header(handle); }

private:
    // The C Header, kept as void* so this header stays free of <rpm/*.h>.
    explicit Header(void* handle) : m_handle(handle) {}
    void put(TagId tag, std::uint32_t type, const void* data, std::uint32_t count);
    void* m_handle = nullptr;
    std::optional<std::string> m_error;
    bool m_sealed = false;
};

} // namespace pydeb::adapters::rpm
