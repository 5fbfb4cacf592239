#include "depmap/map.hpp"

#include "depmap/deb_mapper.hpp"
#include "depmap/deb_relations.hpp"
#include "depmap/interpreter.hpp"
#include "depmap/libsolv/installable.hpp"
#include "depmap/rpm_requires.hpp"
#include "elf/scan.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace pydeb::depmap
{

std::string_view to_string(Provenance provenance)
{
    switch (provenance)
    {
    case Provenance::symbols:
        return "symbols";
    case Provenance::shlibs:
        return "shlibs";
    case Provenance::package:
        return "package";
    case Provenance::rpm_soname:
        return "rpm-soname";
    case Provenance::bundled:
        return "bundled";
    case Provenance::not_found:
        return "not-found";
    }
    return "unknown";
}

namespace
{

Expected<Mapping> map_rpm(const MapRequest& request, std::span<const elf::ElfObject> objects)
{
    Mapping mapping;
    std::set<std::string> requires_;
    for (const auto& object : objects)
    {
        std::set<std::string> bundled;
        for (const auto& soname : object.needed)
        {
            if (auto library = elf::find_in_bundle(object, soname, request.stage_root))
            {
                bundled.insert(soname);
                mapping.sonames.push_back(
                    {object.install_path, soname, "", Provenance::bundled,
                     "/" + library->lexically_relative(request.stage_root).string()});
            }
            else if (!rpm_skips_soname(soname))
            {
                mapping.sonames.push_back(
                    {object.install_path, soname,
                     rpm_soname_dependency(soname, "", object.elf_class, object.machine),
                     Provenance::rpm_soname, ""});
            }
        }
        for (auto& dep : rpm_requires_for(object, bundled))
        {
            requires_.insert(std::move(dep));
        }
    }
    if (!request.interpreter.empty())
    {
        auto relation =
            PYDEB_TRY(rpm_interpreter_relation(request.interpreter, request.system_root));
        requires_.insert(relation.relations.begin(), relation.relations.end());
    }
    requires_.insert(request.extra_depends.begin(), request.extra_depends.end());
    mapping.rpm_requires.assign(requires_.begin(), requires_.end());
    if (!request.repos.empty())
    {
        for (const auto& missing : PYDEB_TRY(libsolv::unprovided_rpm_requires(
                 mapping.rpm_requires, request.repos, request.cache)))
        {
            mapping.warnings.push_back("nothing in the target repositories provides " + missing);
        }
    }
    return mapping;
}

Expected<Mapping> map_deb(const MapRequest& request, std::span<const elf::ElfObject> objects)
{
    const auto database = PYDEB_TRY(DpkgDatabase::open(request.system_root, request.cache));
    const HostLibraries libraries(request.system_root);
    const HostOrigin host(database, libraries);
    const LibraryOrigin& origin = request.libraries != nullptr ? *request.libraries : host;
    auto debian = PYDEB_TRY(map_debian(objects, request.stage_root, request.prefix, origin));
    Mapping mapping;
    mapping.sonames = std::move(debian.sonames);
    mapping.warnings = std::move(debian.warnings);
    std::vector<std::string> depends = std::move(debian.depends);
    if (!request.interpreter.empty())
    {
        auto relation = PYDEB_TRY(debian_interpreter_relation(database, request.interpreter));
        depends.insert(depends.end(), relation.relations.begin(), relation.relations.end());
    }
    depends.insert(depends.end(), request.extra_depends.begin(), request.extra_depends.end());
    mapping.deb_depends = merge_relations(depends);
    return mapping;
}

} // namespace

Expected<Mapping> map_dependencies(const MapRequest& request)
{
    return request.target == Target::deb ? map_deb(request, request.objects)
                                         : map_rpm(request, request.objects);
}

Expected<std::vector<std::string>> check_installable(const InstallCheck& check)
{
    auto problems = PYDEB_TRY(libsolv::install_problems(check, "/"));
    if (!problems.empty() && check.policy == ProblemPolicy::error)
    {
        return fail(check.package_name + " would not install on the target system:\n  " +
                    util::join(problems, "\n  ") +
                    "\n(install or add the missing packages to the target repositories, fix the "
                    "dependency in the spec, or turn this check into warnings)");
    }
    return problems;
}

Expected<std::map<std::string, std::vector<std::string>>>
deb_package_versions(const std::vector<std::string>& names, const std::vector<RepoSource>& repos,
                     const util::CacheStore& cache)
{
    return libsolv::deb_package_versions(names, repos, cache);
}

std::vector<std::string> describe(const Mapping& mapping, const fs::path& prefix)
{
    std::vector<std::string> lines;
    for (const auto& mapped : mapping.sonames)
    {
        const auto rel = mapped.object.lexically_relative(prefix);
        const auto object = rel.empty() || *rel.begin() == ".." ? mapped.object : rel;
        std::string line = object.string() + ": " + mapped.soname + " -> ";
        line += mapped.relation.empty()
                    ? (mapped.provenance == Provenance::bundled ? mapped.detail
                                                                : std::string("(nothing)"))
                    : mapped.relation;
        line += " [" + std::string(to_string(mapped.provenance)) + "]";
        lines.push_back(std::move(line));
    }
    return lines;
}

std::vector<std::string> side_by_side(const std::vector<std::string>& names,
                                      const std::vector<Mapping>& mappings)
{
    // soname → one cell per target
    std::map<std::string, std::vector<std::vector<std::string>>> rows;
    for (std::size_t column = 0; column < mappings.size(); ++column)
    {
        for (const MappedSoname& mapped : mappings[column].sonames)
        {
            auto& cells = rows[mapped.soname];
            cells.resize(mappings.size());
            const std::string cell = !mapped.relation.empty()                   ? mapped.relation
                                     : mapped.provenance == Provenance::bundled ? "bundled"
                                                                                : "(nothing)";
            if (std::ranges::find(cells[column], cell) == cells[column].end())
            {
                cells[column].push_back(cell);
            }
        }
    }
    std::vector<std::vector<std::string>> table{{"soname"}};
    table.front().insert(table.front().end(), names.begin(), names.end());
    for (auto& [soname, cells] : rows)
    {
        std::vector<std::string> line{soname};
        for (const auto& cell : cells)
        {
            line.push_back(cell.empty() ? "-" : util::join(cell, " | "));
        }
        table.push_back(std::move(line));
    }
    std::vector<std::size_t> widths(names.size() + 1, 0);
    for (const auto& line : table)
    {
        for (std::size_t i = 0; i < line.size(); ++i)
        {
            widths[i] = std::max(widths[i], line[i].size());
        }
    }
    std::vector<std::string> lines;
    for (const auto& line : table)
    {
        std::string text;
        for (std::size_t i = 0; i < line.size(); ++i)
        {
            text += line[i];
            if (i + 1 < line.size())
            {
                text += std::string(widths[i] - line[i].size() + 2, ' ');
            }
        }
        lines.push_back(std::move(text));
    }
    return lines;
}

} // namespace pydeb::depmap
