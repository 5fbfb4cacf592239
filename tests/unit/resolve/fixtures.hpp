// Test fixtures for resolve/: METADATA-only wheels written with /usr/bin/python3's zipfile (one
// interpreter run per wheelhouse), and the facts of a CPython 3.11 glibc x86_64 target.
#pragma once

#include "python/tags.hpp"
#include "util/files.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace pydeb::resolve::test
{

struct FakeWheel
{
    std::string filename;                   // "Flask-2.2.2-py3-none-any.whl"
    std::string name;                       // METADATA Name
    std::string version;                    // METADATA Version
    std::vector<std::string> extra_headers; // "Requires-Dist: click>=8", "Requires-Python: >=3.7"
};

// "Flask-2.2.2-py3-none-any.whl" with Name/Version taken from the file name.
inline FakeWheel wheel(const std::string& filename, std::vector<std::string> headers = {})
{
    const auto first = filename.find('-');
    const auto second = filename.find('-', first + 1);
    return {filename, filename.substr(0, first), filename.substr(first + 1, second - first - 1),
            std::move(headers)};
}

inline std::string py_quote(const std::string& text)
{
    std::string out = "'";
    for (const char c : text)
    {
        if (c == '\\' || c == '\'')
        {
            out += '\\';
        }
        if (c == '\n')
        {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "'";
}

// Write the wheels into `dir` (created), plus any other empty files (sdists).
inline void make_wheelhouse(const std::filesystem::path& dir, const std::vector<FakeWheel>& wheels,
                            const std::vector<std::string>& other_files = {})
{
    std::filesystem::create_directories(dir);
    std::string script = "import zipfile, sys\n";
    for (const FakeWheel& w : wheels)
    {
        std::string metadata =
            "Metadata-Version: 2.1\nName: " + w.name + "\nVersion: " + w.version + "\n";
        for (const auto& header : w.extra_headers)
        {
            metadata += header + "\n";
        }
        metadata += "\nA description.\n";
        const std::string info = w.name + "-" + w.version + ".dist-info/";
        script +=
            "with zipfile.ZipFile(" + py_quote((dir / w.filename).string()) + ", 'w') as z:\n";
        script += "    z.writestr(" + py_quote(w.name + "/__init__.py") + ", '')\n";
        script +=
            "    z.writestr(" + py_quote(info + "METADATA") + ", " + py_quote(metadata) + ")\n";
        script += "    z.writestr(" + py_quote(info + "WHEEL") +
                  ", 'Wheel-Version: 1.0\\nRoot-Is-Purelib: true\\n')\n";
    }
    for (const auto& file : other_files)
    {
        std::ofstream(dir / file) << "not really an archive";
    }
    const auto script_path = dir / "make-wheels.py";
    std::ofstream(script_path) << script;
    const std::string command = "/usr/bin/python3 " + script_path.string();
    if (std::system(command.c_str()) != 0)
    {
        throw std::runtime_error("could not write the test wheels");
    }
    std::filesystem::remove(script_path);
}

inline python::InterpreterFacts linux_cpython311()
{
    python::InterpreterFacts facts;
    facts.executable = "/usr/bin/python3.11";
    facts.implementation_name = "cpython";
    facts.major = 3;
    facts.minor = 11;
    facts.micro = 2;
    facts.abi_tag = "cp311";
    facts.soabi = "cpython-311-x86_64-linux-gnu";
    facts.platform = "linux_x86_64";
    facts.machine = "x86_64";
    facts.glibc = python::GlibcVersion{2, 36};
    facts.markers.implementation_name = "cpython";
    facts.markers.implementation_version = "3.11.2";
    facts.markers.os_name = "posix";
    facts.markers.platform_machine = "x86_64";
    facts.markers.platform_python_implementation = "CPython";
    facts.markers.platform_release = "6.1.0";
    facts.markers.platform_system = "Linux";
    facts.markers.platform_version = "#1 SMP";
    facts.markers.python_full_version = "3.11.2";
    facts.markers.python_version = "3.11";
    facts.markers.sys_platform = "linux";
    return facts;
}

} // namespace pydeb::resolve::test
