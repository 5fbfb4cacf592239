// Ask the TARGET interpreter about itself, once: run it with a small embedded snippet (isolated
// mode, -I) and fill python::InterpreterFacts. Results are kept in the cache store
// (CacheKind::interpreters), keyed by the interpreter's path and the mtime and size of the file it
// resolves to, so an upgraded interpreter is queried again.
#pragma once

#include "python/tags.hpp"
#include "util/cache_store.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <string_view>

namespace pydeb::install
{

[[nodiscard]] Expected<python::InterpreterFacts>
query_interpreter(const std::filesystem::path& python, const util::CacheStore& cache);

// The snippet's output ("key=value" lines) -> facts. Pure; errors name the missing key.
[[nodiscard]] Expected<python::InterpreterFacts> parse_interpreter_facts(std::string_view text);

// The Python source run by query_interpreter (exposed for tests).
[[nodiscard]] std::string_view interpreter_query_snippet();

} // namespace pydeb::install
