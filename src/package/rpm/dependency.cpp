#include "package/rpm/dependency.hpp"

#include "adapters/rpm/tags.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <array>
#include <tuple>
#include <utility>

namespace pydeb::package::rpm
{

namespace sense = adapters::rpm::sense;

namespace
{

struct Operator
{
    std::string_view text;
    std::uint32_t flags;
};

// rpm's spec parser accepts these spellings (build/parseReqs.c, rpmParseDSFlags).
constexpr std::array k_operators = std::to_array<Operator>({
    {"<", sense::less},
    {"<=", sense::less | sense::equal},
    {"=<", sense::less | sense::equal},
    {"=", sense::equal},
    {"==", sense::equal},
    {">=", sense::greater | sense::equal},
    {"=>", sense::greater | sense::equal},
    {">", sense::greater},
});

bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

std::vector<std::string_view> words(std::string_view text)
{
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size())
    {
        while (i < text.size() && is_space(text[i]))
        {
            ++i;
        }
        const std::size_t start = i;
        while (i < text.size() && !is_space(text[i]))
        {
            ++i;
        }
        if (i > start)
        {
            out.push_back(text.substr(start, i - start));
        }
    }
    return out;
}

// A version may not contain characters rpm treats as separators or operators.
bool valid_version(std::string_view version)
{
    return !version.empty() && version.find_first_of("<>=(), \t") == std::string_view::npos &&
           std::count(version.begin(), version.end(), '-') <= 1;
}

} // namespace

Expected<Dependency> parse_dependency(std::string_view text, Rich rich)
{
    const std::string_view trimmed = util::trim(text);
    const auto quoted = "rpm dependency '" + std::string(text) + "'";
    if (trimmed.empty())
    {
        return fail(quoted + ": empty; give a name such as 'libpq.so.5()(64bit)'");
    }
    if (trimmed.front() == '(')
    {
        if (rich == Rich::refused)
        {
            return fail(quoted + ": boolean (rich) dependencies are only valid in Requires and "
                                 "Recommends");
        }
        if (trimmed.back() != ')')
        {
            return fail(quoted + ": a boolean dependency must end with ')'");
        }
        return Dependency{std::string(trimmed), sense::any, {}};
    }
    const auto parts = words(trimmed);
    if (parts.size() == 1)
    {
        return Dependency{std::string(parts[0]), sense::any, {}};
    }
    if (parts.size() != 3)
    {
        return fail(quoted + ": expected 'NAME' or 'NAME OP VERSION' (OP one of < <= = >= >)");
    }
    const auto op = std::find_if(k_operators.begin(), k_operators.end(),
                                 [&](const Operator& o) { return o.text == parts[1]; });
    if (op == k_operators.end())
    {
        return fail(quoted + ": unknown operator '" + std::string(parts[1]) +
                    "'; use one of < <= = >= >");
    }
    if (!valid_version(parts[2]))
    {
        return fail(quoted + ": '" + std::string(parts[2]) + "' is not an rpm version [E:]V[-R]");
    }
    return Dependency{std::string(parts[0]), op->flags, std::string(parts[2])};
}

std::string evr(std::uint32_t epoch, bool has_epoch, std::string_view version,
                std::string_view release)
{
    std::string out = has_epoch ? std::to_string(epoch) + ":" : std::string();
    out += version;
    if (!release.empty())
    {
        out += "-";
        out += release;
    }
    return out;
}

std::vector<Dependency> rpmlib_requires(const Features& features)
{
    constexpr std::uint32_t flags = sense::rpmlib | sense::less | sense::equal;
    // Versions are the rpm releases that introduced each feature (rpmlib's rpmlibProvides).
    std::vector<Dependency> out{
        {"rpmlib(CompressedFileNames)", flags, "3.0.4-1"},
        {"rpmlib(FileDigests)", flags, "4.6.0-1"},
        {"rpmlib(PayloadFilesHavePrefix)", flags, "4.0-1"},
    };
    if (features.zstd_payload)
    {
        out.push_back({"rpmlib(PayloadIsZstd)", flags, "5.4.18-1"});
    }
    if (features.xz_payload)
    {
        out.push_back({"rpmlib(PayloadIsXz)", flags, "5.2-1"});
    }
    if (features.tilde_in_versions)
    {
        out.push_back({"rpmlib(TildeInVersions)", flags, "4.10.0-1"});
    }
    if (features.caret_in_versions)
    {
        out.push_back({"rpmlib(CaretInVersions)", flags, "4.15.0-1"});
    }
    if (features.rich_dependencies)
    {
        out.push_back({"rpmlib(RichDependencies)", flags, "4.12.0-1"});
    }
    return out;
}

void sort_unique(std::vector<Dependency>& dependencies)
{
    std::sort(
        dependencies.begin(), dependencies.end(),
        [](const auto& a, const auto& b)
        { return std::tie(a.name, a.version, a.flags) < std::tie(b.name, b.version, b.flags); });
    dependencies.erase(std::unique(dependencies.begin(), dependencies.end()), dependencies.end());
}

} // namespace pydeb::package::rpm
