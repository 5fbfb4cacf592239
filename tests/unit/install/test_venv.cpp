#include "install/interpreter.hpp"
#include "install/venv.hpp"

#include <doctest/doctest.h>

using namespace pydeb::install;

TEST_CASE("install::shlex_quote matches Python's shlex.quote")
{
    CHECK(shlex_quote("/opt/venvs/app") == "/opt/venvs/app");
    CHECK(shlex_quote("(app) ") == "'(app) '");
    CHECK(shlex_quote("it's") == "'it'\"'\"'s'");
    CHECK(shlex_quote("") == "''");
}

TEST_CASE("install::render_activate replaces venv's placeholders")
{
    const ActivateContext context{"/opt/venvs/app", "app", "(app) ", "bin",
                                  "/opt/venvs/app/bin/python3"};
    const std::string text = "VIRTUAL_ENV=__VENV_DIR__\nPS1=__VENV_PROMPT__\n"
                             "PATH=$VIRTUAL_ENV/__VENV_BIN_NAME__\n__VENV_NAME__ __VENV_PYTHON__\n";
    CHECK(render_activate(text, "activate", context, QuoteVariables::yes) ==
          "VIRTUAL_ENV=/opt/venvs/app\nPS1='(app) '\nPATH=$VIRTUAL_ENV/bin\n"
          "app /opt/venvs/app/bin/python3\n");
    CHECK(render_activate("$x = __VENV_PROMPT__", "Activate.ps1", context, QuoteVariables::yes) ==
          "$x = '(app) '");
    CHECK(render_activate("\"__VENV_PROMPT__\"", "activate", context, QuoteVariables::no) ==
          "\"(app) \"");
}

TEST_CASE("install::parse_interpreter_facts")
{
    const std::string text =
        "executable=/usr/bin/python3\nimplementation_name=cpython\nversion=3.11.2\n"
        "abi_tag=cp311\nsoabi=cpython-311-x86_64-linux-gnu\n"
        "ext_suffix=.cpython-311-x86_64-linux-gnu.so\ncache_tag=cpython-311\n"
        "platform=linux_x86_64\nmachine=x86_64\nglibc=2.36\nfree_threading=no\n"
        "purelib=lib/python3.11/site-packages\nplatlib=lib/python3.11/site-packages\n"
        "scripts=bin\ndata=\ninclude=include/site/python3.11\nbase_prefix=/usr\n"
        "stdlib=/usr/lib/python3.11\nm.implementation_name=cpython\n"
        "m.implementation_version=3.11.2\nm.os_name=posix\nm.platform_machine=x86_64\n"
        "m.platform_python_implementation=CPython\nm.platform_release=6.1.0\n"
        "m.platform_system=Linux\nm.platform_version=#1 SMP x=y\nm.python_full_version=3.11.2\n"
        "m.python_version=3.11\nm.sys_platform=linux\n";
    const auto facts = parse_interpreter_facts(text);
    REQUIRE(facts.has_value());
    CHECK(facts->minor == 11);
    CHECK(facts->micro == 2);
    REQUIRE(facts->glibc.has_value());
    CHECK(facts->glibc->minor == 36);
    CHECK(facts->markers.platform_version == "#1 SMP x=y");
    CHECK(facts->data.empty());
    const auto missing = parse_interpreter_facts("version=3.11.2\n");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().message.find("is missing") != std::string::npos);
}
