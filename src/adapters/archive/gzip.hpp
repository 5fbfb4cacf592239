// gzip of a small in-memory text, as Debian wants compressed documentation.
#pragma once

#include "util/expected.hpp"

#include <string>
#include <string_view>

namespace pydeb::adapters::archive
{

// Gzip `data` at maximum compression without name or timestamp (gzip -9n), e.g. for
// /usr/share/doc/PKG/changelog.Debian.gz.
[[nodiscard]] Expected<std::string> gzip_bytes(std::string_view data);

} // namespace pydeb::adapters::archive
