#include "sbom/document.hpp"

#include <algorithm>
#include <cctype>

namespace pydeb::sbom
{

std::string Document::add(Package package, std::string_view kind)
{
    std::string id = "SPDXRef-" + std::string(kind) + "-";
    const std::string text = package.name + (package.version.empty() ? "" : "-" + package.version);
    for (const char c : text)
    {
        // Any other character ("+" of a local version, "()" of an rpm capability) becomes "-".
        id += std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' ? c : '-';
    }
    const std::string base = id;
    for (int n = 2; std::ranges::any_of(packages, [&](const Package& p) { return p.id == id; });
         ++n)
    {
        id = base + "-" + std::to_string(n);
    }
    package.id = id;
    packages.push_back(std::move(package));
    return id;
}

std::string person(std::string_view maintainer)
{
    const std::size_t open = maintainer.find('<');
    const std::size_t close = maintainer.rfind('>');
    if (maintainer.empty())
    {
        return {};
    }
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
    {
        return "Person: " + std::string(maintainer);
    }
    std::string_view name = maintainer.substr(0, open);
    while (!name.empty() && name.back() == ' ')
    {
        name.remove_suffix(1);
    }
    return "Person: " + std::string(name) + " (" +
           std::string(maintainer.substr(open + 1, close - open - 1)) + ")";
}

} // namespace pydeb::sbom
