#include "install/wheel/scripts.hpp"

#include <filesystem>

#include "install/wheel/member.hpp"
#include "util/strings.hpp"

#include <cctype>

namespace pydeb::install
{

namespace
{

// Linux: the kernel reads at most 127 bytes of "#!..." (BINPRM_BUF_SIZE - 1), newline included.
constexpr std::size_t k_max_shebang = 127;

bool is_identifier(std::string_view text)
{
    if (text.empty() || (text[0] >= '0' && text[0] <= '9'))
    {
        return false;
    }
    for (const char c : text)
    {
        const auto byte = static_cast<unsigned char>(c);
        // ASCII identifier characters, plus any non-ASCII byte (PEP 3131 allows Unicode names).
        if (!(std::isalnum(byte) || c == '_' || byte >= 0x80))
        {
            return false;
        }
    }
    return true;
}

bool is_dotted_name(std::string_view text)
{
    if (text.empty())
    {
        return false;
    }
    for (const auto& part : util::split(text, '.'))
    {
        if (!is_identifier(part))
        {
            return false;
        }
    }
    return true;
}

} // namespace

std::string shebang_for(std::string_view interpreter)
{
    const std::string simple = "#!" + std::string(interpreter) + "\n";
    if (simple.size() <= k_max_shebang &&
        interpreter.find_first_of(" \t") == std::string_view::npos)
    {
        return simple;
    }
    return "#!/bin/sh\n'''exec' " + util::shell_quote(interpreter) + " \"$0\" \"$@\"\n' '''\n";
}

std::optional<std::string> rewrite_script_head(std::string_view head, std::string_view interpreter)
{
    if (!head.starts_with("#!python"))
    {
        return std::nullopt;
    }
    return shebang_for(interpreter);
}

Expected<void> check_script_name(std::string_view name)
{
    if (name.empty())
    {
        return fail("invalid script name: it is empty");
    }
    // What pip refuses (_raise_for_invalid_entrypoint): names that resolve outside the scripts
    // directory: ".", "..", a leading "/" or a "../" that climbs out.
    const auto normal = std::filesystem::path(std::string(name)).lexically_normal();
    if (name == "." || name == ".." || name.front() == '/' || name.front() == '\\' ||
        normal.empty() || *normal.begin() == "..")
    {
        return fail("invalid script name '" + std::string(name) +
                    "': the script would be installed outside the scripts directory");
    }
    // Names like "sub/tool" or "sub\\tool" stay inside it, and pip accepts them; pydeb puts
    // every launcher directly in bin/ (a command on PATH has no directory part) and refuses them.
    if (name.find_first_of("/\\") != std::string_view::npos)
    {
        return fail("invalid script name '" + std::string(name) +
                    "': it contains a path separator ('/' or '\\'); a console script is a "
                    "command name in bin/, rename the entry point");
    }
    for (const char c : name)
    {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
        {
            return fail("invalid script name: it contains a control character");
        }
    }
    if (is_reserved_script_name(name))
    {
        return fail("script name '" + std::string(name) +
                    "' is reserved: it would replace the virtualenv's interpreter");
    }
    return {};
}

Expected<std::vector<EntryPoint>> parse_entry_points(std::string_view text)
{
    std::vector<EntryPoint> result;
    std::optional<EntryPointGroup> group;
    std::size_t number = 0;
    for (const auto& raw : util::split(text, '\n'))
    {
        ++number;
        const auto line = util::trim(raw);
        const auto where = "entry_points.txt line " + std::to_string(number) + ": ";
        if (line.empty() || line.front() == '#' || line.front() == ';')
        {
            continue;
        }
        if (line.front() == '[')
        {
            if (line.back() != ']')
            {
                return fail(where + "unterminated section header");
            }
            const auto section = util::trim(line.substr(1, line.size() - 2));
            group = section == "console_scripts" ? std::optional(EntryPointGroup::console_scripts)
                    : section == "gui_scripts"   ? std::optional(EntryPointGroup::gui_scripts)
                                                 : std::nullopt;
            continue;
        }
        if (!group)
        {
            continue;
        }
        const auto equals = line.find('=');
        if (equals == std::string_view::npos)
        {
            return fail(where + "expected 'name = module:attribute'");
        }
        EntryPoint entry_point;
        entry_point.name = std::string(util::trim(line.substr(0, equals)));
        entry_point.group = *group;
        auto value = util::trim(line.substr(equals + 1));
        if (const auto bracket = value.find('['); bracket != std::string_view::npos)
        {
            value = util::trim(value.substr(0, bracket)); // extras: ignored, as pip does
        }
        if (auto checked = check_script_name(entry_point.name); !checked)
        {
            return fail(where + checked.error().message);
        }
        const auto colon = value.find(':');
        if (colon == std::string_view::npos)
        {
            return fail(where + "invalid script entry point '" + std::string(value) + "' for '" +
                        entry_point.name + "': a callable suffix (module:attribute) is required");
        }
        entry_point.module = std::string(util::trim(value.substr(0, colon)));
        entry_point.attribute = std::string(util::trim(value.substr(colon + 1)));
        if (!is_dotted_name(entry_point.module) || !is_dotted_name(entry_point.attribute))
        {
            return fail(where + "invalid script entry point '" + std::string(value) + "' for '" +
                        entry_point.name + "': expected dotted Python names");
        }
        result.push_back(std::move(entry_point));
    }
    return result;
}

std::string render_launcher(std::string_view launcher_template, const EntryPoint& entry_point,
                            std::string_view interpreter)
{
    // The template's first line is "#!@SHEBANG_PYTHON@"; the trampoline may need three lines,
    // so the whole line is replaced.
    auto body = launcher_template;
    if (body.starts_with("#!"))
    {
        const auto newline = body.find('\n');
        body = newline == std::string_view::npos ? std::string_view{} : body.substr(newline + 1);
    }
    const auto dot = entry_point.attribute.find('.');
    std::string text = shebang_for(interpreter) + std::string(body);
    text = util::replace_all(std::move(text), "@MODULE@", entry_point.module);
    text =
        util::replace_all(std::move(text), "@IMPORT_NAME@", entry_point.attribute.substr(0, dot));
    return util::replace_all(std::move(text), "@FUNC@", entry_point.attribute);
}

} // namespace pydeb::install
