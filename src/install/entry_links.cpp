#include "install/entry_links.hpp"

#include "install/wheel/scripts.hpp"
#include "install/wheel/stage_tree.hpp"

namespace fs = std::filesystem;

namespace pydeb::install
{

Expected<std::vector<fs::path>> link_entry_points(const fs::path& stage_root,
                                                  const fs::path& prefix,
                                                  const std::vector<std::string>& names,
                                                  const std::string& scripts)
{
    std::vector<fs::path> links;
    if (names.empty())
    {
        return links;
    }
    auto tree = PYDEB_TRY(StageTree::open(stage_root));
    for (const auto& name : names)
    {
        if (auto checked = check_script_name(name); !checked)
        {
            return fail("entry point '" + name + "': " + checked.error().message);
        }
        const auto target = prefix / scripts / name;
        const auto staged = stage_root / target.relative_path();
        std::error_code error;
        const auto status = fs::symlink_status(staged, error);
        if (error || !(fs::is_regular_file(status) || fs::is_symlink(status)))
        {
            return fail("entry point '" + name + "' is not installed: " + target.string() +
                        " does not exist (check the name against the wheels' console_scripts)");
        }
        const auto link = fs::path("usr/bin") / name;
        PYDEB_TRY(tree.make_symlink(link, target));
        links.push_back(link);
    }
    return links;
}

} // namespace pydeb::install
