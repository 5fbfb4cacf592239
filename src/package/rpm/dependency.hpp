// RPM dependencies as header triples (name, sense flags, version), parsed from the rpm-syntax
// strings of package::Relations ("python(abi) = 3.11", "libpq.so.5()(64bit)",
// "(foo >= 1 with foo < 2)"), and the rpmlib() feature requires rpmbuild adds
// (build/pack.c, build/files.c) for the features a package uses.
#pragma once

#include "util/expected.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::package::rpm
{

struct Dependency
{
    std::string name;
    std::uint32_t flags = 0; // adapters::rpm::sense bits
    std::string version;     // "[E:]V[-R]", empty when unversioned
    friend auto operator<=>(const Dependency&, const Dependency&) = default;
};

enum class Rich
{
    refused, // Provides, Conflicts, Obsoletes: rpm only matches plain names there
    allowed, // Requires, Recommends: boolean dependencies, rpm >= 4.13
};

// "name", "name OP version" with OP one of < <= = == >= > (and rpm's =< =>), or a parenthesized
// boolean dependency when rich == allowed. Errors quote the text and say what is expected.
[[nodiscard]] Expected<Dependency> parse_dependency(std::string_view text, Rich rich);

// rpm's "[E:]V-R" for a package's own version.
[[nodiscard]] std::string evr(std::uint32_t epoch, bool has_epoch, std::string_view version,
                              std::string_view release);

// The features a package's content needs from the installing rpm, as rpmlib() requires.
struct Features
{
    bool zstd_payload = false;
    bool xz_payload = false;
    bool tilde_in_versions = false;
    bool caret_in_versions = false;
    bool rich_dependencies = false;
};

// rpmlib(CompressedFileNames), (FileDigests), (PayloadFilesHavePrefix) always; the others by
// feature. Each is "rpmlib(X) <= V" with sense rpmlib|less|equal, as rpmbuild writes them.
[[nodiscard]] std::vector<Dependency> rpmlib_requires(const Features& features);

// Sort (name, version, flags) and drop exact duplicates, as rpmbuild's rpmdsMerge does.
void sort_unique(std::vector<Dependency>& dependencies);

} // namespace pydeb::package::rpm
