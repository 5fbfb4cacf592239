// dpkg-shlibdeps' lookups answered from a target release's own data instead of the build host's:
// the release's Contents-ARCH index says which package ships each library path, and the
// package's shlibs/symbols control files come from that release's .deb (fetched by targets/).
// The library search follows Dpkg::Shlibs' default paths (the object's rpath outside the
// bundle, /lib/TRIPLET, /usr/lib/TRIPLET, /lib, /usr/lib, /lib64, /usr/lib64) and a path matches
// its usrmerge twin, as dpkg's own lookups on a merged-/usr system do (dpkg_database.hpp).
// A library the release installs through update-alternatives(1) (libblas.so.3: the package ships
// /usr/lib/TRIPLET/blas/libblas.so.3, the link in /usr/lib/TRIPLET is made by its postinst) is
// the file of that name one directory below a search directory, which dpkg-shlibdeps reaches
// through the link on a system that has it installed.
#pragma once

#include "depmap/library_origin.hpp"

#include <functional>
#include <span>

namespace pydeb::depmap
{

struct ControlTexts
{
    std::optional<std::string> symbols;
    std::optional<std::string> shlibs;
    std::string origin; // names the .deb in errors
};

// A package's control files in the release; an Error names the package and the release.
using ControlSource = std::function<Expected<ControlTexts>(const std::string& package)>;

class ReleaseOrigin final : public LibraryOrigin
{
public:
    // `shipped`: absolute path -> package, from the release's Contents (at least every path
    // release_library_candidates lists).
    ReleaseOrigin(std::string release, std::map<std::filesystem::path, std::string> shipped,
                  ControlSource control)
        : m_release(std::move(release)), m_shipped(std::move(shipped)),
          m_control(std::move(control))
    {
    }
    [[nodiscard]] std::optional<std::filesystem::path>
    locate(const std::string& soname, elf::ElfClass elf_class, std::uint16_t machine,
           const std::vector<std::filesystem::path>& extra_directories) const override;
    [[nodiscard]] std::map<std::filesystem::path, std::string>
    find_owners(const std::vector<std::filesystem::path>& paths) const override;
    [[nodiscard]] Expected<PackageInfo> package_info(const std::string& package,
                                                     const SymbolNames* wanted) const override;
    [[nodiscard]] std::string where() const override { return "in " + m_release; }
    [[nodiscard]] bool missing_is_error() const override { return true; }

private:
    std::string m_release;
    std::map<std::filesystem::path, std::string> m_shipped;
    ControlSource m_control;
};

// Every path (with its usrmerge twin) where the search above could find a soname the objects
// need and the bundle under stage_root does not hold, and DIR/*/SONAME for the alternatives:
// what to ask the release's Contents (targets::find_in_contents).
[[nodiscard]] std::vector<std::filesystem::path>
release_library_candidates(std::span<const elf::ElfObject> objects,
                           const std::filesystem::path& stage_root,
                           const std::filesystem::path& prefix);

} // namespace pydeb::depmap
