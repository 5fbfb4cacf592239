// Small string helpers shared by every layer. No pydeb knowledge here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::util
{

[[nodiscard]] std::string_view trim(std::string_view text);
[[nodiscard]] std::vector<std::string> split(std::string_view text, char separator);
[[nodiscard]] std::string join(const std::vector<std::string>& parts, std::string_view separator);
// "0 B", "1.5 KiB", "2.0 GiB": a size for people (binary units, one decimal).
[[nodiscard]] std::string size_text(std::uint64_t bytes);

[[nodiscard]] std::string to_lower(std::string_view text);
// RFC 3986 §2.1: "%2B" -> "+"; a "%" not followed by two hex digits is kept as it is.
[[nodiscard]] std::string percent_decode(std::string_view text);
[[nodiscard]] std::string replace_all(std::string text, std::string_view from, std::string_view to);

// Quote for a POSIX shell: 'it'\''s' (single quotes, embedded quotes closed and escaped), so a
// spec string never reaches a maintainer script unquoted.
[[nodiscard]] std::string shell_quote(std::string_view text);

// Well-formed UTF-8 (RFC 3629 §4: no overlong forms, no surrogates, nothing above U+10FFFF), as
// Python's strict decoder accepts it.
[[nodiscard]] bool is_valid_utf8(std::string_view text);
// The length of the well-formed UTF-8 sequence starting at text[i] (1 for ASCII), 0 if none does.
[[nodiscard]] std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

// Levenshtein distance, for "did you mean" suggestions.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

} // namespace pydeb::util
