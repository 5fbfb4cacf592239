#include "package/signer.hpp"

#include "adapters/process/process.hpp"

#include <array>

namespace pydeb::package
{

Expected<Signer> Signer::open(std::string_view key)
{
    auto context = PYDEB_TRY(adapters::gpg::SigningContext::create());
    auto secret = PYDEB_TRY(context.find_secret_key(key));
    Signer signer(std::move(context), std::move(secret));
    const std::array<adapters::gpg::SignedPart, 1> probe{std::string_view("pydeb")};
    PYDEB_TRY(signer.m_context.sign_detached(signer.m_key, probe, adapters::gpg::Armor::binary));
    return signer;
}

Expected<std::string> Signer::origin_signature(std::span<const adapters::gpg::SignedPart> parts)
{
    return m_context.sign_detached(m_key, parts, adapters::gpg::Armor::ascii);
}

Expected<void> Signer::sign_rpm(const std::filesystem::path& path)
{
    // rpmsign(8) runs %__gpg_sign_cmd with _gpg_name as gpg -u. %__gpg is set to the gpg gpgme
    // found (Debian's rpm names /usr/bin/gpg2, which bookworm's gnupg no longer ships), and gpg
    // never prompts: the key was checked usable unattended in open().
    const std::vector<std::string> arguments{
        "--addsign",
        "--define", "_gpg_name " + m_key.fingerprint(),
        "--define", "__gpg " + m_context.gpg_program().string(),
        "--define", "_gpg_sign_cmd_extra_args --batch --pinentry-mode error",
        path.string()};
    const auto result = PYDEB_TRY(adapters::run_process("rpmsign", arguments));
    if (!result.succeeded())
    {
        return fail("rpmsign could not sign " + path.string() + " with key " +
                    m_key.fingerprint() + " (" + adapters::describe_command("rpmsign", arguments) +
                    "): " + result.standard_error);
    }
    return {};
}

} // namespace pydeb::package
