#include "install/cache/cache_manifest.hpp"

#include "install/wheel/member.hpp"

#include <algorithm>
#include <charconv>

namespace pydeb::install
{

namespace
{

// "\" and line feeds always; spaces ("\s") in fields that are not last on their line.
std::string escape(std::string_view text, bool last = true)
{
    std::string out;
    for (const char c : text)
    {
        if (c == '\\')
        {
            out += "\\\\";
        }
        else if (c == '\n')
        {
            out += "\\n";
        }
        else if (c == ' ' && !last)
        {
            out += "\\s";
        }
        else
        {
            out += c;
        }
    }
    return out;
}

Expected<std::string> unescape(std::string_view text)
{
    if (text.find('\\') == std::string_view::npos)
    {
        return std::string(text);
    }
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] != '\\')
        {
            out += text[i];
            continue;
        }
        if (++i == text.size() || (text[i] != '\\' && text[i] != 'n' && text[i] != 's'))
        {
            return fail("a backslash escapes nothing known");
        }
        out += text[i] == 'n' ? '\n' : text[i] == 's' ? ' ' : '\\';
    }
    return out;
}

// The next space-separated field of `rest`, or (last = true) all of it; never empty.
Expected<std::string_view> take(std::string_view& rest, bool last = false)
{
    const auto space = last ? std::string_view::npos : rest.find(' ');
    const auto field = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    if (field.empty())
    {
        return fail("a field is missing");
    }
    return field;
}

template <typename Number> Expected<Number> number(std::string_view text, int base)
{
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
    if (error != std::errc{} || end != text.data() + text.size())
    {
        return fail("'" + std::string(text) + "' is not a number");
    }
    return value;
}

// What check_member_name allows, minus directories: entries are written from checked member
// names, so anything else means the manifest was damaged or edited. (Per character, not via
// check_member_name: a warm install reads thousands of these.)
Expected<std::string> take_path(std::string_view& rest)
{
    const auto path = PYDEB_TRY(take(rest, true));
    bool safe = path.front() != '/' && path.back() != '/' && is_valid_utf8(path);
    for (std::size_t start = 0; safe && start <= path.size();)
    {
        const auto slash = std::min(path.find('/', start), path.size());
        const auto component = path.substr(start, slash - start);
        safe = !component.empty() && component != "." && component != "..";
        start = slash + 1;
    }
    for (const char c : path)
    {
        safe = safe && static_cast<unsigned char>(c) >= 0x20 && c != 0x7f && c != '\\';
    }
    if (!safe)
    {
        return fail("'" + std::string(path) + "' is not a relative file path inside the venv");
    }
    return std::string(path);
}

Expected<void> parse_line(std::string_view keyword, std::string_view rest, CacheManifest& manifest)
{
    if (keyword == "distribution" || keyword == "version")
    {
        (keyword == "version" ? manifest.version : manifest.distribution) =
            PYDEB_TRY(unescape(PYDEB_TRY(take(rest, true))));
    }
    else if (keyword == "wheel-warning")
    {
        manifest.wheel_warnings.push_back(PYDEB_TRY(unescape(PYDEB_TRY(take(rest, true)))));
    }
    else if (keyword == "warning")
    {
        manifest.other_warnings.push_back(PYDEB_TRY(unescape(PYDEB_TRY(take(rest, true)))));
    }
    else if (keyword == "bytecode-warning")
    {
        manifest.bytecode_warnings.push_back(PYDEB_TRY(unescape(PYDEB_TRY(take(rest, true)))));
    }
    else if (keyword == "claim")
    {
        const auto sha256 = PYDEB_TRY(take(rest));
        manifest.claims.push_back(
            {PYDEB_TRY(take_path(rest)), sha256 == "-" ? "" : PYDEB_TRY(unescape(sha256))});
    }
    else if (keyword == "file")
    {
        const auto mode = PYDEB_TRY(number<unsigned>(PYDEB_TRY(take(rest)), 8));
        const auto size = PYDEB_TRY(number<std::uint64_t>(PYDEB_TRY(take(rest)), 10));
        const auto checksum = PYDEB_TRY(take(rest));
        const auto content = PYDEB_TRY(take(rest));
        if (content != "-" && content != "data" && content != "elf")
        {
            return fail("'" + std::string(content) + "' is not a file content (elf, data or -)");
        }
        if ((mode & ~07777U) != 0)
        {
            return fail("mode " + std::to_string(mode) + " is not a permission mode");
        }
        if (checksum != "-" && (checksum.size() != 32 || checksum.find_first_not_of(
                                                             "0123456789abcdef") != std::string_view::npos))
        {
            return fail("'" + std::string(checksum) + "' is not a checksum (32 hex digits)");
        }
        manifest.files.push_back({PYDEB_TRY(take_path(rest)), mode, size,
                                  checksum == "-" ? "" : std::string(checksum),
                                  content == "elf"    ? FileContent::elf
                                  : content == "data" ? FileContent::data
                                                      : FileContent::unknown});
    }
    else
    {
        return fail("unknown keyword '" + std::string(keyword) + "'");
    }
    return {};
}

std::string octal(unsigned mode)
{
    char buffer[8] = {};
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, mode, 8);
    return "0" + std::string(buffer, end);
}

} // namespace

std::string render_manifest(const CacheManifest& manifest)
{
    std::string text = std::string(k_manifest_header) + "\n";
    text += "distribution " + escape(manifest.distribution) + "\n";
    text += "version " + escape(manifest.version) + "\n";
    for (const auto& warning : manifest.wheel_warnings)
    {
        text += "wheel-warning " + escape(warning) + "\n";
    }
    for (const auto& warning : manifest.other_warnings)
    {
        text += "warning " + escape(warning) + "\n";
    }
    for (const auto& warning : manifest.bytecode_warnings)
    {
        text += "bytecode-warning " + escape(warning) + "\n";
    }
    for (const auto& claim : manifest.claims)
    {
        text += "claim " + (claim.sha256.empty() ? "-" : escape(claim.sha256, false)) + " " +
                escape(claim.path) + "\n";
    }
    for (const auto& file : manifest.files)
    {
        text += "file " + octal(file.mode) + " " + std::to_string(file.size) + " " +
                (file.checksum.empty() ? "-" : file.checksum) + " " +
                (file.content == FileContent::elf    ? "elf"
                 : file.content == FileContent::data ? "data"
                                               : "-") +
                " " + escape(file.path) + "\n";
    }
    return text;
}

Expected<CacheManifest> parse_manifest(std::string_view text)
{
    if (!text.starts_with(std::string(k_manifest_header) + "\n"))
    {
        return fail("manifest: the first line is not '" + std::string(k_manifest_header) + "'");
    }
    if (!text.ends_with('\n'))
    {
        return fail("manifest: the last line is incomplete");
    }
    CacheManifest manifest;
    std::size_t line_number = 1;
    for (auto start = text.find('\n') + 1; start < text.size(); ++line_number)
    {
        const auto end = text.find('\n', start);
        const auto line = text.substr(start, end - start);
        start = end + 1;
        const auto space = line.find(' ');
        const auto keyword = line.substr(0, space);
        const auto rest =
            space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
        if (auto parsed = parse_line(keyword, rest, manifest); !parsed)
        {
            return fail("manifest line " + std::to_string(line_number + 1) + ": " +
                        parsed.error().message);
        }
    }
    if (manifest.distribution.empty() || manifest.version.empty())
    {
        return fail("manifest: the distribution or its version is missing");
    }
    return manifest;
}

std::string bytecode_source(std::string_view path, std::string_view cache_tag)
{
    const std::string suffix = "." + std::string(cache_tag) + ".pyc";
    const auto slash = path.rfind('/');
    const auto name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const auto directory =
        slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
    if (cache_tag.empty() || !name.ends_with(suffix) || name.size() == suffix.size() ||
        !(directory == "__pycache__" || directory.ends_with("/__pycache__")))
    {
        return {};
    }
    const auto parent =
        directory.substr(0, directory.size() - std::string_view("__pycache__").size());
    return std::string(parent) + std::string(name.substr(0, name.size() - suffix.size())) + ".py";
}

} // namespace pydeb::install
