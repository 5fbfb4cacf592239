// Signatures over target metadata, verified as apt and dnf do: gpgv(1) against the keyring of the
// archive's or repository's keys, the signed bytes only used when the signature is good.
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

// A detached signature (`signature`, armoured or not) over the file `data`, as dnf checks an
// rpm-md repository's repodata/repomd.xml.asc with repo_gpgcheck=1; an Error with gpgv's words
// when no key of `keyring` made a good one. `shown_as` names `data` in messages (its URL).
[[nodiscard]] Expected<void> verify_detached(const std::filesystem::path& signature,
                                             const std::filesystem::path& data,
                                             const std::filesystem::path& keyring,
                                             std::string_view shown_as);

} // namespace pydeb::targets
