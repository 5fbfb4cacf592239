// gpgme data objects (gpgme_data_t), one RAII owner each: the signed text read from a sequence
// of parts through gpgme's callback interface (no concatenated copy of a large data.tar is ever
// made), and an in-memory sink for the signature.
#pragma once

#include "adapters/gpg/signing_context.hpp"

#include <gpgme.h>

#include <cstddef>
#include <memory>
#include <span>
#include <string>

namespace pydeb::adapters::gpg
{

class Data
{
public:
    // An empty in-memory object gpgme writes to.
    [[nodiscard]] static Expected<Data> memory();
    // Reads the parts in order; they must outlive the object.
    [[nodiscard]] static Expected<Data> reading(std::span<const SignedPart> parts);
    ~Data();
    Data(Data&& other) noexcept;
    Data& operator=(Data&&) = delete;

    [[nodiscard]] gpgme_data_t get() const { return m_data; }
    // The bytes gpgme wrote (memory() objects).
    [[nodiscard]] std::string contents() const;
    // A file part that could not be read, after gpgme saw the read fail.
    [[nodiscard]] std::string read_error() const;

private:
    struct Reader;
    Data(gpgme_data_t data, std::unique_ptr<Reader> reader);
    gpgme_data_t m_data = nullptr;
    std::unique_ptr<Reader> m_reader;
    std::unique_ptr<gpgme_data_cbs> m_callbacks;
};

} // namespace pydeb::adapters::gpg
