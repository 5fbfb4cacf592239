// dpkg-shlibdeps' dependency accumulator (%dependencies in dpkg-shlibdeps.pl): each dependency
// template ("libc6 #MINVER#", "zlib1g (>= 1:1.2.3.3.dfsg-1)") carries the highest minimum version
// any used symbol asked for; rendering substitutes #MINVER# with "(>= V)".
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::depmap
{

class DependencySet
{
public:
    // update_dependency_version(): every comma-separated part of `templates` is raised to
    // `minver` when that is higher (an unversioned entry is always replaced).
    void update(std::string_view templates, std::string_view minver);
    // shlibs entries (add_shlibs_dep): the parts are added unversioned, their text is final.
    void add_unversioned(std::string_view dependency);

    // One template, rendered: "libc6 #MINVER#" with 2.34 -> "libc6 (>= 2.34)". A minver of "" or
    // "0" renders unversioned, as Perl's truth test on Dpkg::Version does.
    [[nodiscard]] std::string render(const std::string& part) const;
    // Every template rendered, then merged with merge_relations().
    [[nodiscard]] std::vector<std::string> render_all() const;

    [[nodiscard]] bool empty() const { return m_minver.empty(); }

private:
    std::map<std::string, std::string, std::less<>> m_minver;
};

// Merge relation strings: exact duplicates dropped; for one package, "p (>= a)" and "p (>= b)"
// keep the higher, and a bare "p" is dropped when a versioned "p" is present (Dpkg::Deps
// simplify_deps for the cases shlibdeps produces). Sorted by package name as deps_parse->sort.
[[nodiscard]] std::vector<std::string> merge_relations(const std::vector<std::string>& relations);

} // namespace pydeb::depmap
