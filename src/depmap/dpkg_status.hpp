// Which packages dpkg records as installed (ADMINDIR/status), read only when a question needs it:
// a mapping asks about a dozen packages, and the status of a desktop system is a megabyte (2-3 ms
// to read and parse on a VM, a fifth of a warm map stage). The answers asked for are remembered
// in $XDG_CACHE_HOME/pydeb/dpkg-status under the status file's identity (util::stable_identity:
// dpkg replaces the file on every change; one changed in the last two seconds is not trusted),
// so a rebuild reads a few lines instead. Every failure to read or write the memo only costs the
// parse.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace pydeb::depmap
{

struct InstalledPackage
{
    std::string name;
    std::string architecture; // amd64, all, ...
    std::string version;
    std::string multi_arch; // "same" packages have ARCH-qualified info files
};

class InstalledPackages
{
public:
    // `status`: ROOT/var/lib/dpkg/status. Packages whose Status is not "... installed" are left
    // out (config-files and half-installed entries ship no files).
    explicit InstalledPackages(std::filesystem::path status) : m_status(std::move(status)) {}

    // The installed package of that name, nullptr when there is none; the answer is remembered.
    [[nodiscard]] const InstalledPackage* find(std::string_view name);
    // The same question, not remembered: for asking about every package (DpkgOwners' lists).
    [[nodiscard]] bool installed(std::string_view name);

private:
    using Packages = std::map<std::string, InstalledPackage, std::less<>>;
    const Packages& parsed();
    void load_memo();
    void save_memo() const;

    std::filesystem::path m_status;
    std::optional<Packages> m_parsed;                 // the whole status, once needed
    std::optional<std::filesystem::path> m_memo_file; // nullopt: no memo
    bool m_memo_loaded = false;
    std::map<std::string, std::optional<InstalledPackage>, std::less<>> m_answers;
};

} // namespace pydeb::depmap
