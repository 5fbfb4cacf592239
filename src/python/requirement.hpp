// PEP 508 dependency specifications: `name[extra1,extra2] (>=1,<2) ; marker` and
// `name[extra] @ url ; marker`.
#pragma once

#include "python/marker.hpp"
#include "python/specifier.hpp"
#include "util/expected.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace pydeb::python
{

struct Requirement
{
    std::string name;               // as written ("Foo.Bar")
    std::set<std::string> extras;   // PEP 685-normalized ("security")
    SpecifierSet specifier;         // empty for URL requirements
    std::optional<std::string> url; // the URL after "@"
    std::optional<Marker> marker;   // after ";"

    // The full PEP 508 grammar, with packaging's error texts' spirit: the message quotes the
    // requirement and the column where parsing stopped.
    [[nodiscard]] static Expected<Requirement> parse(std::string_view text);

    // "name[a,b]>=1,<2; marker" or "name[a] @ url ; marker" (packaging's str(Requirement)).
    [[nodiscard]] std::string to_string() const;

    // PEP 503 form of `name`.
    [[nodiscard]] std::string normalized_name() const;

    bool operator==(const Requirement& other) const = default;
};

} // namespace pydeb::python
