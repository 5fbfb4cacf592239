// What pydeb needs to know of a packager's systemd unit file, read as systemd.syntax(7) defines
// the format: [Section] headers, Key=Value assignments, '#' or ';' comments, and lines continued
// by a trailing backslash.
#pragma once

#include "spec/spec.hpp"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pydeb::spec
{

struct UnitFacts
{
    InstallSection install = InstallSection::absent;
    std::vector<std::string> sections; // in file order
};

// Where the text stops being a unit file: 1-based line and column, and why.
struct UnitProblem
{
    int line = 0;
    int column = 0;
    std::string message;
};

// `type` is the unit's suffix without the dot ("service", "socket", "timer"): a unit file must
// have the section of that name ([Service] ...), which systemd needs to load it.
[[nodiscard]] std::variant<UnitFacts, UnitProblem> read_unit(std::string_view text,
                                                             std::string_view type);

} // namespace pydeb::spec
