// PEP 440 "Version specifiers", following packaging.specifiers.Specifier's comparison methods.
#include "python/specifier.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace pydeb::python
{
namespace
{

// Longest symbols first so "===" is not read as "==" followed by "=".
constexpr std::array<std::pair<std::string_view, Operator>, 8> k_operators = {{
    {"===", Operator::arbitrary},
    {"~=", Operator::compatible},
    {"==", Operator::equal},
    {"!=", Operator::not_equal},
    {"<=", Operator::less_equal},
    {">=", Operator::greater_equal},
    {"<", Operator::less},
    {">", Operator::greater},
}};

// PEP 440 "Version matching" with a trailing ".*": compare the release padded with zeros to the
// prefix length; pre, post, dev and local parts of the candidate do not matter.
bool prefix_matches(const Version& candidate, const Version& prefix)
{
    if (candidate.epoch() != prefix.epoch())
    {
        return false;
    }
    const auto& want = prefix.release();
    const auto& have = candidate.release();
    for (std::size_t i = 0; i < want.size(); ++i)
    {
        if ((i < have.size() ? have[i] : 0) != want[i])
        {
            return false;
        }
    }
    return true;
}

bool equals(const Version& candidate, const Version& spec)
{
    // A specifier without a local part ignores the candidate's ("Version matching").
    return spec.has_local() ? candidate == spec : candidate.public_version() == spec;
}

bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace

std::string_view operator_symbol(Operator op)
{
    switch (op)
    {
    case Operator::equal:
    case Operator::equal_prefix:
        return "==";
    case Operator::not_equal:
    case Operator::not_equal_prefix:
        return "!=";
    case Operator::less_equal:
        return "<=";
    case Operator::greater_equal:
        return ">=";
    case Operator::less:
        return "<";
    case Operator::greater:
        return ">";
    case Operator::compatible:
        return "~=";
    case Operator::arbitrary:
        return "===";
    }
    return "==";
}

Expected<Specifier> Specifier::parse(std::string_view text)
{
    const std::string_view clause = util::trim(text);
    const auto invalid = [&](std::string_view why) {
        return fail("invalid version specifier '" + std::string(clause) + "': " + std::string(why));
    };
    Specifier spec;
    std::string_view rest;
    bool found = false;
    for (const auto& [symbol, op] : k_operators)
    {
        if (clause.starts_with(symbol))
        {
            spec.op = op;
            rest = util::trim(clause.substr(symbol.size()));
            found = true;
            break;
        }
    }
    if (!found)
    {
        return invalid("it must start with one of ~= == != <= >= < > ===");
    }
    if (rest.empty())
    {
        return invalid("a version must follow the operator");
    }
    if (std::ranges::any_of(rest, is_space))
    {
        return invalid("the version contains whitespace");
    }
    if (spec.op == Operator::arbitrary)
    {
        spec.version_text = std::string(rest); // any string; compared case-insensitively
        return spec;
    }
    if (rest.ends_with(".*"))
    {
        if (spec.op != Operator::equal && spec.op != Operator::not_equal)
        {
            return invalid("a '.*' suffix is only allowed with == and !=");
        }
        spec.op = spec.op == Operator::equal ? Operator::equal_prefix : Operator::not_equal_prefix;
        rest.remove_suffix(2);
    }
    auto version = Version::parse(rest);
    if (!version)
    {
        return invalid(version.error().message);
    }
    const bool prefix = spec.op == Operator::equal_prefix || spec.op == Operator::not_equal_prefix;
    if (prefix && (version->pre() || version->post() || version->dev() || version->has_local()))
    {
        return invalid("a '.*' prefix may only contain an epoch and release numbers");
    }
    if (version->has_local() && spec.op != Operator::equal && spec.op != Operator::not_equal)
    {
        return invalid("local versions ('+...') are only allowed with == and !=");
    }
    if (spec.op == Operator::compatible && version->release().size() < 2)
    {
        return invalid("~= needs at least two release numbers (~=2.2, not ~=2)");
    }
    spec.version_text = std::string(rest);
    spec.version = std::move(*version);
    return spec;
}

std::string Specifier::to_string() const
{
    std::string out(operator_symbol(op));
    out += version_text;
    if (op == Operator::equal_prefix || op == Operator::not_equal_prefix)
    {
        out += ".*";
    }
    return out;
}

bool Specifier::contains(const Version& candidate) const
{
    switch (op)
    {
    case Operator::equal:
        return equals(candidate, version);
    case Operator::not_equal:
        return !equals(candidate, version);
    case Operator::equal_prefix:
        return prefix_matches(candidate, version);
    case Operator::not_equal_prefix:
        return !prefix_matches(candidate, version);
    case Operator::less_equal:
        return candidate.public_version() <= version;
    case Operator::greater_equal:
        return candidate.public_version() >= version;
    case Operator::less:
        // "<V MUST NOT allow a pre-release of the specified version unless the specified
        // version is itself a pre-release" (PEP 440 "Exclusive ordered comparison").
        return candidate < version && !(!version.is_prerelease() && candidate.is_prerelease() &&
                                        candidate.base_version() == version.base_version());
    case Operator::greater:
        // ">V MUST NOT allow a post-release of the specified version unless the specified
        // version is itself a post-release", nor a local version of it.
        if (!(candidate > version))
        {
            return false;
        }
        if (!version.is_postrelease() && candidate.is_postrelease() &&
            candidate.base_version() == version.base_version())
        {
            return false;
        }
        return !(candidate.has_local() && candidate.base_version() == version.base_version());
    case Operator::compatible:
    {
        // ~=V.N is >=V.N, ==V.* ("Compatible release"): drop the last release number.
        std::vector<std::uint64_t> prefix = version.release();
        prefix.pop_back();
        const Version stem = Version::from_release(std::move(prefix), version.epoch());
        return candidate.public_version() >= version && prefix_matches(candidate, stem);
    }
    case Operator::arbitrary:
        return util::to_lower(candidate.to_string()) == util::to_lower(version_text);
    }
    return false;
}

bool Specifier::mentions_prerelease() const
{
    if (op == Operator::not_equal || op == Operator::not_equal_prefix)
    {
        return false;
    }
    if (op == Operator::arbitrary)
    {
        const auto parsed = Version::parse(version_text);
        return parsed && parsed->is_prerelease();
    }
    return version.is_prerelease();
}

} // namespace pydeb::python
