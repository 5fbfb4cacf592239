#include "targets/signature.hpp"

#include "adapters/process/process.hpp"
#include "util/strings.hpp"

namespace pydeb::targets
{

namespace
{

// gpgv(1) exits 0 only for a good signature by a key in --keyring; its other lines (which key,
// BAD signature, no public key) joined into one, for the message.
Expected<adapters::ProcessResult> run_gpgv(const std::filesystem::path& keyring,
                                           std::vector<std::string> files, std::string& why)
{
    std::vector<std::string> arguments{"--keyring", keyring.string()};
    arguments.insert(arguments.end(), files.begin(), files.end());
    adapters::ProcessResult result = PYDEB_TRY(adapters::run_process("gpgv", arguments));
    for (const std::string& line : util::split(result.standard_error, '\n'))
    {
        if (!util::trim(line).empty())
        {
            why += (why.empty() ? "" : "; ") + std::string(util::trim(line));
        }
    }
    return result;
}

} // namespace

Expected<std::string> verify_inrelease(const std::filesystem::path& inrelease,
                                       const std::filesystem::path& keyring,
                                       std::string_view shown_as)
{
    // --output - writes the signed text without its armour, which is what the hashes are read
    // from (a clearsigned file's unsigned header or trailer never reaches the parser).
    std::string why;
    const adapters::ProcessResult result =
        PYDEB_TRY(run_gpgv(keyring, {"--output", "-", inrelease.string()}, why));
    if (!result.succeeded() || result.standard_output.empty())
    {
        return fail(std::string(shown_as) + ": the signature does not verify against " +
                    keyring.string() + " (" + why +
                    "); refused: check the archive URL, or name the archive's keyring with "
                    "keyring:");
    }
    return result.standard_output;
}

Expected<void> verify_detached(const std::filesystem::path& signature,
                               const std::filesystem::path& data,
                               const std::filesystem::path& keyring, std::string_view shown_as)
{
    std::string why;
    const adapters::ProcessResult result =
        PYDEB_TRY(run_gpgv(keyring, {signature.string(), data.string()}, why));
    if (!result.succeeded())
    {
        return fail("the signature of " + std::string(shown_as) + " does not verify against " +
                    keyring.string() + " (" + why +
                    "); refused: check the repository URL, or name the keyring of the key that "
                    "signs its repomd.xml with keyring:");
    }
    return {};
}

} // namespace pydeb::targets
