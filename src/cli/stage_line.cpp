#include "cli/stage_line.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace pydeb::cli
{

std::string describe(const util::StageSnapshot& stage)
{
    using util::Count;
    std::vector<std::string> parts;
    if (stage[Count::wheels] > 0 || stage[Count::wheels_total] > 0)
    {
        const std::uint64_t of = std::max(stage[Count::wheels], stage[Count::wheels_total]);
        parts.push_back(std::to_string(stage[Count::wheels]) +
                        (stage[Count::wheels_total] > 0 ? "/" + std::to_string(of) : "") +
                        (of == 1 ? " wheel" : " wheels"));
    }
    if (stage[Count::files_compiled] > 0)
    {
        parts.push_back(std::to_string(stage[Count::files_compiled]) + " files compiled");
    }
    if (stage[Count::sonames] > 0)
    {
        parts.push_back(std::to_string(stage[Count::sonames]) + " libraries mapped");
    }
    if (stage[Count::bytes_in] > 0)
    {
        parts.push_back(util::size_text(stage[Count::bytes_in]) + " compressed" +
                        (stage[Count::bytes_out] > 0 ? " to " + util::size_text(stage[Count::bytes_out])
                                                     : std::string()));
    }
    else if (stage[Count::bytes_out] > 0) // a payload taken from the cache: nothing compressed
    {
        parts.push_back(util::size_text(stage[Count::bytes_out]) + " written");
    }
    std::string line = stage.stage;
    line.resize(std::max<std::size_t>(line.size() + 1, 12), ' ');
    for (std::size_t i = 0; i < parts.size(); ++i)
    {
        line += (i == 0 ? "" : ", ") + parts[i];
    }
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%s%.1f s", parts.empty() ? "" : "  ",
                  std::chrono::duration<double>(stage.elapsed).count());
    return line + seconds;
}

} // namespace pydeb::cli
