#include "explain/report.hpp"

#include "python/name.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

namespace pydeb::explain
{

namespace
{

using util::json::Array;
using util::json::Object;

std::string mib(std::uint64_t bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

std::string chain_text(const DistributionReason& reason)
{
    if (reason.chain.empty())
    {
        return "not required by any requirement (the project itself)";
    }
    std::string out;
    for (const Edge& edge : reason.chain)
    {
        out += out.empty() ? "" : " -> ";
        out += (edge.from.empty() ? std::string("spec") : edge.from) + " requires " +
               edge.requirement;
    }
    return out;
}

} // namespace

std::vector<SystemReason> system_reasons(const depmap::Mapping& mapping, depmap::Target target,
                                         const std::filesystem::path& prefix)
{
    std::map<std::pair<std::string, std::string>, SystemReason> grouped;
    for (const depmap::MappedSoname& mapped : mapping.sonames)
    {
        if (mapped.relation.empty())
        {
            continue; // bundled or not found: no relation to explain
        }
        SystemReason& reason = grouped[{mapped.relation, mapped.soname}];
        reason.target = target == depmap::Target::deb ? "deb" : "rpm";
        reason.relation = mapped.relation;
        reason.package = mapped.relation.substr(0, mapped.relation.find_first_of(" (|"));
        reason.soname = mapped.soname;
        reason.provenance = std::string(depmap::to_string(mapped.provenance));
        reason.objects.push_back(mapped.object.lexically_relative(prefix).string());
    }
    std::vector<SystemReason> out;
    for (auto& [key, reason] : grouped)
    {
        std::ranges::sort(reason.objects);
        reason.objects.erase(std::unique(reason.objects.begin(), reason.objects.end()),
                             reason.objects.end());
        out.push_back(std::move(reason));
    }
    std::ranges::sort(out, {}, [](const SystemReason& r) {
        return std::tie(r.target, r.package, r.soname, r.relation);
    });
    return out;
}

Expected<Report> select(Report report, std::string_view what)
{
    const std::string name = python::normalize_name(what);
    std::erase_if(report.system, [&](const SystemReason& r) {
        return r.package != what && r.soname != what && r.relation != what;
    });
    std::erase_if(report.distributions,
                  [&](const DistributionReason& d) { return d.name != name; });
    std::erase_if(report.space, [&](const Usage& u) { return u.name != name; });
    if (report.system.empty() && report.distributions.empty())
    {
        return fail(std::string(what) +
                    ": neither a system dependency (package or soname) nor a bundled distribution "
                    "of this package; `pydeb explain SPEC` lists them all");
    }
    return report;
}

std::string render_text(const Report& report)
{
    std::string out;
    for (const SystemReason& r : report.system)
    {
        out += r.target + ": " + r.relation + " [" + r.provenance + "]: " + r.soname +
               " needed by " + util::join(r.objects, ", ") + "\n";
    }
    for (const DistributionReason& d : report.distributions)
    {
        out += d.name + " " + d.version + ": " + chain_text(d) + "\n";
    }
    if (!report.space.empty())
    {
        out += "installed size (bytes: code, bytecode, native, data):\n";
    }
    for (const Usage& u : report.space)
    {
        char line[256];
        std::snprintf(line, sizeof line, "%12llu %10s  %-24s %llu files; %s, %s, %s, %s\n",
                      static_cast<unsigned long long>(u.bytes), mib(u.bytes).c_str(),
                      u.name.c_str(), static_cast<unsigned long long>(u.files),
                      mib(u.by_kind[0]).c_str(), mib(u.by_kind[1]).c_str(),
                      mib(u.by_kind[2]).c_str(), mib(u.by_kind[3]).c_str());
        out += line;
    }
    return out;
}

std::string render_json(const Report& report)
{
    Array system;
    for (const SystemReason& r : report.system)
    {
        Array objects(r.objects.begin(), r.objects.end());
        system.push_back(Object{{"target", r.target},
                                {"package", r.package},
                                {"relation", r.relation},
                                {"soname", r.soname},
                                {"provenance", r.provenance},
                                {"objects", std::move(objects)}});
    }
    Array distributions;
    for (const DistributionReason& d : report.distributions)
    {
        Array chain;
        for (const Edge& edge : d.chain)
        {
            chain.push_back(Object{{"from", edge.from.empty() ? util::json::Value()
                                                              : util::json::Value(edge.from)},
                                   {"requirement", edge.requirement}});
        }
        distributions.push_back(
            Object{{"name", d.name}, {"version", d.version}, {"chain", std::move(chain)}});
    }
    Array space;
    for (const Usage& u : report.space)
    {
        Object row{{"name", u.name}, {"bytes", u.bytes}, {"files", u.files}};
        for (const FileKind kind : k_file_kinds)
        {
            row.emplace_back(std::string(to_string(kind)),
                             u.by_kind[static_cast<std::size_t>(kind)]);
        }
        space.push_back(std::move(row));
    }
    return util::json::dump(Object{{"system", std::move(system)},
                                   {"distributions", std::move(distributions)},
                                   {"space", std::move(space)}});
}

} // namespace pydeb::explain
