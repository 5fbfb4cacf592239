#include "install/interpreter.hpp"

#include "adapters/process/process.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"
#include "util/strings.hpp"

#include <charconv>
#include <cstdlib>
#include <map>

namespace fs = std::filesystem;

namespace pydeb::install
{

namespace
{

constexpr std::string_view k_snippet =
#include "install/interpreter_query.py.inc"
    ;

// Bump when the snippet or the parser changes, so stale cache files are ignored.
constexpr std::string_view k_cache_format = "pydeb-interpreter-facts 1";

// What identifies one build of the interpreter: its path, and the file it resolves to.
Expected<std::string> cache_key(const fs::path& python)
{
    std::error_code error;
    const auto target = fs::canonical(python, error);
    if (error)
    {
        return fail("interpreter " + python.string() + " not found: " + error.message());
    }
    const auto size = fs::file_size(target, error);
    const auto mtime = fs::last_write_time(target, error).time_since_epoch().count();
    if (error)
    {
        return fail("cannot stat interpreter " + target.string() + ": " + error.message());
    }
    return std::string(k_cache_format) + " " + python.string() + " " + target.string() + " " +
           std::to_string(size) + " " + std::to_string(mtime);
}

Expected<int> to_int(const std::string& text, std::string_view key)
{
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size())
    {
        return fail("interpreter fact '" + std::string(key) + "' is not a number: " + text);
    }
    return value;
}

// The path the venv's bin/python3 links to: the versioned name beside the given one when both
// are the same file (/usr/bin/python3 -> /usr/bin/python3.11), so that a later python3 of
// another minor version (a release upgrade) does not swap the interpreter under the venv's
// compiled extensions; otherwise the path as given.
fs::path versioned_path(const fs::path& given, const python::InterpreterFacts& facts)
{
    const fs::path versioned = given.parent_path() / ("python" + facts.python_version());
    std::error_code error;
    if (versioned != given && fs::equivalent(given, versioned, error) && !error)
    {
        return versioned;
    }
    return given;
}

} // namespace

std::string_view interpreter_query_snippet()
{
    return k_snippet;
}

Expected<python::InterpreterFacts> parse_interpreter_facts(std::string_view text)
{
    std::map<std::string, std::string> values;
    for (const auto& line : util::split(text, '\n'))
    {
        const auto equals = line.find('=');
        if (equals != std::string::npos)
        {
            values[line.substr(0, equals)] = line.substr(equals + 1);
        }
    }
    std::string missing;
    const auto get = [&](const std::string& key) -> std::string
    {
        const auto it = values.find(key);
        if (it == values.end())
        {
            missing = key;
            return {};
        }
        return it->second;
    };
    python::InterpreterFacts facts;
    facts.executable = get("executable");
    facts.implementation_name = get("implementation_name");
    const auto version = util::split(get("version"), '.');
    if (version.size() != 3)
    {
        return fail("interpreter facts: 'version' is not X.Y.Z");
    }
    facts.major = PYDEB_TRY(to_int(version[0], "version"));
    facts.minor = PYDEB_TRY(to_int(version[1], "version"));
    facts.micro = PYDEB_TRY(to_int(version[2], "version"));
    facts.abi_tag = get("abi_tag");
    facts.soabi = get("soabi");
    facts.ext_suffix = get("ext_suffix");
    facts.cache_tag = get("cache_tag");
    facts.platform = get("platform");
    facts.machine = get("machine");
    if (const auto glibc = util::split(get("glibc"), '.'); glibc.size() >= 2)
    {
        facts.glibc = python::GlibcVersion{PYDEB_TRY(to_int(glibc[0], "glibc")),
                                           PYDEB_TRY(to_int(glibc[1], "glibc"))};
    }
    facts.free_threading =
        get("free_threading") == "yes" ? python::FreeThreading::yes : python::FreeThreading::no;
    facts.purelib = get("purelib");
    facts.platlib = get("platlib");
    facts.scripts = get("scripts");
    facts.data = get("data");
    facts.include = get("include");
    facts.base_prefix = get("base_prefix");
    facts.stdlib = get("stdlib");
    auto& markers = facts.markers;
    markers.implementation_name = get("m.implementation_name");
    markers.implementation_version = get("m.implementation_version");
    markers.os_name = get("m.os_name");
    markers.platform_machine = get("m.platform_machine");
    markers.platform_python_implementation = get("m.platform_python_implementation");
    markers.platform_release = get("m.platform_release");
    markers.platform_system = get("m.platform_system");
    markers.platform_version = get("m.platform_version");
    markers.python_full_version = get("m.python_full_version");
    markers.python_version = get("m.python_version");
    markers.sys_platform = get("m.sys_platform");
    if (!missing.empty())
    {
        return fail("interpreter facts: '" + missing + "' is missing");
    }
    return facts;
}

Expected<python::InterpreterFacts> query_interpreter(const fs::path& python,
                                                     const util::CacheStore& cache)
{
    const auto absolute = fs::absolute(python);
    const auto key = util::CacheKey("interpreter facts 1").add(PYDEB_TRY(cache_key(absolute))).hex();
    if (auto cached = cache.load(util::CacheKind::interpreters, key))
    {
        if (auto facts = parse_interpreter_facts(*cached))
        {
            facts->executable = versioned_path(absolute, *facts).string();
            facts->runnable = absolute.string();
            return facts;
        }
    }
    // -I: isolated mode, so PYTHONPATH, PYTHONHOME and user site-packages cannot change answers.
    const std::vector<std::string> arguments{"-I", "-c", std::string(k_snippet)};
    const auto result = PYDEB_TRY(adapters::run_process(absolute, arguments));
    if (!result.succeeded())
    {
        return fail("querying interpreter " + absolute.string() + " failed (exit " +
                    std::to_string(result.exit_code) + "): " + result.standard_error);
    }
    auto facts = parse_interpreter_facts(result.standard_output);
    if (!facts)
    {
        return fail(absolute.string() + ": " + facts.error().message);
    }
    facts->executable = versioned_path(absolute, *facts).string();
    facts->runnable = absolute.string();
    cache.store(util::CacheKind::interpreters, key, result.standard_output);
    return facts;
}

} // namespace pydeb::install
