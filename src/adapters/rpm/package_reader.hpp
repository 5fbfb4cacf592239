// Read a package's main header with rpmReadPackageFile, the call rpm -q and the installer use:
// it parses lead, signature and header and verifies the header digests, so a writer bug that
// only rpm notices fails here too. For tests and inspection, not for the write path.
#pragma once

#include "adapters/rpm/header.hpp"
#include "util/expected.hpp"

#include <filesystem>

namespace pydeb::adapters::rpm
{

// The main header (signature tags merged in, as librpm does). Fails when rpm reports the
// package as damaged (RPMRC_FAIL) or not a package (RPMRC_NOTFOUND).
[[nodiscard]] Expected<Header> read_package_header(const std::filesystem::path& path);

} // namespace pydeb::adapters::rpm
