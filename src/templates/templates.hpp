// Access to the files under templates/, embedded at build time (templates/embed.py).
#pragma once

#include <optional>
#include <string_view>

namespace pydeb::templates
{

// name is the path below templates/, e.g. "deb/postinst"; nullopt if no such template.
[[nodiscard]] std::optional<std::string_view> get(std::string_view name);

} // namespace pydeb::templates
