#include "adapters/gpg/signed_parts.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <utility>

namespace pydeb::adapters::gpg
{

// The cursor over the parts; gpgme calls read() until it returns 0.
struct Data::Reader
{
    std::span<const SignedPart> parts;
    std::size_t index = 0;
    std::size_t offset = 0; // into a memory part
    int fd = -1;            // the open file part
    std::string error;

    ~Reader() { close_file(); }

    void close_file()
    {
        if (fd >= 0)
        {
            ::close(fd);
            fd = -1;
        }
    }

    ssize_t read(char* buffer, std::size_t size)
    {
        while (index < parts.size())
        {
            if (const auto* bytes = std::get_if<std::string_view>(&parts[index]))
            {
                const std::size_t n = std::min(size, bytes->size() - offset);
                std::memcpy(buffer, bytes->data() + offset, n);
                offset += n;
                if (n > 0)
                {
                    return static_cast<ssize_t>(n);
                }
            }
            else
            {
                const auto& path = std::get<std::filesystem::path>(parts[index]);
                if (fd < 0 && (fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC)) < 0)
                {
                    error = path.string() + ": " + std::strerror(errno);
                    return -1;
                }
                const ssize_t n = ::read(fd, buffer, size);
                if (n != 0)
                {
                    if (n < 0)
                    {
                        error = path.string() + ": " + std::strerror(errno);
                    }
                    return n;
                }
                close_file();
            }
            ++index;
            offset = 0;
        }
        return 0;
    }
};

Data::Data(gpgme_data_t data, std::unique_ptr<Reader> reader)
    : m_data(data), m_reader(std::move(reader))
{
}

Data::Data(Data&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_reader(std::move(other.m_reader)),
      m_callbacks(std::move(other.m_callbacks))
{
}

Data::~Data()
{
    if (m_data != nullptr)
    {
        gpgme_data_release(m_data);
    }
}

Expected<Data> Data::memory()
{
    gpgme_data_t data = nullptr;
    if (const gpgme_error_t err = gpgme_data_new(&data); err != 0)
    {
        return fail(std::string("gpgme: cannot create a data buffer: ") + gpgme_strerror(err));
    }
    return Data(data, nullptr);
}

Expected<Data> Data::reading(std::span<const SignedPart> parts)
{
    auto reader = std::make_unique<Reader>();
    reader->parts = parts;
    auto callbacks = std::make_unique<gpgme_data_cbs>();
    callbacks->read = [](void* handle, void* buffer, std::size_t size) -> ssize_t
    { return static_cast<Reader*>(handle)->read(static_cast<char*>(buffer), size); };
    gpgme_data_t data = nullptr;
    if (const gpgme_error_t err = gpgme_data_new_from_cbs(&data, callbacks.get(), reader.get());
        err != 0)
    {
        return fail(std::string("gpgme: cannot create a data reader: ") + gpgme_strerror(err));
    }
    Data result(data, std::move(reader));
    result.m_callbacks = std::move(callbacks);
    return result;
}

std::string Data::contents() const
{
    std::string out;
    gpgme_data_seek(m_data, 0, SEEK_SET);
    char buffer[4096];
    ssize_t n = 0;
    while ((n = gpgme_data_read(m_data, buffer, sizeof buffer)) > 0)
    {
        out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
}

std::string Data::read_error() const
{
    return m_reader ? m_reader->error : std::string();
}

} // namespace pydeb::adapters::gpg
