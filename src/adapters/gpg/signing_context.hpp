// GnuPG through gpgme: find a secret key in the GnuPG home ($GNUPGHOME, else ~/.gnupg) and make
// detached OpenPGP signatures (RFC 4880 §5.2) over a sequence of byte ranges and files. The
// passphrase is never asked for: pinentry is off, so a key gpg-agent cannot use unattended
// fails with an error instead of blocking a build on a prompt.
#pragma once

#include "util/expected.hpp"

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>

struct gpgme_context;
struct _gpgme_key;

namespace pydeb::adapters::gpg
{

// One part of the signed text: bytes in memory or a whole file, read in order.
using SignedPart = std::variant<std::string_view, std::filesystem::path>;

enum class Armor
{
    ascii,  // "-----BEGIN PGP SIGNATURE-----" (RFC 4880 §6.2)
    binary,
};

// A secret key that can sign, as gpgme listed it; shares gpgme's reference-counted key.
class SecretKey
{
public:
    [[nodiscard]] const std::string& fingerprint() const { return m_fingerprint; }
    [[nodiscard]] const std::string& user_id() const { return m_user_id; }

private:
    friend class SigningContext;
    struct Unref
    {
        void operator()(_gpgme_key* key) const;
    };
    std::shared_ptr<_gpgme_key> m_key;
    std::string m_fingerprint;
    std::string m_user_id;
};

class SigningContext
{
public:
    [[nodiscard]] static Expected<SigningContext> create();

    // The one usable secret key NAME designates (a fingerprint, key ID or user ID, as gpg -u
    // takes it); an error names the GnuPG home and lists the candidates when there are several.
    [[nodiscard]] Expected<SecretKey> find_secret_key(std::string_view name);

    // A detached signature over the parts, concatenated.
    [[nodiscard]] Expected<std::string> sign_detached(const SecretKey& key,
                                                      std::span<const SignedPart> parts,
                                                      Armor armor);

    // The gpg program gpgme runs (its OpenPGP engine), for tools that run gpg themselves.
    [[nodiscard]] std::filesystem::path gpg_program() const;

private:
    struct Release
    {
        void operator()(gpgme_context* context) const;
    };
    explicit SigningContext(gpgme_context* context) : m_context(context) {}
    std::unique_ptr<gpgme_context, Release> m_context;
};

// Where keys are looked up: $GNUPGHOME, else ~/.gnupg (gpg(1), "--homedir").
[[nodiscard]] std::string gnupg_home();

} // namespace pydeb::adapters::gpg
