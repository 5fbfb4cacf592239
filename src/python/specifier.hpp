// PEP 440 "Version specifiers": single clauses (Specifier) and comma-separated sets (SpecifierSet),
// with the matching rules of packaging.specifiers.
#pragma once

#include "python/version.hpp"
#include "util/expected.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pydeb::python
{

enum class Operator
{
    equal,            // ==1.0
    equal_prefix,     // ==1.0.*
    not_equal,        // !=1.0
    not_equal_prefix, // !=1.0.*
    less_equal,       // <=1.0
    greater_equal,    // >=1.0
    less,             // <1.0
    greater,          // >1.0
    compatible,       // ~=1.0
    arbitrary,        // ===anything (string equality, no PEP 440 semantics)
};

[[nodiscard]] std::string_view operator_symbol(Operator op); // "==" also for equal_prefix

// Whether a SpecifierSet admits pre-releases. `exclude` still admits them when a specifier
// mentions a pre-release explicitly (PEP 440 "Handling of pre-releases": ">=1.0b1").
enum class PreReleases
{
    exclude,
    allow,
};

struct Specifier
{
    Operator op = Operator::greater_equal;
    // The version as written, without the operator and without ".*" ("1.0" of "==1.0.*"). For
    // `arbitrary` the verbatim string.
    std::string version_text;
    // Parsed version_text; unused for `arbitrary`.
    Version version;

    // "<op><version>": whitespace allowed around both. ".*" only with == and !=, local versions
    // only with == and !=, ~= needs at least two release components.
    [[nodiscard]] static Expected<Specifier> parse(std::string_view text);
    // "==1.0.*", ">=2.0" (version as written, whitespace removed).
    [[nodiscard]] std::string to_string() const;

    // PEP 440 matching, ignoring the pre-release policy (SpecifierSet applies it).
    [[nodiscard]] bool contains(const Version& candidate) const;
    // packaging's Specifier.prereleases: the operator is inclusive (==, >=, <=, ~=, ===, and
    // also > and <) and the version is itself a pre-release.
    [[nodiscard]] bool mentions_prerelease() const;

    bool operator==(const Specifier& other) const
    {
        return op == other.op && version_text == other.version_text;
    }
};

class SpecifierSet
{
public:
    SpecifierSet() = default;
    explicit SpecifierSet(std::vector<Specifier> specifiers) : m_specifiers(std::move(specifiers))
    {
    }

    // ">=1.0, <2.0,!=1.5.*"; an empty or blank string is the empty set (matches everything).
    // Like packaging, the clauses are kept sorted by their text, duplicates dropped.
    [[nodiscard]] static Expected<SpecifierSet> parse(std::string_view text);
    // Clauses joined by "," (packaging's str(SpecifierSet)): "<2.0,>=1.0".
    [[nodiscard]] std::string to_string() const;

    [[nodiscard]] const std::vector<Specifier>& specifiers() const { return m_specifiers; }
    [[nodiscard]] bool empty() const { return m_specifiers.empty(); }

    // Every clause matches. A pre-release (or dev release) candidate is rejected under
    // PreReleases::exclude unless some clause mentions a pre-release.
    [[nodiscard]] bool contains(const Version& candidate,
                                PreReleases pre_releases = PreReleases::exclude) const;
    [[nodiscard]] bool mentions_prerelease() const;

    bool operator==(const SpecifierSet&) const = default;

private:
    std::vector<Specifier> m_specifiers;
};

} // namespace pydeb::python
