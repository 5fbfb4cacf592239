// The Trove license classifiers (https://pypi.org/classifiers/) that name exactly one license of
// the SPDX License List. The others ("BSD License", "GNU General Public License (GPL)", "Other/
// Proprietary License", ...) leave the version or the text open, so they map to nothing and the
// declared license falls back to the License field (sbom/license.hpp).
#include "sbom/license.hpp"

#include <array>
#include <utility>

namespace pydeb::sbom
{

namespace
{

constexpr std::array<std::pair<std::string_view, std::string_view>, 28> k_classifiers{{
    {"License :: CC0 1.0 Universal (CC0 1.0) Public Domain Dedication", "CC0-1.0"},
    // No version in its name, but Apache 1.1 was retired in 2004: the projects that use it
    // (requests, ...) ship the Apache License 2.0, and SPDX tools read it so.
    {"License :: OSI Approved :: Apache Software License", "Apache-2.0"},
    {"License :: OSI Approved :: Boost Software License 1.0 (BSL-1.0)", "BSL-1.0"},
    {"License :: OSI Approved :: Eclipse Public License 1.0 (EPL-1.0)", "EPL-1.0"},
    {"License :: OSI Approved :: Eclipse Public License 2.0 (EPL-2.0)", "EPL-2.0"},
    {"License :: OSI Approved :: European Union Public Licence 1.1 (EUPL 1.1)", "EUPL-1.1"},
    {"License :: OSI Approved :: European Union Public Licence 1.2 (EUPL 1.2)", "EUPL-1.2"},
    {"License :: OSI Approved :: GNU Affero General Public License v3", "AGPL-3.0-only"},
    {"License :: OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)",
     "AGPL-3.0-or-later"},
    {"License :: OSI Approved :: GNU General Public License v2 (GPLv2)", "GPL-2.0-only"},
    {"License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)",
     "GPL-2.0-or-later"},
    {"License :: OSI Approved :: GNU General Public License v3 (GPLv3)", "GPL-3.0-only"},
    {"License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)",
     "GPL-3.0-or-later"},
    {"License :: OSI Approved :: GNU Lesser General Public License v2 (LGPLv2)", "LGPL-2.0-only"},
    {"License :: OSI Approved :: GNU Lesser General Public License v2 or later (LGPLv2+)",
     "LGPL-2.0-or-later"},
    {"License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)", "LGPL-3.0-only"},
    {"License :: OSI Approved :: GNU Lesser General Public License v3 or later (LGPLv3+)",
     "LGPL-3.0-or-later"},
    {"License :: OSI Approved :: Historical Permission Notice and Disclaimer (HPND)", "HPND"},
    {"License :: OSI Approved :: ISC License (ISCL)", "ISC"},
    {"License :: OSI Approved :: MIT License", "MIT"},
    {"License :: OSI Approved :: MIT No Attribution License (MIT-0)", "MIT-0"},
    {"License :: OSI Approved :: Mozilla Public License 1.1 (MPL 1.1)", "MPL-1.1"},
    {"License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)", "MPL-2.0"},
    {"License :: OSI Approved :: PostgreSQL License", "PostgreSQL"},
    {"License :: OSI Approved :: Python Software Foundation License", "PSF-2.0"},
    {"License :: OSI Approved :: The Unlicense (Unlicense)", "Unlicense"},
    {"License :: OSI Approved :: Universal Permissive License (UPL)", "UPL-1.0"},
    {"License :: OSI Approved :: zlib/libpng License", "Zlib"},
}};

} // namespace

std::optional<std::string_view> classifier_license(std::string_view classifier)
{
    for (const auto& [trove, id] : k_classifiers)
    {
        if (trove == classifier)
        {
            return id;
        }
    }
    return std::nullopt;
}

} // namespace pydeb::sbom
