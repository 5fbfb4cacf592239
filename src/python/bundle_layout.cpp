#include "python/bundle_layout.hpp"

#include <array>
#include <utility>

namespace pydeb::python
{

namespace
{

constexpr std::array<std::pair<BundlePart, std::string_view>, 6> k_names{{
    {BundlePart::tests, "tests"},
    {BundlePart::idlelib, "idlelib"},
    {BundlePart::tkinter, "tkinter"},
    {BundlePart::ensurepip, "ensurepip"},
    {BundlePart::static_libraries, "static-libraries"},
    {BundlePart::headers, "headers"},
}};

// The test folders of stdlib packages (CPython's Makefile.pre.in TESTSUBDIRS, 3.8-3.13).
constexpr std::array<std::string_view, 9> k_test_folders{
    "test/",          "ctypes/test/",   "distutils/tests/", "idlelib/idle_test/",
    "lib2to3/tests/", "sqlite3/test/",  "tkinter/test/",    "unittest/test/",
    "tkinter/tests/"};

// Extension modules built only for the test suite (setup.py / Modules/Setup.stdlib "test"
// modules; --disable-test-modules omits them).
constexpr std::array<std::string_view, 6> k_test_extensions{
    "_test", "_ctypes_test", "xxlimited", "_xxtestfuzz", "xxsubtype", "_testinternalcapi"};

bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> prefixes)
{
    for (const auto prefix : prefixes)
    {
        if (text.starts_with(prefix))
        {
            return true;
        }
    }
    return false;
}

bool has_component(std::string_view path, std::string_view component)
{
    std::size_t start = 0;
    while (start <= path.size())
    {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string_view::npos ? path.size() : slash;
        if (path.substr(start, end - start) == component)
        {
            return true;
        }
        if (slash == std::string_view::npos)
        {
            break;
        }
        start = slash + 1;
    }
    return false;
}

BundleClass optional(BundlePart part)
{
    return {BundleMember::optional, part};
}

bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == '.' || c == '+' || c == '~' || c == '@';
}

bool starts_path_token(std::string_view text, std::size_t at)
{
    if (at == 0)
    {
        return true;
    }
    const char before = text[at - 1];
    if (before == ' ' || before == '\t' || before == '\n' || before == '\'' || before == '"' ||
        before == '=' || before == ':' || before == ',' || before == '(' || before == '!')
    {
        return true;
    }
    // A compiler or linker flag glued to its path: "-I/usr/include", "-L/usr/lib".
    return at >= 2 && text[at - 2] == '-' && ((before >= 'A' && before <= 'Z') ||
                                              (before >= 'a' && before <= 'z')) &&
           (at == 2 || !name_char(text[at - 3]));
}

} // namespace

std::string_view to_string(BundlePart part)
{
    for (const auto& [value, name] : k_names)
    {
        if (value == part)
        {
            return name;
        }
    }
    return "unknown";
}

std::optional<BundlePart> parse_bundle_part(std::string_view name)
{
    for (const auto& [value, text] : k_names)
    {
        if (text == name)
        {
            return value;
        }
    }
    return std::nullopt;
}

const std::vector<BundlePart>& all_bundle_parts()
{
    static const std::vector<BundlePart> parts = []
    {
        std::vector<BundlePart> out;
        for (const auto& [value, name] : k_names)
        {
            out.push_back(value);
        }
        return out;
    }();
    return parts;
}

std::size_t stdlib_prefix_length(std::string_view relative)
{
    constexpr std::string_view lead = "lib/python";
    if (!relative.starts_with(lead))
    {
        return 0;
    }
    std::size_t at = lead.size();
    const auto digits = [&]
    {
        const std::size_t from = at;
        while (at < relative.size() && relative[at] >= '0' && relative[at] <= '9')
        {
            ++at;
        }
        return at > from;
    };
    if (!digits() || at >= relative.size() || relative[at] != '.')
    {
        return 0;
    }
    ++at;
    if (!digits())
    {
        return 0;
    }
    if (at < relative.size() && relative[at] == 't')
    {
        ++at;
    }
    return at < relative.size() && relative[at] == '/' ? at + 1 : 0;
}

BundleClass classify_bundle_member(std::string_view relative)
{
    if (has_component(relative, "__pycache__"))
    {
        return {BundleMember::never, std::nullopt};
    }
    if (relative.starts_with("bin/"))
    {
        const auto name = relative.substr(4);
        if (name.starts_with("pip"))
        {
            return {BundleMember::never, std::nullopt};
        }
        if (name.starts_with("idle"))
        {
            return optional(BundlePart::idlelib);
        }
        return {};
    }
    if (relative == "include" || relative.starts_with("include/"))
    {
        return optional(BundlePart::headers);
    }
    if (relative.starts_with("lib/") && relative.ends_with(".a"))
    {
        return optional(BundlePart::static_libraries);
    }
    if (starts_with_any(relative, {"lib/tcl8", "lib/tk8", "lib/tcl9", "lib/tk9", "lib/itcl",
                                   "lib/thread2", "lib/Tix"}))
    {
        return optional(BundlePart::tkinter);
    }
    const std::size_t stdlib = stdlib_prefix_length(relative);
    if (stdlib == 0)
    {
        return {};
    }
    const auto inside = relative.substr(stdlib);
    if (starts_with_any(inside, {"site-packages/", "dist-packages/"}) || inside == "site-packages" ||
        inside == "dist-packages")
    {
        return {BundleMember::never, std::nullopt};
    }
    for (const auto folder : k_test_folders)
    {
        if (inside.starts_with(folder) || inside == folder.substr(0, folder.size() - 1))
        {
            return optional(BundlePart::tests);
        }
    }
    if (inside.starts_with("idlelib/") || inside == "idlelib")
    {
        return optional(BundlePart::idlelib);
    }
    if (starts_with_any(inside, {"tkinter/", "turtledemo/"}) || inside == "tkinter" ||
        inside == "turtledemo" || inside == "turtle.py")
    {
        return optional(BundlePart::tkinter);
    }
    if (inside.starts_with("ensurepip/_bundled"))
    {
        return optional(BundlePart::ensurepip);
    }
    if (inside.starts_with("lib-dynload/"))
    {
        const auto module = inside.substr(12);
        if (module.starts_with("_tkinter."))
        {
            return optional(BundlePart::tkinter);
        }
        for (const auto test : k_test_extensions)
        {
            // "_testcapi.cpython-311-x86_64-linux-gnu.so", "xxlimited_35.cpython-...".
            if (module.starts_with(test))
            {
                return optional(BundlePart::tests);
            }
        }
    }
    return {};
}

bool records_build_prefix(std::string_view relative)
{
    if (relative == "PYTHON.json" || relative.starts_with("bin/"))
    {
        return true;
    }
    if (relative.starts_with("lib/pkgconfig/") && relative.ends_with(".pc"))
    {
        return true;
    }
    const std::size_t stdlib = stdlib_prefix_length(relative);
    if (stdlib == 0)
    {
        return false;
    }
    const auto inside = relative.substr(stdlib);
    if (inside.find('/') == std::string_view::npos)
    {
        return (inside.starts_with("_sysconfigdata_") && inside.ends_with(".py")) ||
               (inside.starts_with("_sysconfig_vars_") && inside.ends_with(".json"));
    }
    return inside.starts_with("config-") &&
           (inside.ends_with("/Makefile") || inside.ends_with("/python-config.py"));
}

std::string relocate_prefix(std::string_view text, std::string_view from, std::string_view to)
{
    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;
    std::size_t at = from.empty() ? std::string_view::npos : text.find(from);
    while (at != std::string_view::npos)
    {
        const std::size_t end = at + from.size();
        const bool ends = end == text.size() || text[end] == '/' || !name_char(text[end]);
        if (starts_path_token(text, at) && ends)
        {
            out.append(text.substr(copied, at - copied));
            out.append(to);
            copied = end;
        }
        at = text.find(from, end);
    }
    out.append(text.substr(copied));
    return out;
}

} // namespace pydeb::python
