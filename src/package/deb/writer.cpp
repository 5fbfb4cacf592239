#include "package/deb/writer.hpp"

#include "package/deb/assembly.hpp"

namespace pydeb::package::deb
{

std::string conventional_filename(const PackageInfo& info)
{
    std::string version = info.version;
    if (!info.release.empty())
    {
        version += "-" + info.release;
    }
    return info.name + "_" + version + "_" + info.deb_architecture + ".deb";
}

Expected<void> write_package(const PackageInfo& info, const std::filesystem::path& output_path,
                             const WriteOptions& options)
{
    const DebPlan plan = PYDEB_TRY(plan_package(info, output_path));
    return write_planned(info, plan, output_path, options);
}

} // namespace pydeb::package::deb
