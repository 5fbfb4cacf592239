// An archive's InRelease, verified as apt does: gpgv(1) against the keyring of the archive's
// keys (debian-archive-keyring), the signed text only used when the signature is good.
#pragma once

#include "util/expected.hpp"

#include <filesystem>
#include <string>

namespace pydeb::targets
{

// The signed text of `inrelease` when gpgv finds a good signature by a key of `keyring`;
// otherwise an Error with gpgv's words. `shown_as` names the file in messages (its URL).
[[nodiscard]] Expected<std::string> verify_inrelease(const std::filesystem::path& inrelease,
                                                     const std::filesystem::path& keyring,
                                                     std::string_view shown_as);

} // namespace pydeb::targets
