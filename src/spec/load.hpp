// Loading pydeb.yaml: parse with yaml-cpp, validate every key, report every problem at once.
#pragma once

#include "spec/spec.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace pydeb::spec
{

// Values a caller supplies when the spec leaves them out (dh_pydeb takes them from debian/control
// and debian/changelog). A key present in the spec always wins.
struct Defaults
{
    std::optional<std::string> name, version, release, summary, description, maintainer, homepage;
};

// On failure the error holds one "FILE:LINE:COL: message" line per problem, in file order.
[[nodiscard]] Expected<Spec> load(const std::filesystem::path& file, const Defaults& defaults = {});

} // namespace pydeb::spec
