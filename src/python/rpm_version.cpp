// PEP 440 -> RPM version (see rpm_version.hpp). Fedora's pythondistdeps.py RpmVersion writes
// only one suffix (pre, else dev, else post) and drops local parts; pydeb writes them all, in
// an order that makes rpmvercmp agree with PEP 440:
//   1.1~~dev1 < 1.1~a1~~dev1 < 1.1~a1 < 1.1~a1^post1 < 1.1 < 1.1^local.x < 1.1^post1~~dev1
//   < 1.1^post1 < 1.1.1
// ("~" sorts before the end of the string, "^" after it but before any further component;
// rpm.org "Versioning", rpmvercmp). For single-suffix versions the result is Fedora's.
// Known gap: rpm splits a local segment like "abc10" into "abc" and 10 and compares the number
// numerically, where PEP 440 compares the whole segment as a string.
#include "python/rpm_version.hpp"

#include <cstdint>
#include <vector>

namespace pydeb::python
{
namespace
{


} // namespace

std::string to_rpm_version(const Version& version)
{
    std::string out;
    if (version.epoch() != 0)
    {
        out += std::to_string(version.epoch()) + ":";
    }
    std::vector<std::uint64_t> release = version.release();
    while (release.size() > 1 && release.back() == 0)
    {
        release.pop_back();
    }
    for (std::size_t i = 0; i < release.size(); ++i)
    {
        out += (i == 0 ? "" : ".") + std::to_string(release[i]);
    }
    if (version.pre())
    {
        out += "~" + std::string(pre_label(version.pre()->kind)) +
               std::to_string(version.pre()->number);
    }
    if (version.post())
    {
        out += "^post" + std::to_string(*version.post());
    }
    if (version.dev())
    {
        out += "~~dev" + std::to_string(*version.dev());
    }
    if (version.has_local())
    {
        out += "^local." + version.local_string();
    }
    return out;
}

} // namespace pydeb::python
