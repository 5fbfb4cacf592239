// PEP 440 versions: canonical text and ordering (packaging.version.Version.__str__ and _cmpkey).
#include "python/version.hpp"

#include <algorithm>
#include <span>

namespace pydeb::python
{

std::string_view pre_label(PreKind kind)
{
    switch (kind)
    {
    case PreKind::alpha:
        return "a";
    case PreKind::beta:
        return "b";
    case PreKind::rc:
        return "rc";
    }
    return "a";
}

namespace
{


// The release without trailing zeros: "1.0.0" and "1" are the same release (PEP 440 "Release
// segment": zero padding).
std::span<const std::uint64_t> significant(const std::vector<std::uint64_t>& release)
{
    std::size_t size = release.size();
    while (size > 0 && release[size - 1] == 0)
    {
        --size;
    }
    return {release.data(), size};
}

// _cmpkey's pre-release slot: a dev release of a final sorts before every pre-release
// (negative infinity), no pre-release sorts after them (positive infinity).
std::pair<int, PreRelease> pre_key(const Version& v)
{
    if (!v.pre() && !v.post() && v.dev())
    {
        return {0, {}};
    }
    if (!v.pre())
    {
        return {2, {}};
    }
    return {1, *v.pre()};
}

// Local segments: strings sort before numbers, numbers numerically, strings lexicographically.
std::strong_ordering compare_segment(const LocalSegment& a, const LocalSegment& b)
{
    if (a.index() != b.index())
    {
        return a.index() == 1 ? std::strong_ordering::less : std::strong_ordering::greater;
    }
    if (a.index() == 0)
    {
        return std::get<0>(a) <=> std::get<0>(b);
    }
    return std::get<1>(a).compare(std::get<1>(b)) <=> 0;
}

} // namespace

Version Version::from_release(std::vector<std::uint64_t> release, std::uint64_t epoch)
{
    Version v;
    v.m_epoch = epoch;
    if (!release.empty())
    {
        v.m_release = std::move(release);
    }
    return v;
}

std::string Version::local_string() const
{
    std::string out;
    for (const auto& segment : m_local)
    {
        if (!out.empty())
        {
            out += '.';
        }
        out += segment.index() == 0 ? std::to_string(std::get<0>(segment)) : std::get<1>(segment);
    }
    return out;
}

std::string Version::to_string() const
{
    std::string out;
    if (m_epoch != 0)
    {
        out += std::to_string(m_epoch) + "!";
    }
    for (std::size_t i = 0; i < m_release.size(); ++i)
    {
        out += (i == 0 ? "" : ".") + std::to_string(m_release[i]);
    }
    if (m_pre)
    {
        out += std::string(pre_label(m_pre->kind)) + std::to_string(m_pre->number);
    }
    if (m_post)
    {
        out += ".post" + std::to_string(*m_post);
    }
    if (m_dev)
    {
        out += ".dev" + std::to_string(*m_dev);
    }
    if (!m_local.empty())
    {
        out += "+" + local_string();
    }
    return out;
}

Version Version::base_version() const
{
    Version v;
    v.m_epoch = m_epoch;
    v.m_release = m_release;
    return v;
}

Version Version::public_version() const
{
    Version v = *this;
    v.m_local.clear();
    return v;
}

std::strong_ordering Version::operator<=>(const Version& other) const
{
    if (const auto c = m_epoch <=> other.m_epoch; c != 0)
    {
        return c;
    }
    const auto a = significant(m_release);
    const auto b = significant(other.m_release);
    if (const auto c =
            std::lexicographical_compare_three_way(a.begin(), a.end(), b.begin(), b.end());
        c != 0)
    {
        return c;
    }
    if (const auto c = pre_key(*this) <=> pre_key(other); c != 0)
    {
        return c;
    }
    // No post release sorts before any post release; no dev release after any dev release.
    const auto post_key = [](const Version& v) {
        return std::pair{v.m_post.has_value() ? 1 : 0, v.m_post.value_or(0)};
    };
    if (const auto c = post_key(*this) <=> post_key(other); c != 0)
    {
        return c;
    }
    const auto dev_key = [](const Version& v) {
        return std::pair{v.m_dev.has_value() ? 0 : 1, v.m_dev.value_or(0)};
    };
    if (const auto c = dev_key(*this) <=> dev_key(other); c != 0)
    {
        return c;
    }
    // Without a local part sorts first; then segment by segment, a shorter prefix first.
    return std::lexicographical_compare_three_way(m_local.begin(), m_local.end(),
                                                  other.m_local.begin(), other.m_local.end(),
                                                  compare_segment);
}

} // namespace pydeb::python
