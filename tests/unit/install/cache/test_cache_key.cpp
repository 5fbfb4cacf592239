#include "install/cache/cache_key.hpp"

#include <doctest/doctest.h>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace pydeb::install;

namespace
{

CacheKeyInputs base_inputs()
{
    CacheKeyInputs inputs;
    inputs.wheel_sha256 = std::string(64, 'a');
    inputs.wheel_filename = "six-1.16.0-py2.py3-none-any.whl";
    inputs.prefix = "/opt/venvs/app";
    auto& facts = inputs.interpreter;
    facts.executable = "/usr/bin/python3";
    facts.implementation_name = "cpython";
    facts.major = 3;
    facts.minor = 11;
    facts.micro = 2;
    facts.cache_tag = "cpython-311";
    facts.abi_tag = "cp311";
    facts.soabi = "cpython-311-x86_64-linux-gnu";
    facts.platform = "linux_x86_64";
    facts.machine = "x86_64";
    facts.glibc = pydeb::python::GlibcVersion{2, 36};
    facts.markers.implementation_version = "3.11.2";
    facts.purelib = "lib/python3.11/site-packages";
    facts.platlib = "lib/python3.11/site-packages";
    facts.scripts = "bin";
    facts.include = "include/site/python3.11";
    inputs.bytecode = Bytecode::build;
    inputs.strip = Strip::yes;
    inputs.launcher_template = "#!{python}\nimport {module}\n";
    return inputs;
}

} // namespace

TEST_CASE("install::wheel_cache_key is a sha256, the same for the same inputs")
{
    const auto key = wheel_cache_key(base_inputs());
    CHECK(key.size() == 64);
    CHECK(key.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(wheel_cache_key(base_inputs()) == key);
}

TEST_CASE("install::wheel_cache_key changes when any input that changes the output changes")
{
    using Change = std::pair<const char*, std::function<void(CacheKeyInputs&)>>;
    const std::string template_text = "#!{python}\nimport {module} # other\n";
    const std::vector<Change> changes{
        {"wheel sha256", [](auto& i) { i.wheel_sha256 = std::string(64, 'b'); }},
        {"wheel file name", [](auto& i) { i.wheel_filename = "six-1.16.0-py3-none-any.whl"; }},
        {"prefix", [](auto& i) { i.prefix = "/opt/venvs/other"; }},
        {"executable", [](auto& i) { i.interpreter.executable = "/usr/local/bin/python3"; }},
        {"micro version", [](auto& i) { i.interpreter.micro = 3; }},
        {"minor version", [](auto& i) { i.interpreter.minor = 12; }},
        {"implementation version",
         [](auto& i) { i.interpreter.markers.implementation_version = "3.11.2rc1"; }},
        {"cache tag", [](auto& i) { i.interpreter.cache_tag = "cpython-312"; }},
        {"abi tag", [](auto& i) { i.interpreter.abi_tag = "cp311t"; }},
        {"platform", [](auto& i) { i.interpreter.platform = "linux_aarch64"; }},
        {"machine", [](auto& i) { i.interpreter.machine = "i686"; }},
        {"glibc",
         [](auto& i) {
             i.interpreter.glibc = pydeb::python::GlibcVersion{2, 31};
         }},
        {"free threading",
         [](auto& i) { i.interpreter.free_threading = pydeb::python::FreeThreading::yes; }},
        {"purelib", [](auto& i) { i.interpreter.purelib = "lib/python3/site-packages"; }},
        {"platlib", [](auto& i) { i.interpreter.platlib = "lib64/python3.11/site-packages"; }},
        {"scripts", [](auto& i) { i.interpreter.scripts = "Scripts"; }},
        {"include", [](auto& i) { i.interpreter.include = "include/python3.11"; }},
        {"data", [](auto& i) { i.interpreter.data = "data"; }},
        {"bytecode none", [](auto& i) { i.bytecode = Bytecode::none; }},
        {"bytecode install", [](auto& i) { i.bytecode = Bytecode::install; }},
        {"strip", [](auto& i) { i.strip = Strip::no; }},
        {"launcher template", [&](auto& i) { i.launcher_template = template_text; }},
    };
    std::set<std::string> keys{wheel_cache_key(base_inputs())};
    for (const auto& [what, change] : changes)
    {
        CAPTURE(what);
        auto inputs = base_inputs();
        change(inputs);
        CHECK(keys.insert(wheel_cache_key(inputs)).second);
    }
}

TEST_CASE("install::wheel_cache_key keeps fields apart")
{
    // The same bytes split differently between two fields must not collide.
    auto first = base_inputs();
    first.interpreter.purelib = "lib/a";
    first.interpreter.platlib = "b";
    auto second = base_inputs();
    second.interpreter.purelib = "lib/";
    second.interpreter.platlib = "ab";
    CHECK(wheel_cache_key(first) != wheel_cache_key(second));
}
