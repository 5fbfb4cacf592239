// Wheel file names (binary distribution format, PEP 427):
// {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl
#pragma once

#include "python/tags.hpp"
#include "python/version.hpp"
#include "util/expected.hpp"

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::python
{

// The optional build tag: starts with a digit, sorts as (int(leading digits), rest) so that
// "10" > "9" and "1a" > "1".
struct BuildTag
{
    std::uint64_t number = 0;
    std::string rest;

    [[nodiscard]] static Expected<BuildTag> parse(std::string_view text);
    [[nodiscard]] std::string to_string() const { return std::to_string(number) + rest; }

    auto operator<=>(const BuildTag&) const = default;
};

struct WheelFilename
{
    std::string name; // as written in the file name ("Foo_Bar")
    Version version;
    std::optional<BuildTag> build;
    std::vector<std::string> python_tags; // "py2", "py3" of "py2.py3"
    std::vector<std::string> abi_tags;
    std::vector<std::string> platform_tags;

    // Errors name the file: "'pip-20.0.0.whl' is not a valid wheel file name: ...".
    [[nodiscard]] static Expected<WheelFilename> parse(std::string_view filename);
    // name-version[-build]-py-abi-plat.whl with the tag sets "."-joined, version normalized.
    [[nodiscard]] std::string to_string() const;
    // The Cartesian product of the three tag sets.
    [[nodiscard]] std::vector<Tag> tags() const;
    // PEP 503 form of `name` ("foo-bar").
    [[nodiscard]] std::string normalized_name() const;

    bool operator==(const WheelFilename&) const = default;
};

} // namespace pydeb::python
