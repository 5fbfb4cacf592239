// Which packages dpkg records as installed (ADMINDIR/status), read once when a question needs it.
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

    // The installed package of that name, nullptr when there is none.
    [[nodiscard]] const InstalledPackage* find(std::string_view name);
    [[nodiscard]] bool installed(std::string_view name) { return find(name) != nullptr; }

private:
    using Packages = std::map<std::string, InstalledPackage, std::less<>>;
    const Packages& parsed();

    std::filesystem::path m_status;
    std::optional<Packages> m_parsed; // the whole status, once needed
};

} // namespace pydeb::depmap
