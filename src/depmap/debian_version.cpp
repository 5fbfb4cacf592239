#include "depmap/debian_version.hpp"

#include <cctype>
#include <charconv>

namespace pydeb::depmap
{

namespace
{

struct Parts
{
    unsigned long epoch = 0;
    std::string_view upstream;
    std::string_view revision;
};

Parts split(std::string_view version)
{
    Parts parts;
    if (auto colon = version.find(':'); colon != std::string_view::npos)
    {
        // A malformed epoch reads as 0 rather than throwing: versions come from files on disk.
        std::from_chars(version.data(), version.data() + colon, parts.epoch);
        version.remove_prefix(colon + 1);
    }
    if (auto dash = version.rfind('-'); dash != std::string_view::npos)
    {
        parts.revision = version.substr(dash + 1);
        version = version.substr(0, dash);
    }
    parts.upstream = version;
    return parts;
}

int order(int c)
{
    if (std::isdigit(c) != 0)
    {
        return 0;
    }
    if (std::isalpha(c) != 0)
    {
        return c;
    }
    if (c == '~')
    {
        return -1;
    }
    return c != 0 ? c + 256 : 0;
}

// dpkg's verrevcmp, on string_views (an exhausted view reads as '\0'). As in dpkg's C strings, a
// '\0' ends the version: a damaged file's NUL byte must not keep the loop from advancing.
int verrevcmp(std::string_view a, std::string_view b)
{
    std::size_t i = 0;
    std::size_t j = 0;
    const auto at = [](std::string_view s, std::size_t k) -> int
    { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0; };
    while (at(a, i) != 0 || at(b, j) != 0)
    {
        int first_diff = 0;
        while ((at(a, i) != 0 && std::isdigit(at(a, i)) == 0) ||
               (at(b, j) != 0 && std::isdigit(at(b, j)) == 0))
        {
            const int ac = order(at(a, i));
            const int bc = order(at(b, j));
            if (ac != bc)
            {
                return ac - bc;
            }
            ++i;
            ++j;
        }
        while (at(a, i) == '0')
        {
            ++i;
        }
        while (at(b, j) == '0')
        {
            ++j;
        }
        while (std::isdigit(at(a, i)) != 0 && std::isdigit(at(b, j)) != 0)
        {
            if (first_diff == 0)
            {
                first_diff = at(a, i) - at(b, j);
            }
            ++i;
            ++j;
        }
        if (std::isdigit(at(a, i)) != 0)
        {
            return 1;
        }
        if (std::isdigit(at(b, j)) != 0)
        {
            return -1;
        }
        if (first_diff != 0)
        {
            return first_diff;
        }
    }
    return 0;
}

} // namespace

int compare_debian_versions(std::string_view a, std::string_view b)
{
    const Parts pa = split(a);
    const Parts pb = split(b);
    if (pa.epoch != pb.epoch)
    {
        return pa.epoch < pb.epoch ? -1 : 1;
    }
    if (int c = verrevcmp(pa.upstream, pb.upstream); c != 0)
    {
        return c;
    }
    return verrevcmp(pa.revision, pb.revision);
}

} // namespace pydeb::depmap
