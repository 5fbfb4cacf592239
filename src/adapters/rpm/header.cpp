// Building a Header: its lifetime and the typed puts (header_blob.cpp seals and exports it,
// header_reading.cpp reads tags back).
#include "adapters/rpm/header.hpp"

#include "adapters/rpm/header_handle.hpp"

#include <rpm/rpmtd.h>
#include <utility>

namespace pydeb::adapters::rpm
{

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

bool Header::has(TagId tag) const
{
    return m_handle != nullptr && headerIsEntry(handle_of(m_handle), tag.value) != 0;
}

} // namespace pydeb::adapters::rpm
