#include "adapters/gpg/signing_context.hpp"

#include "adapters/gpg/signed_parts.hpp"
#include "util/strings.hpp"

#include <cstdlib>
#include <mutex>
#include <vector>

namespace pydeb::adapters::gpg
{

namespace
{

std::string text(gpgme_error_t err)
{
    return gpgme_strerror(err);
}

// The key is unusable without a passphrase gpg-agent does not hold: pinentry is off, so gpg
// reports it as one of these.
bool needs_passphrase(gpgme_error_t err)
{
    switch (gpgme_err_code(err))
    {
    case GPG_ERR_NO_PIN_ENTRY:
    case GPG_ERR_NO_PASSPHRASE:
    case GPG_ERR_BAD_PASSPHRASE:
    case GPG_ERR_CANCELED:
    case GPG_ERR_FULLY_CANCELED:
        return true;
    default:
        return false;
    }
}

bool usable(const _gpgme_key& key)
{
    return key.can_sign != 0 && key.revoked == 0 && key.expired == 0 && key.disabled == 0 &&
           key.invalid == 0 && key.fpr != nullptr;
}

} // namespace

std::string gnupg_home()
{
    if (const char* home = std::getenv("GNUPGHOME"); home != nullptr && *home != '\0')
    {
        return home;
    }
    const char* user_home = std::getenv("HOME");
    return std::string(user_home != nullptr ? user_home : "~") + "/.gnupg";
}

void SecretKey::Unref::operator()(_gpgme_key* key) const
{
    gpgme_key_unref(key);
}

void SigningContext::Release::operator()(gpgme_context* context) const
{
    gpgme_release(context);
}

Expected<SigningContext> SigningContext::create()
{
    // gpgme_check_version initialises the library; it must run once before any context.
    static std::once_flag once;
    std::call_once(once, [] { gpgme_check_version(nullptr); });
    gpgme_ctx_t context = nullptr;
    if (const gpgme_error_t err = gpgme_new(&context); err != 0)
    {
        return fail("gpgme: cannot start GnuPG (is gpg installed?): " + text(err));
    }
    SigningContext result(context);
    if (const gpgme_error_t err = gpgme_set_protocol(context, GPGME_PROTOCOL_OpenPGP); err != 0)
    {
        return fail("gpgme: no OpenPGP engine (is gpg installed?): " + text(err));
    }
    if (const gpgme_error_t err = gpgme_set_pinentry_mode(context, GPGME_PINENTRY_MODE_ERROR);
        err != 0)
    {
        return fail("gpgme: cannot turn pinentry off: " + text(err));
    }
    return result;
}

Expected<SecretKey> SigningContext::find_secret_key(std::string_view name)
{
    gpgme_ctx_t context = m_context.get();
    const std::string pattern(name);
    if (const gpgme_error_t err = gpgme_op_keylist_start(context, pattern.c_str(), 1); err != 0)
    {
        return fail("cannot list the secret keys in " + gnupg_home() + ": " + text(err));
    }
    std::vector<SecretKey> found;
    std::vector<std::string> unusable;
    gpgme_key_t key = nullptr;
    while (gpgme_op_keylist_next(context, &key) == 0)
    {
        SecretKey secret;
        secret.m_key = std::shared_ptr<_gpgme_key>(key, SecretKey::Unref{});
        secret.m_fingerprint = key->fpr != nullptr ? key->fpr : "";
        secret.m_user_id = key->uids != nullptr && key->uids->uid != nullptr ? key->uids->uid : "";
        if (usable(*key))
        {
            found.push_back(std::move(secret));
        }
        else
        {
            unusable.push_back(secret.m_fingerprint);
        }
    }
    gpgme_op_keylist_end(context);
    if (found.size() == 1)
    {
        return std::move(found.front());
    }
    const std::string what = "signing key '" + pattern + "'";
    if (found.empty() && !unusable.empty())
    {
        return fail(what + " is revoked, expired, disabled or cannot sign (" +
                    util::join(unusable, ", ") + "); choose another key (gpg --list-secret-keys)");
    }
    if (found.empty())
    {
        return fail("no secret key matches '" + pattern + "' in the GnuPG home " + gnupg_home() +
                    " (set GNUPGHOME, import the key with gpg --import, or name one that "
                    "gpg --list-secret-keys shows)");
    }
    std::vector<std::string> candidates;
    for (const SecretKey& candidate : found)
    {
        candidates.push_back(candidate.m_fingerprint + " " + candidate.m_user_id);
    }
    return fail(what + " matches " + std::to_string(found.size()) +
                " secret keys: give the fingerprint of one (" + util::join(candidates, "; ") +
                ")");
}

Expected<std::string> SigningContext::sign_detached(const SecretKey& key,
                                                    std::span<const SignedPart> parts, Armor armor)
{
    gpgme_ctx_t context = m_context.get();
    gpgme_set_armor(context, armor == Armor::ascii ? 1 : 0);
    gpgme_signers_clear(context);
    if (const gpgme_error_t err = gpgme_signers_add(context, key.m_key.get()); err != 0)
    {
        return fail("signing key " + key.fingerprint() + ": " + text(err));
    }
    Data in = PYDEB_TRY(Data::reading(parts));
    Data out = PYDEB_TRY(Data::memory());
    const gpgme_error_t err = gpgme_op_sign(context, in.get(), out.get(), GPGME_SIG_MODE_DETACH);
    if (err == 0)
    {
        return out.contents();
    }
    if (const std::string failed = in.read_error(); !failed.empty())
    {
        return fail("cannot read " + failed);
    }
    if (needs_passphrase(err))
    {
        return fail("signing key " + key.fingerprint() + " (" + key.user_id() +
                    ") needs its passphrase, and signing never prompts: unlock the key in "
                    "gpg-agent first (gpg-preset-passphrase, or sign once with gpg), or use a key "
                    "without a passphrase for unattended builds (" + text(err) + ")");
    }
    return fail("signing with key " + key.fingerprint() + " failed: " + text(err));
}

std::filesystem::path SigningContext::gpg_program() const
{
    for (gpgme_engine_info_t engine = gpgme_ctx_get_engine_info(m_context.get());
         engine != nullptr; engine = engine->next)
    {
        if (engine->protocol == GPGME_PROTOCOL_OpenPGP && engine->file_name != nullptr)
        {
            return engine->file_name;
        }
    }
    return "gpg";
}

} // namespace pydeb::adapters::gpg
