// Template rendering for maintainer scripts and scriptlets (templates/deb, templates/rpm).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace pydeb::package
{

// Replace each #NAME# token (NAME = [A-Z0-9_]+, a key of `values`) in one pass: text inserted
// for a token is never scanned again, so a hook that happens to contain "#PREFIX#" stays as
// written. Tokens not in `values` are left untouched. Values are inserted verbatim: callers quote
// spec strings with util::shell_quote first.
[[nodiscard]] std::string
render_template(std::string_view text,
                const std::map<std::string, std::string, std::less<>>& values);

} // namespace pydeb::package
