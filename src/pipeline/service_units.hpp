// The unit file pydeb writes for a service declared with exec: (pydeb.yaml(5) SERVICES).
#pragma once

#include "spec/spec.hpp"

#include <string>

namespace pydeb::pipeline
{

// `exec_start` is the service's command with its first word already resolved to an absolute
// path. `writable` are the spec's directories: the sandbox makes the rest of the file system
// read-only (ProtectSystem=strict), so these are opened again (ReadWritePaths=).
// The spec's homepage, when set, becomes Documentation=.
[[nodiscard]] std::string generated_unit(const spec::Service& service, std::string_view summary,
                                         std::string_view homepage, std::string_view exec_start,
                                         const std::vector<spec::StateDirectory>& writable);

} // namespace pydeb::pipeline
