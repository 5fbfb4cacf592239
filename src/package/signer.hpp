// The OpenPGP key a build signs its packages with (`pydeb build --sign KEY`, the spec's
// sign.key). The key comes from the GnuPG home ($GNUPGHOME, else ~/.gnupg), never from the spec.
#pragma once

#include "adapters/gpg/signing_context.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace pydeb::package
{

class Signer
{
public:
    // Finds the one secret key `key` names and signs a test text with it, so a key that is
    // missing, ambiguous or locked by a passphrase fails before the build spends its time.
    [[nodiscard]] static Expected<Signer> open(std::string_view key);

    [[nodiscard]] const std::string& fingerprint() const { return m_key.fingerprint(); }

    // debsigs' origin signature: a detached, ASCII-armoured OpenPGP signature over the parts
    // concatenated (debian-binary, control.tar.*, data.tar.*), the `_gpgorigin` member that
    // debsig-verify(1) checks.
    [[nodiscard]] Expected<std::string>
    origin_signature(std::span<const adapters::gpg::SignedPart> parts);

    // rpmsign --addsign with this key: the header OpenPGP signature rpmkeys --checksig verifies.
    [[nodiscard]] Expected<void> sign_rpm(const std::filesystem::path& path);

private:
    Signer(adapters::gpg::SigningContext context, adapters::gpg::SecretKey key)
        : m_context(std::move(context)), m_key(std::move(key))
    {
    }
    adapters::gpg::SigningContext m_context;
    adapters::gpg::SecretKey m_key;
};

} // namespace pydeb::package
