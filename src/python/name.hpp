// Project names: PEP 503 normalisation, PEP 508 validity, PEP 427 escaping.
#pragma once

#include <string>
#include <string_view>

namespace pydeb::python
{

// PEP 503: lower-case, runs of "-", "_" and "." become one "-" ("Foo.Bar__baz" -> "foo-bar-baz").
// Extra names are normalized the same way (PEP 685).
[[nodiscard]] std::string normalize_name(std::string_view name);

// PEP 508 identifier: ASCII letters and digits, with "-", "_", "." only between them
// (^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$, case-insensitive).
[[nodiscard]] bool is_valid_project_name(std::string_view name);

// PEP 427 / binary distribution format: runs of "-", "_", "." become one "_", lower-cased, so
// the name cannot contain the "-" that separates wheel file name fields ("Foo.Bar" -> "foo_bar").
[[nodiscard]] std::string wheel_escape_name(std::string_view name);

} // namespace pydeb::python
