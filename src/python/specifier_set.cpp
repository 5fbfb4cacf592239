// PEP 440 specifier sets: comma-separated clauses that must all match, with the pre-release
// policy of packaging.specifiers.SpecifierSet.
#include "python/specifier.hpp"
#include "util/strings.hpp"

#include <algorithm>

namespace pydeb::python
{
namespace
{

// packaging's Specifier equality: same operator and same version up to trailing release zeros
// (kept for ~=, where they change the meaning) and spelling.
bool same(const Specifier& a, const Specifier& b)
{
    if (a.op != b.op)
    {
        return false;
    }
    if (a.op == Operator::arbitrary)
    {
        const auto left = Version::parse(a.version_text);
        const auto right = Version::parse(b.version_text);
        return left && right ? *left == *right : a.version_text == b.version_text;
    }
    if (a.op == Operator::compatible || a.op == Operator::equal_prefix ||
        a.op == Operator::not_equal_prefix)
    {
        return a.version.to_string() == b.version.to_string();
    }
    return a.version == b.version;
}

} // namespace

Expected<SpecifierSet> SpecifierSet::parse(std::string_view text)
{
    std::vector<Specifier> specifiers;
    for (const std::string& part : util::split(text, ','))
    {
        if (util::trim(part).empty())
        {
            continue; // packaging skips empty clauses (">=1.0,,<2")
        }
        specifiers.push_back(PYDEB_TRY(Specifier::parse(part)));
    }
    // packaging keeps a set (">=1" and ">=1.0" are one element, the first written) and prints
    // it sorted; do the same so output is stable.
    std::vector<Specifier> unique;
    for (Specifier& spec : specifiers)
    {
        if (std::ranges::none_of(unique, [&](const Specifier& seen) { return same(seen, spec); }))
        {
            unique.push_back(std::move(spec));
        }
    }
    std::ranges::sort(unique, {}, &Specifier::to_string);
    return SpecifierSet(std::move(unique));
}

std::string SpecifierSet::to_string() const
{
    std::string out;
    for (const Specifier& spec : m_specifiers)
    {
        out += (out.empty() ? "" : ",") + spec.to_string();
    }
    return out;
}

bool SpecifierSet::mentions_prerelease() const
{
    return std::ranges::any_of(m_specifiers, &Specifier::mentions_prerelease);
}

bool SpecifierSet::contains(const Version& candidate, PreReleases pre_releases) const
{
    if (candidate.is_prerelease() && pre_releases == PreReleases::exclude && !mentions_prerelease())
    {
        return false;
    }
    return std::ranges::all_of(m_specifiers,
                               [&](const Specifier& spec) { return spec.contains(candidate); });
}

} // namespace pydeb::python
