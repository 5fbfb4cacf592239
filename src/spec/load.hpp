// Loading pydeb.yaml: parse with yaml-cpp, validate every key, report every problem at once.
#pragma once

#include "spec/spec.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace pydeb::spec
{

// Whether the package's header (control fields / rpm tags) is written from the spec.
enum class HeaderKeys
{
    // `pydeb build`: pydeb writes the package, so summary, description, maintainer and license
    // are required (Debian Policy §5.6.13 wants a description; rpm's License and %description
    // are mandatory).
    required,
    // `pydeb install` under dh_pydeb or %pydeb_install: dh_gencontrol (from debian/control) or
    // rpmbuild (from the .spec) writes the header, so those keys are optional; pydeb still
    // validates what it is given.
    optional,
};

// What a caller supplies about the spec's context: values for the keys the spec leaves out
// (dh_pydeb takes them from debian/control, debian/changelog and debian/copyright; %pydeb_install
// from the .spec's tags), and the directory relative paths resolve against. A key present in the
// spec always wins.
struct Defaults
{
    std::optional<std::string> name, version, release, summary, description, maintainer, license,
        homepage;
    HeaderKeys header_keys = HeaderKeys::required;
    // Relative paths in the spec resolve against this directory; unset: the spec's directory.
    // dh_pydeb sets it to the source package root, as every debhelper file resolves its paths
    // (debhelper(7): tools run from the source package's top directory).
    std::optional<std::filesystem::path> base_dir;
};

// On failure the error holds one "FILE:LINE:COL: message" line per problem, in file order.
[[nodiscard]] Expected<Spec> load(const std::filesystem::path& file, const Defaults& defaults = {});

} // namespace pydeb::spec
