// Reading a Header's tags back (headerGet), for tests, goldens and package inspection.
#include "adapters/rpm/header.hpp"
#include "adapters/rpm/header_handle.hpp"

#include <array>
#include <rpm/rpmtag.h>
#include <rpm/rpmtd.h>

namespace pydeb::adapters::rpm
{

namespace
{

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
