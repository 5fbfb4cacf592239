// The data.tar of a .deb: which members, in which order, with which metadata (deb(5)).
#pragma once

#include "package/deb/docs.hpp"
#include "package/model.hpp"
#include "util/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

namespace pydeb::package::deb
{

// One data.tar member. It refers to what it was planned from: keep the entries and generated
// files alive while the members are in use.
struct Member
{
    std::string_view path; // absolute target path, "/" for the root
    EntryType type = EntryType::file;
    std::uint32_t mode = 0644;
    std::uint64_t size = 0;
    const Entry* entry = nullptr;             // a staged path
    const GeneratedFile* generated = nullptr; // or a generated file; neither: an added directory

    // The staged file to read; nullptr for generated files and anything that is not a file.
    [[nodiscard]] const std::string* source() const
    {
        return entry != nullptr && type == EntryType::file && !entry->source.empty()
                   ? &entry->source
                   : nullptr;
    }
    [[nodiscard]] ConfigFile config() const { return entry ? entry->config : ConfigFile::no; }
};

// Every data.tar member: the root "./", the entries, the generated files, and any parent
// directory the entries leave out (dpkg needs each parent before its children). Sorted as
// dpkg-deb sorts: byte-wise by path, symlinks after everything else. Base-system directories
// (/, /opt, /usr/bin...) get their standard modes (0755), not whatever umask staged them. Fails on
// relative, unnormalized or duplicate paths and on newlines (md5sums and conffiles are line-based).
// A generated file whose path an entry (or an earlier generated file) has is left out.
[[nodiscard]] Expected<std::vector<Member>>
plan_members(const std::vector<Entry>& entries, const std::vector<GeneratedFile>& generated);
// Members point into their inputs, so temporaries are refused (they would dangle).
Expected<std::vector<Member>> plan_members(std::vector<Entry>&&,
                                           const std::vector<GeneratedFile>&) = delete;
Expected<std::vector<Member>> plan_members(const std::vector<Entry>&,
                                           std::vector<GeneratedFile>&&) = delete;
Expected<std::vector<Member>> plan_members(std::vector<Entry>&&,
                                           std::vector<GeneratedFile>&&) = delete;

} // namespace pydeb::package::deb
