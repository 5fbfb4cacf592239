// Small string helpers shared by every layer. No pydeb knowledge here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pydeb::util
{

[[nodiscard]] std::string_view trim(std::string_view text);
[[nodiscard]] std::vector<std::string> split(std::string_view text, char separator);
[[nodiscard]] std::string join(const std::vector<std::string>& parts, std::string_view separator);
[[nodiscard]] std::string to_lower(std::string_view text);
[[nodiscard]] std::string replace_all(std::string text, std::string_view from, std::string_view to);

// Quote for a POSIX shell: 'it'\''s' (single quotes, embedded quotes closed and escaped), so a
// spec string never reaches a maintainer script unquoted.
[[nodiscard]] std::string shell_quote(std::string_view text);

// Well-formed UTF-8 (lead bytes and continuation bytes; overlong forms are not checked).
[[nodiscard]] bool is_valid_utf8(std::string_view text);

// Levenshtein distance, for "did you mean" suggestions.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

} // namespace pydeb::util
