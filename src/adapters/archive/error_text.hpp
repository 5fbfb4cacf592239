// libarchive's message for a handle's last error, for the readers' messages. Internal to
// adapters/archive.
#pragma once

#include <string>

struct archive;

namespace pydeb::adapters
{

// archive_error_string() returns NULL when the failing call set no message (libarchive's
// decompressors do on some corrupt input), and appending a NULL char* to a std::string is
// undefined behaviour: then this says "unknown libarchive error".
[[nodiscard]] std::string error_text(::archive* handle);

} // namespace pydeb::adapters
