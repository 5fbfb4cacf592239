// Streaming digests over OpenSSL's EVP API, and the encodings packaging formats want:
// hex (dpkg md5sums, rpm file digests) and URL-safe base64 without padding (wheel RECORD, PEP 376).
#pragma once

#include "util/expected.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::util
{

enum class HashAlgorithm
{
    md5,
    sha1,
    sha256,
    sha384,
    sha512,
    sha3_224,
    sha3_256,
    sha3_384,
    sha3_512,
    blake2b,
    blake2s,
};

// Names as Python's hashlib spells them ("sha256", "blake2b", "sha3_256").
[[nodiscard]] std::optional<HashAlgorithm> hash_algorithm_from_name(std::string_view name);
[[nodiscard]] std::string_view hash_algorithm_name(HashAlgorithm algorithm);

class Hasher
{
public:
    explicit Hasher(HashAlgorithm algorithm);
    ~Hasher();
    Hasher(Hasher&&) noexcept;
    Hasher& operator=(Hasher&&) noexcept;

    void update(std::span<const std::byte> data);
    void update(std::string_view data);
    // Finish and return the raw digest; the hasher may not be used afterwards.
    [[nodiscard]] std::vector<std::byte> finish();

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

[[nodiscard]] std::string to_hex(std::span<const std::byte> digest);
[[nodiscard]] std::string to_urlsafe_b64_nopad(std::span<const std::byte> digest);
[[nodiscard]] std::vector<std::byte> digest(HashAlgorithm algorithm, std::string_view data);
[[nodiscard]] Expected<std::vector<std::byte>> digest_file(HashAlgorithm algorithm,
                                                           const std::filesystem::path& path);

// A file's XXH3-128 checksum (libxxhash), 32 hex digits: detects damage (a flipped bit, a file
// edited in place), at memory speed, not tampering (whoever can write a file of pydeb's cache can
// write its manifest too). For cache entries checked on every use; RECORD, md5sums and rpm
// digests keep their standard algorithms.
[[nodiscard]] Expected<std::string> checksum_file(const std::filesystem::path& path);
// The same of an open file, read from its current offset; `path` names it in errors.
[[nodiscard]] Expected<std::string> checksum_fd(int fd, const std::filesystem::path& path);

} // namespace pydeb::util
