#include "package/rpm/relations.hpp"

#include "adapters/rpm/tags.hpp"

#include <array>
#include <utility>

namespace pydeb::package::rpm
{

namespace sense = adapters::rpm::sense;

namespace
{

Expected<std::vector<Dependency>> parse_all(std::string_view relation,
                                            const std::vector<std::string>& texts, Rich rich)
{
    std::vector<Dependency> out;
    for (const auto& text : texts)
    {
        auto dependency = parse_dependency(text, rich);
        if (!dependency)
        {
            return std::unexpected(context(relation, std::move(dependency).error()));
        }
        out.push_back(std::move(*dependency));
    }
    return out;
}

// rpm's %{_isa} suffix (platform macros: %_isa "(%{__isa_name}-%{__isa_bits})"), so that
// "Requires: NAME%{?_isa}" in other packages matches this one.
std::string_view isa_suffix(std::string_view arch)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> k_isa{{
        {"x86_64", "(x86-64)"},
        {"aarch64", "(aarch-64)"},
        {"i686", "(x86-32)"},
        {"ppc64le", "(ppc-64)"},
        {"s390x", "(s390-64)"},
        {"riscv64", "(riscv-64)"},
    }};
    for (const auto& [name, suffix] : k_isa)
    {
        if (name == arch)
        {
            return suffix;
        }
    }
    return {};
}

bool uses(const std::vector<Dependency>& dependencies, char c)
{
    for (const auto& dependency : dependencies)
    {
        if (dependency.version.find(c) != std::string::npos ||
            (dependency.flags == sense::any && dependency.name.starts_with('(') &&
             dependency.name.find(c) != std::string::npos))
        {
            return true;
        }
    }
    return false;
}

} // namespace

Expected<DependencySets> collect_dependencies(const PackageInfo& info, const Scriptlets& scriptlets,
                                              const PayloadFeatures& payload)
{
    const auto& relations = info.relations;
    DependencySets sets;
    sets.requires_ = PYDEB_TRY(parse_all("rpm requires", relations.rpm_requires, Rich::allowed));
    sets.provides = PYDEB_TRY(parse_all("rpm provides", relations.rpm_provides, Rich::refused));
    sets.conflicts = PYDEB_TRY(parse_all("rpm conflicts", relations.rpm_conflicts, Rich::refused));
    sets.obsoletes = PYDEB_TRY(parse_all("rpm obsoletes", relations.rpm_obsoletes, Rich::refused));
    sets.recommends =
        PYDEB_TRY(parse_all("rpm recommends", relations.rpm_recommends, Rich::allowed));

    // rpmbuild's own Provides: NAME = [E:]V-R, its arch-qualified twin, and config(NAME) when
    // the package has %config files (build/files.c, build/pack.c).
    const std::string own =
        evr(info.epoch.value_or(0), info.epoch.has_value(), info.version, info.release);
    sets.provides.push_back({info.name, sense::equal, own});
    if (const auto isa = isa_suffix(info.rpm_architecture); !isa.empty())
    {
        sets.provides.push_back({info.name + std::string(isa), sense::equal, own});
    }
    if (payload.has_config_files)
    {
        sets.provides.push_back({"config(" + info.name + ")", sense::equal | sense::config, own});
    }

    // Each scriptlet requires its interpreter, flagged with the scriptlet it serves, so rpm
    // orders /bin/sh's installation first (rpmbuild: addReqProv(..., RPMSENSE_INTERP | ...)).
    const std::array<std::pair<const std::string*, std::uint32_t>, 5> scripts{{
        {&scriptlets.pre, sense::script_pre},
        {&scriptlets.post, sense::script_post},
        {&scriptlets.preun, sense::script_preun},
        {&scriptlets.postun, sense::script_postun},
        {&scriptlets.posttrans, sense::posttrans},
    }};
    for (const auto& [body, flag] : scripts)
    {
        if (!body->empty())
        {
            sets.requires_.push_back({"/bin/sh", sense::interp | flag, {}});
        }
    }

    Features features;
    features.zstd_payload = payload.compressor == "zstd";
    features.xz_payload = payload.compressor == "xz";
    for (const auto* set :
         {&sets.requires_, &sets.provides, &sets.conflicts, &sets.obsoletes, &sets.recommends})
    {
        features.tilde_in_versions = features.tilde_in_versions || uses(*set, '~');
        features.caret_in_versions = features.caret_in_versions || uses(*set, '^');
    }
    for (const auto* set : {&sets.requires_, &sets.recommends})
    {
        for (const auto& dependency : *set)
        {
            features.rich_dependencies =
                features.rich_dependencies || dependency.name.starts_with('(');
        }
    }
    for (auto& dependency : rpmlib_requires(features))
    {
        sets.requires_.push_back(std::move(dependency));
    }
    for (auto* set :
         {&sets.requires_, &sets.provides, &sets.conflicts, &sets.obsoletes, &sets.recommends})
    {
        sort_unique(*set);
    }
    return sets;
}

} // namespace pydeb::package::rpm
