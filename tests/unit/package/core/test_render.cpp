#include "package/core/render.hpp"

#include <doctest/doctest.h>

using namespace pydeb::package;

TEST_CASE("package::render_template replaces known tokens in one pass")
{
    const std::map<std::string, std::string, std::less<>> values{{"PREFIX", "'/opt/venvs/a'"},
                                                                 {"HOOK", "echo #PREFIX#"}};
    CHECK(render_template("rm -rf #PREFIX#/lib", values) == "rm -rf '/opt/venvs/a'/lib");
    // Inserted text is not scanned again.
    CHECK(render_template("#HOOK#", values) == "echo #PREFIX#");
    // Unknown tokens, shebangs, comments and a lone '#' stay as written.
    CHECK(render_template("#!/bin/sh\n# note #UNKNOWN# #\n", values) ==
          "#!/bin/sh\n# note #UNKNOWN# #\n");
    CHECK(render_template("##PREFIX##", values) == "#'/opt/venvs/a'#");
    CHECK(render_template("#PREFIX", values) == "#PREFIX");
    CHECK(render_template("", values).empty());
}
