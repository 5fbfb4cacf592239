// PEP 440 versions: parsing with every normalisation rule of the spec's "Normalization" section,
// the canonical string form, and the total order packaging.version uses (_cmpkey).
#pragma once

#include "util/expected.hpp"

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pydeb::python
{

// Pre-release phases in their PEP 440 order: a < b < rc ("c" is an alternate spelling of "rc").
enum class PreKind
{
    alpha,
    beta,
    rc,
};

// The normalized spelling PEP 440 prints: "a", "b", "rc".
[[nodiscard]] std::string_view pre_label(PreKind kind);


struct PreRelease
{
    PreKind kind = PreKind::alpha;
    std::uint64_t number = 0;

    auto operator<=>(const PreRelease&) const = default;
};

// One dot-separated local segment ("ubuntu", 1): numbers compare numerically, strings
// lexicographically (already lower-cased), and any number sorts after any string (PEP 440
// "Local version identifiers").
using LocalSegment = std::variant<std::uint64_t, std::string>;

class Version
{
public:
    // A default Version is "0".
    Version() : m_release{0} {}

    // Accepts the spellings PEP 440 "Normalization" allows: any case, leading/trailing
    // whitespace, a leading "v", "-"/"_"/"." separators, alpha/beta/c/pre/preview/rev/r spellings,
    // implicit pre/post/dev numbers ("1.0a" = "1.0a0"), implicit post releases ("1.0-1") and
    // "-"/"_" in local versions. Numbers beyond 64 bits are rejected.
    [[nodiscard]] static Expected<Version> parse(std::string_view text);

    // "E!R": a final release from parts (an empty release means "0").
    [[nodiscard]] static Version from_release(std::vector<std::uint64_t> release,
                                              std::uint64_t epoch = 0);

    // The normalized form: "1!2.0rc1.post2.dev3+ubuntu.1".
    [[nodiscard]] std::string to_string() const;

    [[nodiscard]] std::uint64_t epoch() const { return m_epoch; }
    [[nodiscard]] const std::vector<std::uint64_t>& release() const { return m_release; }
    [[nodiscard]] const std::optional<PreRelease>& pre() const { return m_pre; }
    [[nodiscard]] const std::optional<std::uint64_t>& post() const { return m_post; }
    [[nodiscard]] const std::optional<std::uint64_t>& dev() const { return m_dev; }
    [[nodiscard]] const std::vector<LocalSegment>& local() const { return m_local; }
    [[nodiscard]] bool has_local() const { return !m_local.empty(); }
    // "ubuntu.1" (no "+"), empty when there is no local part.
    [[nodiscard]] std::string local_string() const;

    // packaging's is_prerelease: a pre-release or a development release.
    [[nodiscard]] bool is_prerelease() const { return m_pre.has_value() || m_dev.has_value(); }
    [[nodiscard]] bool is_postrelease() const { return m_post.has_value(); }
    [[nodiscard]] bool is_devrelease() const { return m_dev.has_value(); }

    // Epoch and release only ("1!2.0" of "1!2.0rc1.post1+x").
    [[nodiscard]] Version base_version() const;
    // Everything but the local part ("2.0rc1" of "2.0rc1+ubuntu.1").
    [[nodiscard]] Version public_version() const;

    // packaging.version._cmpkey: trailing zeros of the release are ignored ("1.0" == "1"); a
    // development release of a final sorts before its pre-releases, pre-releases before the final,
    // post-releases after it; a version without local part sorts before one with.
    [[nodiscard]] std::strong_ordering operator<=>(const Version& other) const;
    [[nodiscard]] bool operator==(const Version& other) const
    {
        return (*this <=> other) == std::strong_ordering::equal;
    }

private:
    std::uint64_t m_epoch = 0;
    std::vector<std::uint64_t> m_release;
    std::optional<PreRelease> m_pre;
    std::optional<std::uint64_t> m_post;
    std::optional<std::uint64_t> m_dev;
    std::vector<LocalSegment> m_local;
};

} // namespace pydeb::python
