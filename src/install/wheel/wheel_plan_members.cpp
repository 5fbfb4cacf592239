#include "install/wheel/wheel_plan.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace pydeb::install
{

namespace
{

// RECORD's own rules (PEP 376, binary distribution format spec "Signed wheel files"): RECORD
// lists itself without hash or size, and never lists its signatures RECORD.jws / RECORD.p7s.
Expected<void> check_record_self_entries(const std::map<std::string, const RecordEntry*>& record,
                                         const std::string& dist_info)
{
    if (const auto it = record.find(dist_info + "/RECORD"); it != record.end())
    {
        if (it->second->hash || it->second->size)
        {
            return fail("RECORD file incorrectly contains hash / size");
        }
    }
    for (const auto* signature : {"/RECORD.jws", "/RECORD.p7s"})
    {
        if (record.contains(dist_info + signature))
        {
            return fail("digital signature file " + dist_info + signature +
                        " is incorrectly contained in RECORD");
        }
    }
    return {};
}

} // namespace

Expected<WheelPlan> plan_members(const Layout& layout, WheelPlan plan,
                                 std::vector<adapters::ZipEntry> entries,
                                 std::vector<RecordEntry> record,
                                 std::vector<std::string>& warnings)
{
    const auto where = plan.wheel.string() + ": ";
    std::map<std::string, const RecordEntry*> by_path;
    for (const auto& entry : record)
    {
        by_path[entry.path] = &entry;
    }
    if (auto checked = check_record_self_entries(by_path, plan.dist_info); !checked)
    {
        return fail(where + "member '" + plan.dist_info + "/RECORD': " + checked.error().message);
    }
    const auto stem = plan.dist_info.substr(0, plan.dist_info.size() - 10);
    const auto data_dir = stem + ".data";
    const auto root_scheme =
        plan.metadata.root_is_purelib == RootIsPurelib::yes ? Scheme::purelib : Scheme::platlib;
    plan.root_directory = layout.scheme_directory(root_scheme, plan.distribution);
    plan.dist_info_destination = plan.root_directory / plan.dist_info;
    std::set<std::string> launcher_names;
    for (const auto& entry_point : plan.entry_points)
    {
        launcher_names.insert(entry_point.name);
    }
    std::set<std::string> seen;
    std::vector<std::string> pycache;
    for (auto& entry : entries)
    {
        PlannedMember member{entry.name, MemberKind::skip, {}, {}, {}, 0644, false};
        const auto member_where = where + "member '" + entry.name + "': ";
        const bool is_file = entry.type == adapters::ZipEntryType::file;
        if (!is_file || entry.name == plan.dist_info + "/RECORD")
        {
            plan.members.push_back(std::move(member));
            continue;
        }
        if (is_pycache_member(entry.name))
        {
            pycache.push_back(entry.name);
            plan.members.push_back(std::move(member));
            continue;
        }
        member.duplicate = !seen.insert(entry.name).second;
        if (entry.name == plan.dist_info + "/RECORD.jws" ||
            entry.name == plan.dist_info + "/RECORD.p7s")
        {
            member.kind = MemberKind::signature;
            member.destination = plan.root_directory / entry.name;
            plan.members.push_back(std::move(member));
            continue;
        }
        const auto listed = by_path.find(entry.name);
        if (listed == by_path.end())
        {
            return fail(member_where + "is not mentioned in RECORD (the wheel spec requires every "
                                       "file to be listed and hashed)");
        }
        if (!listed->second->hash || !listed->second->size)
        {
            return fail(member_where + "hash / size is not included in RECORD");
        }
        member.hash = listed->second->hash;
        member.size = listed->second->size;
        auto target = classify_member(entry.name, data_dir, plan.metadata.root_is_purelib);
        if (!target)
        {
            return fail(member_where + target.error().message);
        }
        member.kind = MemberKind::file;
        member.mode = (entry.mode & 0111) != 0 ? 0755 : 0644;
        if (target->scheme == Scheme::scripts)
        {
            // A subdirectory (scripts/sub/tool.py) is installed as bin/sub/tool.py, with the
            // same #!python rewrite and mode, as pypa/installer does (_core.py: every file of
            // the "scripts" scheme goes through the script path; the name is kept as is).
            // check_member_name has already refused "..", "." and empty components; the first
            // component must still not be an interpreter name (bin/python/...).
            const auto slash = target->relative.find('/');
            const auto first = std::string_view(target->relative).substr(0, slash);
            if (auto name_ok = check_script_name(slash == std::string::npos
                                                     ? std::string_view(target->relative)
                                                     : first);
                !name_ok)
            {
                return fail(member_where + name_ok.error().message);
            }
            member.kind = MemberKind::script;
            member.mode = 0755; // scripts are meant to be run ("may need to add the +x bit")
            if (launcher_names.contains(target->relative))
            {
                warnings.push_back(where + "script '" + target->relative +
                                   "' is replaced by the entry point of the same name");
                member.kind = MemberKind::skip;
            }
        }
        member.destination =
            layout.scheme_directory(target->scheme, plan.distribution) / target->relative;
        plan.members.push_back(std::move(member));
    }
    if (!pycache.empty())
    {
        // pypa/installer skips these too: a shipped .pyc could shadow the verified source.
        const auto shown = std::vector<std::string>(
            pycache.begin(), pycache.begin() + std::min<std::size_t>(pycache.size(), 5));
        warnings.push_back(where + "skipped " + std::to_string(pycache.size()) +
                           " __pycache__ member(s) (" + util::join(shown, ", ") +
                           (pycache.size() > shown.size() ? ", ..." : "") +
                           "): bytecode is never taken from a wheel");
    }
    return plan;
}

} // namespace pydeb::install
