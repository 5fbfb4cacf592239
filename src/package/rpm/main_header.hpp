// The main (immutable) header of a binary rpm: identity and descriptive tags, the file list,
// dependencies, scriptlets and the payload's description and digests, as rpmbuild 4.18 writes
// them (build/pack.c, build/files.c), minus what needs the build machine (Platform, Optflags,
// file colors).
#pragma once

#include "package/model.hpp"
#include "package/rpm/file_list.hpp"
#include "package/rpm/payload.hpp"
#include "package/rpm/relations.hpp"
#include "package/rpm/scriptlets.hpp"
#include "util/expected.hpp"

#include <string>
#include <vector>

namespace pydeb::package::rpm
{

struct HeaderInputs
{
    const PackageInfo& info;
    const std::vector<FileRecord>& files; // digests filled in by write_payload
    const DependencySets& dependencies;
    const Scriptlets& scriptlets;
    const Compressor& compressor;
    const PayloadDigests& payload;
    std::int64_t build_time;
};

// The serialized header (magic, index, data), sealed with RPMTAG_HEADERIMMUTABLE.
[[nodiscard]] Expected<std::string> build_main_header(const HeaderInputs& inputs);

} // namespace pydeb::package::rpm
