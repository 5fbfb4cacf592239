// The package's dependency sets as rpm header triples: the Relations the pipeline computed, plus
// what rpmbuild adds itself (the package's own Provides, the scriptlet interpreter Requires and
// the rpmlib() feature Requires).
#pragma once

#include "package/model.hpp"
#include "package/rpm/dependency.hpp"
#include "package/rpm/scriptlets.hpp"
#include "util/expected.hpp"

#include <string_view>
#include <vector>

namespace pydeb::package::rpm
{

struct DependencySets
{
    std::vector<Dependency> requires_, provides, conflicts, obsoletes, recommends;
};

struct PayloadFeatures
{
    std::string_view compressor; // "zstd", "xz", "gzip"
    bool has_config_files = false;
};

// Each set sorted and free of duplicates. Errors name the relation and the offending text.
[[nodiscard]] Expected<DependencySets> collect_dependencies(const PackageInfo& info,
                                                            const Scriptlets& scriptlets,
                                                            const PayloadFeatures& payload);

} // namespace pydeb::package::rpm
