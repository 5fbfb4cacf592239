// Maintainer scripts from the lifecycle model (templates/deb/*, Debian Policy 6.5).
#pragma once

#include "package/model.hpp"
#include "util/expected.hpp"

#include <string>
#include <vector>

namespace pydeb::package::deb
{

struct MaintainerScript
{
    std::string name; // preinst, postinst, prerm, postrm
    std::string text;
};

// Render the scripts that have something to do, in the order preinst, postinst, prerm, postrm.
// The user's hooks become shell functions called only at their dpkg event (postinst configure with
// an empty old version = install, with one = upgrade; prerm/postrm "remove" never on upgrade);
// Each hook function gets the script's arguments ("$1" is dpkg's action, "$2" the old or new
// version). pydeb's actions (bytecode, __pycache__ cleanup, purge) come from the *-pydeb-* fragments.
// Fails if the prefix or a purge path is not a safe absolute path to remove recursively.
[[nodiscard]] Expected<std::vector<MaintainerScript>> render_scripts(const PackageInfo& info);

// One pydeb action fragment ("postinst-pydeb-bytecode", ...) with its values filled in,
// shell-quoted. For the debhelper addon, which emits the same text as an autoscript.
[[nodiscard]] Expected<std::string> render_fragment(std::string_view name, const VenvActions& venv);

} // namespace pydeb::package::deb
