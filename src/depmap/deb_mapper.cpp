#include "depmap/deb_mapper.hpp"

#include "depmap/deb_package_info.hpp"
#include "depmap/deb_relations.hpp"
#include "elf/scan.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace pydeb::depmap
{

namespace
{

struct External
{
    std::size_t object = 0;
    std::string soname;
    std::optional<fs::path> library; // on the host
};

bool under(const fs::path& path, const fs::path& prefix)
{
    const auto rel = path.lexically_relative(prefix);
    return !prefix.empty() && !rel.empty() && *rel.begin() != "..";
}

// The library that defines `name` only at other versions ("libc.so.6 has only
// __libc_start_main@GLIBC_2.2.5"): the release's library predates the version the object needs.
std::optional<std::string>
older_library(const std::vector<std::pair<std::string, const SymbolsObject*>>& with_symbols,
              const std::string& name)
{
    const std::string prefix = name + "@";
    for (const auto& [soname, symbols] : with_symbols)
    {
        const auto it = symbols->symbols.lower_bound(prefix);
        if (it != symbols->symbols.end() && it->first.starts_with(prefix))
        {
            const std::string& templ = symbols->dependencies.at(0);
            return soname + " of " + templ.substr(0, templ.find(' ')) + " (it has only " +
                   it->first + ")";
        }
    }
    return std::nullopt;
}

} // namespace

std::vector<fs::path> outside_search_directories(const elf::ElfObject& object,
                                                 const fs::path& prefix)
{
    std::vector<fs::path> directories;
    for (const auto& dir : elf::search_directories(object))
    {
        if (!under(dir, prefix))
        {
            directories.push_back(dir);
        }
    }
    return directories;
}

Expected<DebianMapping> map_debian(std::span<const elf::ElfObject> objects,
                                   const fs::path& stage_root, const fs::path& prefix,
                                   const LibraryOrigin& origin)
{
    DebianMapping mapping;
    std::vector<External> externals;
    std::vector<fs::path> library_paths;
    for (std::size_t i = 0; i < objects.size(); ++i)
    {
        const auto& object = objects[i];
        const std::vector<fs::path> extra = outside_search_directories(object, prefix);
        for (const auto& soname : object.needed)
        {
            if (auto bundled = elf::find_in_bundle(object, soname, stage_root))
            {
                mapping.sonames.push_back({object.install_path, soname, "", Provenance::bundled,
                                           "/" + bundled->lexically_relative(stage_root).string()});
                continue;
            }
            auto library = origin.locate(soname, object.elf_class, object.machine, extra);
            if (library)
            {
                library_paths.push_back(*library);
            }
            externals.push_back({i, soname, library});
        }
    }
    const auto owners = origin.find_owners(library_paths);
    const auto used = used_symbol_names(objects);
    std::map<std::string, PackageInfo> packages;
    for (const auto& [path, owner] : owners)
    {
        if (!packages.contains(owner))
        {
            packages.emplace(owner,
                             PYDEB_TRY(origin.package_info(owner, used ? &*used : nullptr)));
        }
    }

    DependencySet global;
    // A target release that lacks a library, or has an older one (errors, all of them listed).
    std::vector<std::string> errors;
    // Every object needs libc.so.6: its smallest minver is found once, not once per object.
    std::map<const SymbolsObject*, std::string> smallest;
    for (std::size_t i = 0; i < objects.size(); ++i)
    {
        const auto& object = objects[i];
        DependencySet local;
        // Sonames with a symbols file, in DT_NEEDED order: symbol lookups try them in turn
        // (Dpkg::Shlibs::SymbolFile::lookup_symbol over @sonames).
        std::vector<std::pair<std::string, const SymbolsObject*>> with_symbols;
        std::vector<std::pair<std::size_t, std::string>> templates; // mapping index, template
        for (const auto& external : externals)
        {
            if (external.object != i)
            {
                continue;
            }
            MappedSoname mapped{object.install_path, external.soname, "", Provenance::not_found,
                                ""};
            const auto owner = external.library ? owners.find(*external.library) : owners.end();
            if (!external.library)
            {
                mapped.detail = "no " + elf::describe_abi(object.elf_class, object.machine) +
                                " library of that name " + origin.where();
                if (origin.missing_is_error())
                {
                    errors.push_back(object.install_path.string() + ": " + external.soname +
                                     ": " + mapped.detail);
                }
                mapping.warnings.push_back(object.install_path.string() + ": " + external.soname +
                                           ": " + mapped.detail +
                                           "; install the package that ships it, or bundle it");
            }
            else if (owner == owners.end())
            {
                mapped.detail = external.library->string() + " belongs to no package " +
                                origin.where();
                if (origin.missing_is_error())
                {
                    errors.push_back(object.install_path.string() + ": " + external.soname +
                                     ": " + mapped.detail);
                }
                mapping.warnings.push_back(object.install_path.string() + ": " + external.soname +
                                           ": " + mapped.detail + " (dpkg -S finds nothing)");
            }
            else
            {
                const auto& info = packages.at(owner->second);
                const SymbolsObject* symbols =
                    info.symbols ? info.symbols->find(external.soname) : nullptr;
                mapped.detail = external.library->string() + " from " + owner->second;
                if (symbols != nullptr && !symbols->dependencies.empty())
                {
                    mapped.provenance = Provenance::symbols;
                    auto known = smallest.find(symbols);
                    if (known == smallest.end())
                    {
                        known = smallest.emplace(symbols, smallest_version(*symbols)).first;
                    }
                    const std::string& minver = known->second;
                    local.update(symbols->dependencies[0], minver);
                    global.update(symbols->dependencies[0], minver);
                    with_symbols.emplace_back(external.soname, symbols);
                    templates.emplace_back(mapping.sonames.size(), symbols->dependencies[0]);
                }
                else if (auto dep = lookup_shlibs(info.shlibs, external.soname))
                {
                    mapped.provenance = Provenance::shlibs;
                    mapped.relation = *dep;
                    global.add_unversioned(*dep);
                }
                else
                {
                    // dpkg-shlibdeps stops here ("no dependency information found"); the owner
                    // itself is still the right package, only the minimum version is unknown.
                    mapped.provenance = Provenance::package;
                    mapped.relation = owner->second;
                    global.add_unversioned(owner->second);
                    mapping.warnings.push_back(object.install_path.string() + ": " +
                                               external.soname + ": " + owner->second +
                                               " has no shlibs or symbols file; depending on it "
                                               "unversioned");
                }
            }
            mapping.sonames.push_back(std::move(mapped));
        }
        std::string key; // reused: thousands of symbols
        for (const auto& symbol : object.undefined_symbols)
        {
            key.assign(symbol.name)
                .append("@")
                .append(symbol.version.empty() ? "Base" : symbol.version);
            bool known = false;
            for (const auto& [soname, symbols] : with_symbols)
            {
                auto it = symbols->symbols.find(key);
                if (it == symbols->symbols.end())
                {
                    continue;
                }
                if (it->second.dep_id < symbols->dependencies.size())
                {
                    local.update(symbols->dependencies[it->second.dep_id], it->second.minver);
                    global.update(symbols->dependencies[it->second.dep_id], it->second.minver);
                }
                known = true;
                break;
            }
            if (!known && !symbol.version.empty() && origin.missing_is_error())
            {
                if (auto older = older_library(with_symbols, symbol.name))
                {
                    errors.push_back(object.install_path.string() + ": " + key + ": " +
                                     *older + " " + origin.where() +
                                     " is older than the one it was linked against");
                }
            }
        }
        for (const auto& [index, templ] : templates)
        {
            std::vector<std::string> parts;
            for (const auto& part : util::split(templ, ','))
            {
                parts.push_back(local.render(std::string(util::trim(part))));
            }
            mapping.sonames[index].relation = util::join(parts, ", ");
        }
    }
    // Report per object, in DT_NEEDED order (bundled ones were collected first).
    std::map<fs::path, const std::vector<std::string>*> needed;
    for (const auto& object : objects)
    {
        needed.emplace(object.install_path, &object.needed);
    }
    const auto position = [&](const MappedSoname& m)
    {
        const auto* list = needed.at(m.object);
        return std::pair(m.object, std::ranges::find(*list, m.soname) - list->begin());
    };
    std::ranges::stable_sort(mapping.sonames, {}, position);
    mapping.depends = global.render_all();
    if (!errors.empty())
    {
        return fail("the package's ELF objects need what the release does not have:\n  " +
                    util::join(errors, "\n  ") +
                    "\n(bundle these libraries, or build on the oldest release you target)");
    }
    return mapping;
}

} // namespace pydeb::depmap
