#include "adapters/archive/error_text.hpp"

#include <archive.h>

namespace pydeb::adapters
{

std::string error_text(::archive* handle)
{
    const char* text = archive_error_string(handle);
    return text != nullptr ? text : "unknown libarchive error";
}

} // namespace pydeb::adapters
