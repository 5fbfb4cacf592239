#include "util/hash.hpp"

#include "util/fd.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstring>

#include <openssl/evp.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace pydeb::util
{

namespace
{

struct NamedAlgorithm
{
    HashAlgorithm algorithm;
    std::string_view name;
};

constexpr std::array k_algorithms{
    NamedAlgorithm{HashAlgorithm::md5, "md5"},           NamedAlgorithm{HashAlgorithm::sha1, "sha1"},
    NamedAlgorithm{HashAlgorithm::sha256, "sha256"},     NamedAlgorithm{HashAlgorithm::sha384, "sha384"},
    NamedAlgorithm{HashAlgorithm::sha512, "sha512"},     NamedAlgorithm{HashAlgorithm::sha3_224, "sha3_224"},
    NamedAlgorithm{HashAlgorithm::sha3_256, "sha3_256"}, NamedAlgorithm{HashAlgorithm::sha3_384, "sha3_384"},
    NamedAlgorithm{HashAlgorithm::sha3_512, "sha3_512"}, NamedAlgorithm{HashAlgorithm::blake2b, "blake2b"},
    NamedAlgorithm{HashAlgorithm::blake2s, "blake2s"},
};

const EVP_MD* evp_for(HashAlgorithm algorithm)
{
    switch (algorithm)
    {
    case HashAlgorithm::md5: return EVP_md5();
    case HashAlgorithm::sha1: return EVP_sha1();
    case HashAlgorithm::sha256: return EVP_sha256();
    case HashAlgorithm::sha384: return EVP_sha384();
    case HashAlgorithm::sha512: return EVP_sha512();
    case HashAlgorithm::sha3_224: return EVP_sha3_224();
    case HashAlgorithm::sha3_256: return EVP_sha3_256();
    case HashAlgorithm::sha3_384: return EVP_sha3_384();
    case HashAlgorithm::sha3_512: return EVP_sha3_512();
    // hashlib's blake2b/blake2s default to the full 64/32-byte digests, as OpenSSL's do.
    case HashAlgorithm::blake2b: return EVP_blake2b512();
    case HashAlgorithm::blake2s: return EVP_blake2s256();
    }
    return nullptr;
}

} // namespace

std::optional<HashAlgorithm> hash_algorithm_from_name(std::string_view name)
{
    for (const auto& entry : k_algorithms)
    {
        if (entry.name == name)
        {
            return entry.algorithm;
        }
    }
    return std::nullopt;
}

std::string_view hash_algorithm_name(HashAlgorithm algorithm)
{
    for (const auto& entry : k_algorithms)
    {
        if (entry.algorithm == algorithm)
        {
            return entry.name;
        }
    }
    return "unknown";
}

struct Hasher::Context
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx{EVP_MD_CTX_new(), &EVP_MD_CTX_free};
};

Hasher::Hasher(HashAlgorithm algorithm) : m_context(std::make_unique<Context>())
{
    if (!m_context->ctx || EVP_DigestInit_ex(m_context->ctx.get(), evp_for(algorithm), nullptr) != 1)
    {
        throw std::runtime_error("OpenSSL could not start a digest");
    }
}

Hasher::~Hasher() = default;
Hasher::Hasher(Hasher&&) noexcept = default;
Hasher& Hasher::operator=(Hasher&&) noexcept = default;

void Hasher::update(std::span<const std::byte> data)
{
    EVP_DigestUpdate(m_context->ctx.get(), data.data(), data.size());
}

void Hasher::update(std::string_view data)
{
    EVP_DigestUpdate(m_context->ctx.get(), data.data(), data.size());
}

std::vector<std::byte> Hasher::finish()
{
    std::vector<std::byte> out(EVP_MAX_MD_SIZE);
    unsigned int size = 0;
    EVP_DigestFinal_ex(m_context->ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &size);
    out.resize(size);
    return out;
}

std::string to_hex(std::span<const std::byte> digest)
{
    static constexpr char k_digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(digest.size() * 2);
    for (std::byte b : digest)
    {
        const auto v = std::to_integer<unsigned>(b);
        out += k_digits[v >> 4];
        out += k_digits[v & 0xf];
    }
    return out;
}

std::string to_urlsafe_b64_nopad(std::span<const std::byte> digest)
{
    static constexpr char k_alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    std::size_t i = 0;
    const auto byte_at = [&](std::size_t k) { return std::to_integer<unsigned>(digest[k]); };
    for (; i + 2 < digest.size(); i += 3)
    {
        const unsigned v = (byte_at(i) << 16) | (byte_at(i + 1) << 8) | byte_at(i + 2);
        out += k_alphabet[(v >> 18) & 63];
        out += k_alphabet[(v >> 12) & 63];
        out += k_alphabet[(v >> 6) & 63];
        out += k_alphabet[v & 63];
    }
    const std::size_t rest = digest.size() - i;
    if (rest == 1)
    {
        const unsigned v = byte_at(i) << 16;
        out += k_alphabet[(v >> 18) & 63];
        out += k_alphabet[(v >> 12) & 63];
    }
    else if (rest == 2)
    {
        const unsigned v = (byte_at(i) << 16) | (byte_at(i + 1) << 8);
        out += k_alphabet[(v >> 18) & 63];
        out += k_alphabet[(v >> 12) & 63];
        out += k_alphabet[(v >> 6) & 63];
    }
    return out;
}

std::vector<std::byte> digest(HashAlgorithm algorithm, std::string_view data)
{
    Hasher hasher(algorithm);
    hasher.update(data);
    return hasher.finish();
}

Expected<std::vector<std::byte>> digest_file(HashAlgorithm algorithm, const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        return fail(path.string() + ": cannot open for reading");
    }
    Hasher hasher(algorithm);
    // Not zero-filled: read() fills what is used, and most files are far smaller than the buffer
    // (zeroing it cost a memset of 64 KiB per file).
    std::array<char, 1 << 16> buffer; // NOLINT(cppcoreguidelines-pro-type-member-init)
    while (in)
    {
        in.read(buffer.data(), buffer.size());
        hasher.update(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
    }
    return hasher.finish();
}

Expected<std::string> checksum_file(const std::filesystem::path& path)
{
    const Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd)
    {
        return fail(path.string() + ": cannot open for reading: " + std::strerror(errno));
    }
    return checksum_fd(fd.get(), path);
}

Expected<std::string> checksum_fd(int fd, const std::filesystem::path& path)
{
    const std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(),
                                                                         &XXH3_freeState);
    if (!state || XXH3_128bits_reset(state.get()) != XXH_OK)
    {
        return fail("xxhash: cannot make a hash state");
    }
    // Not zero-filled: read() fills what is used, and most cache files are far smaller than the
    // buffer (memset was 1.8% of the CPU samples of a large app's warm build, 21k files).
    std::array<char, 1 << 17> buffer; // NOLINT(cppcoreguidelines-pro-type-member-init)
    for (;;)
    {
        const auto count = ::read(fd, buffer.data(), buffer.size());
        if (count < 0 && errno == EINTR)
        {
            continue;
        }
        if (count < 0)
        {
            return fail(path.string() + ": read failed: " + std::strerror(errno));
        }
        if (count == 0)
        {
            break;
        }
        XXH3_128bits_update(state.get(), buffer.data(), static_cast<std::size_t>(count));
    }
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(state.get()));
    return to_hex(std::as_bytes(std::span(canonical.digest)));
}

} // namespace pydeb::util
