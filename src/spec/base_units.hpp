// Units of the base system a package must not ship under the same name.
#pragma once

#include <string_view>

namespace pydeb::spec
{

// name: a unit file name ("cron.service") or its stem. True when a Debian base system already
// has a unit of that stem (any type) or the name is in systemd's own systemd-* namespace.
[[nodiscard]] bool is_base_system_unit(std::string_view name);

} // namespace pydeb::spec
