// Package name and version rules that both target formats accept.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pydeb::spec
{

// Each returns nullopt when valid, or why not.
// Debian Policy §5.6.1 (Package): [a-z0-9][a-z0-9+.-]+, at least two characters. rpm accepts that.
[[nodiscard]] std::optional<std::string> check_package_name(std::string_view name);
// Debian Policy §5.6.12 upstream_version and rpm's Version: starts with a digit, [A-Za-z0-9.+~],
// no '-' (rpm forbids it in Version) and no ':' (the epoch is its own key).
[[nodiscard]] std::optional<std::string> check_version(std::string_view version);
// Debian revision and rpm Release: [A-Za-z0-9.+~], no '-'.
[[nodiscard]] std::optional<std::string> check_release(std::string_view release);
// Debian Policy §5.6.2: "Full Name <email>".
[[nodiscard]] std::optional<std::string> check_maintainer(std::string_view maintainer);
// An absolute, normalised path with no "..", "." or "//" components.
[[nodiscard]] std::optional<std::string> check_absolute_path(std::string_view path);
// Console script names exposed in /usr/bin: [A-Za-z0-9][A-Za-z0-9._+-]*.
[[nodiscard]] std::optional<std::string> check_command_name(std::string_view name);

// A permission mode written as an octal string ("0644", "750"); nullopt when it is not one.
[[nodiscard]] std::optional<std::uint32_t> parse_octal_mode(std::string_view text);
// A system user or group name as useradd(8) and sysusers.d(5) accept it: [a-z_][a-z0-9_-]*,
// at most 31 characters.
[[nodiscard]] std::optional<std::string> check_account_name(std::string_view name);

// systemd.unit(5): unit names are [A-Za-z0-9:_.\-] plus one '@' for templates. pydeb leaves out
// the backslash of escaped names, so a name is safe unquoted in rpm's scriptlets (as systemd's
// macros write it).
[[nodiscard]] bool is_unit_name(std::string_view name);

} // namespace pydeb::spec
