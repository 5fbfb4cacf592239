// PEP 440 -> RPM version strings, as Fedora's Python dependency generator does
// (pythondistdeps.py / pyreq2rpm convert), so that RPM's own ordering (rpmvercmp, with "~" sorting
// before anything and "^" after the base but before a following component) agrees with PEP 440.
#pragma once

#include "python/version.hpp"

#include <string>

namespace pydeb::python
{

// "1!2.1rc1.post2.dev3+ubuntu.1" -> "1:2.1~rc1^post2~~dev3^local.ubuntu.1":
//   epoch        -> "E:"
//   pre-release  -> "~a1" / "~b1" / "~rc1"
//   post-release -> "^post1"
//   dev release  -> "~~dev1" (sorting before pre-releases of the same release)
//   local        -> "^local.<segments>": after the public version, before its post releases
//                   ("local" < "post"); a plain "+local" would sort after "^post1".
//   release      -> trailing zeros dropped ("1.0" -> "1"), since PEP 440 holds 1.0 == 1 and
//                   rpmvercmp does not (pythondistdeps.py RpmVersion does the same)
[[nodiscard]] std::string to_rpm_version(const Version& version);

} // namespace pydeb::python
