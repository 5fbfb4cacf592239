#include "targets/signature.hpp"

#include "adapters/process/process.hpp"
#include "util/strings.hpp"

namespace pydeb::targets
{

Expected<std::string> verify_inrelease(const std::filesystem::path& inrelease,
                                       const std::filesystem::path& keyring,
                                       std::string_view shown_as)
{
    // gpgv(1): exit 0 only for a good signature by a key in --keyring; --output - writes the
    // signed text without its armour, which is what the hashes are read from (a clearsigned
    // file's unsigned header or trailer never reaches the parser).
    const std::vector<std::string> arguments{"--keyring", keyring.string(), "--output", "-",
                                             inrelease.string()};
    const adapters::ProcessResult result = PYDEB_TRY(adapters::run_process("gpgv", arguments));
    if (!result.succeeded() || result.standard_output.empty())
    {
        std::string why;
        for (const std::string& line : util::split(result.standard_error, '\n'))
        {
            if (!util::trim(line).empty())
            {
                why += (why.empty() ? "" : "; ") + std::string(util::trim(line));
            }
        }
        return fail(std::string(shown_as) + ": the signature does not verify against " +
                    keyring.string() + " (" + why +
                    "); refused: check the archive URL, or name the archive's keyring with "
                    "keyring:");
    }
    return result.standard_output;
}

} // namespace pydeb::targets
