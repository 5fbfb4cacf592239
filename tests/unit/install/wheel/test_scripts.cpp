#include "install/wheel/scripts.hpp"

#include <doctest/doctest.h>

using namespace pydeb::install;

TEST_CASE("install::rewrite_script_head follows pypa/installer's test vectors")
{
    // pypa/installer's src/installer/scripts.py and tests/test_scripts.py
    CHECK(rewrite_script_head("#!python\n", "/my/python") == "#!/my/python\n");
    CHECK(rewrite_script_head("#!pythonw\n", "/my/python") == "#!/my/python\n");
    CHECK(rewrite_script_head("#!python something\n", "/my/python") == "#!/my/python\n");
    CHECK(rewrite_script_head("#!python", "/my/python") == "#!/my/python\n");
    for (const char* unchanged :
         {"#!py\n", "#!something\n", "#something", "something", "#!/usr/bin/env python3\n"})
    {
        CAPTURE(unchanged);
        CHECK_FALSE(rewrite_script_head(unchanged, "/my/python").has_value());
    }
}

TEST_CASE("install::shebang_for uses the /bin/sh trampoline for long or spaced paths")
{
    CHECK(shebang_for("/opt/venvs/app/bin/python") == "#!/opt/venvs/app/bin/python\n");
    CHECK(shebang_for("/opt/my app/bin/python") ==
          "#!/bin/sh\n'''exec' '/opt/my app/bin/python' \"$0\" \"$@\"\n' '''\n");
    const std::string exactly(127 - 3, 'p'); // "#!" + path + "\n" = 127 bytes: still direct
    CHECK(shebang_for("/" + exactly.substr(1)).starts_with("#!/p"));
    const std::string longer = "/" + std::string(124, 'p');
    CHECK(shebang_for(longer).starts_with("#!/bin/sh\n'''exec' '/ppp"));
}

TEST_CASE("install::parse_entry_points reads console and gui scripts")
{
    const auto parsed = parse_entry_points("[console_scripts]\n"
                                           "tool = mod.sub:attr.inner [extra]\n"
                                           "Tool2=mod:main\n"
                                           "# comment\n"
                                           "[gui_scripts]\n"
                                           "進入點 = 套件.模組:函式\n"
                                           "[other.group]\n"
                                           "ignored = x:y\n");
    REQUIRE(parsed.has_value());
    REQUIRE(parsed->size() == 3);
    CHECK((*parsed)[0] ==
          EntryPoint{"tool", "mod.sub", "attr.inner", EntryPointGroup::console_scripts});
    CHECK((*parsed)[1].name == "Tool2");
    CHECK((*parsed)[2].group == EntryPointGroup::gui_scripts);
    CHECK((*parsed)[2].module == "套件.模組");
}

TEST_CASE("install::parse_entry_points refuses unsafe names and missing callables")
{
    for (const char* bad :
         {"[console_scripts]\n../outside = m:f\n", "[console_scripts]\n/etc/cron.d/outside = m:f\n",
          "[console_scripts]\n.. = m:f\n", "[console_scripts]\npython3 = m:f\n",
          "[console_scripts]\nsub\\script = m:f\n", "[console_scripts]\ntool = mod\n",
          "[console_scripts]\ntool = 1mod:f\n"})
    {
        CAPTURE(bad);
        CHECK_FALSE(parse_entry_points(bad).has_value());
    }
    CHECK(parse_entry_points("[console_scripts]\ntool = mod\n")
              .error()
              .message.find("callable suffix") != std::string::npos);
}

TEST_CASE("install::check_script_name tells escaping names from names with a separator")
{
    for (const char* escaping : {"../outside", "/etc/cron.d/outside", ".", "..", "./../x",
                                 "a/../../x", "\\evil"})
    {
        CAPTURE(escaping);
        const auto checked = check_script_name(escaping);
        REQUIRE_FALSE(checked.has_value());
        CHECK(checked.error().message.find("outside the scripts directory") != std::string::npos);
    }
    for (const char* separated : {"sub/script", "sub\\script", "a/../b"})
    {
        CAPTURE(separated);
        const auto checked = check_script_name(separated);
        REQUIRE_FALSE(checked.has_value());
        CHECK(checked.error().message.find("contains a path separator") != std::string::npos);
        CHECK(checked.error().message.find("outside") == std::string::npos);
    }
    CHECK(check_script_name("tool").has_value());
}

TEST_CASE("install::render_launcher fills the template")
{
    const std::string_view launcher = "#!@SHEBANG_PYTHON@\n"
                                      "from @MODULE@ import @IMPORT_NAME@\n"
                                      "sys.exit(@FUNC@())\n";
    const EntryPoint entry_point{"tool", "mod.sub", "attr.inner", EntryPointGroup::console_scripts};
    CHECK(render_launcher(launcher, entry_point, "/opt/v/bin/python") ==
          "#!/opt/v/bin/python\nfrom mod.sub import attr\nsys.exit(attr.inner())\n");
    CHECK(render_launcher(launcher, entry_point, "/opt/a b/bin/python")
              .starts_with("#!/bin/sh\n'''exec' '/opt/a b/bin/python' \"$0\" \"$@\"\n' '''\nfrom"));
}
