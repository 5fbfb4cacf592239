#include "resolve/requirements_file.hpp"

#include "util/files.hpp"
#include "util/strings.hpp"

#include <algorithm>

namespace pydeb::resolve
{

namespace
{

using Includes = std::vector<std::filesystem::path>; // the chain being read, to refuse cycles

Expected<std::vector<python::Requirement>> read_file(const std::filesystem::path& path,
                                                     Includes& includes);

// pip: "#" starts a comment at the start of a line or after whitespace ("foo#bar" is a URL
// fragment, not a comment).
std::string_view strip_comment(std::string_view line)
{
    for (std::size_t i = 0; i < line.size(); ++i)
    {
        if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))
        {
            return line.substr(0, i);
        }
    }
    return line;
}

struct Logical
{
    std::string text;
    std::size_t line = 0;
};

// Join "\"-continued physical lines into logical ones (pip's join_lines), then drop comments.
std::vector<Logical> logical_lines(std::string_view text)
{
    std::vector<Logical> lines;
    std::string pending;
    std::size_t start = 0;
    std::size_t number = 0;
    for (std::string line : util::split(text, '\n'))
    {
        ++number;
        if (!line.empty() && line.back() == '\r')
        {
            line.pop_back();
        }
        if (pending.empty())
        {
            start = number;
        }
        if (!line.empty() && line.back() == '\\')
        {
            line.pop_back();
            pending += line;
            continue;
        }
        pending += line;
        const auto stripped = util::trim(strip_comment(pending));
        if (!stripped.empty())
        {
            lines.push_back({std::string(stripped), start});
        }
        pending.clear();
    }
    if (const auto stripped = util::trim(strip_comment(pending)); !stripped.empty())
    {
        lines.push_back({std::string(stripped), start});
    }
    return lines;
}

// "-r FILE", "-rFILE", "--requirement FILE", "--requirement=FILE": the FILE, else nullopt.
std::optional<std::string_view> include_target(std::string_view line)
{
    for (std::string_view option : {"--requirement", "-r"})
    {
        if (line.starts_with(option))
        {
            std::string_view rest = line.substr(option.size());
            if (!rest.empty() && rest.front() == '=')
            {
                rest.remove_prefix(1);
            }
            else if (option == "--requirement" && !rest.empty() && rest.front() != ' ' &&
                     rest.front() != '\t')
            {
                continue;
            }
            return util::trim(rest);
        }
    }
    return std::nullopt;
}

Expected<std::vector<python::Requirement>> parse_text(std::string_view text,
                                                      const std::filesystem::path& where,
                                                      const std::filesystem::path& base,
                                                      Includes& includes)
{
    std::vector<python::Requirement> requirements;
    for (const Logical& line : logical_lines(text))
    {
        const std::string location = where.string() + ":" + std::to_string(line.line) + ": ";
        if (const auto target = include_target(line.text))
        {
            if (target->empty())
            {
                return fail(location + "-r needs a file name");
            }
            auto included = read_file(base / *target, includes);
            if (!included)
            {
                return fail(location + included.error().message);
            }
            std::ranges::move(*included, std::back_inserter(requirements));
            continue;
        }
        if (line.text.front() == '-')
        {
            const std::string option = line.text.substr(0, line.text.find_first_of(" \t="));
            return fail(location + "option " + option +
                        " is not supported: pydeb resolves from the wheelhouse only and takes "
                        "nothing but requirements and -r includes; remove the line");
        }
        if (line.text.find(" --") != std::string::npos ||
            line.text.find("\t--") != std::string::npos)
        {
            return fail(location + "per-requirement options (--hash, --global-option, ...) are "
                                   "not supported; pydeb.lock records each wheel's sha256");
        }
        auto requirement = python::Requirement::parse(line.text);
        if (!requirement)
        {
            return fail(location + requirement.error().message);
        }
        requirements.push_back(std::move(*requirement));
    }
    return requirements;
}

Expected<std::vector<python::Requirement>> read_file(const std::filesystem::path& path,
                                                     Includes& includes)
{
    std::error_code error;
    auto canonical = std::filesystem::weakly_canonical(path, error);
    if (error)
    {
        canonical = path;
    }
    if (std::ranges::find(includes, canonical) != includes.end())
    {
        return fail(path.string() + ": included again from itself (an -r cycle)");
    }
    const std::string text = PYDEB_TRY(util::read_file(path));
    includes.push_back(canonical);
    auto result = parse_text(text, path, path.parent_path(), includes);
    includes.pop_back();
    return result;
}

} // namespace

Expected<std::vector<python::Requirement>> parse_requirements(std::string_view text,
                                                              const std::filesystem::path& where,
                                                              const std::filesystem::path& base)
{
    Includes includes;
    return parse_text(text, where, base, includes);
}

Expected<std::vector<python::Requirement>> read_requirements_file(const std::filesystem::path& path)
{
    Includes includes;
    return read_file(path, includes);
}

} // namespace pydeb::resolve
