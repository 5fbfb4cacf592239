// Which wheel owns each installed path. Several wheels install in parallel into one venv; a deb or
// rpm needs one owner per file, so two wheels may ship the same path only with identical bytes
// (PEP 420-less namespace __init__.py files); different bytes are an error naming both.
// Thread-safe.
#pragma once

#include "util/expected.hpp"

#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace pydeb::install
{

class OwnerMap
{
public:
    enum class Claim
    {
        write, // first claimant: write the file
        skip,  // someone else writes it; only hash the content for the final comparison
    };

    // `path` is relative to the stage root; `owner` names the wheel (or "the virtualenv").
    [[nodiscard]] Claim claim(const std::filesystem::path& path, const std::string& owner);
    // The sha256 of what `owner` has (or would have) written at `path`.
    void set_digest(const std::filesystem::path& path, const std::string& owner,
                    const std::string& sha256);

    // claim() then set_digest() for each (path, sha256), in order and under one lock: a cached
    // wheel's claims replayed. One Claim per element.
    [[nodiscard]] std::vector<Claim>
    claim_all(const std::vector<std::pair<std::string, std::string>>& claims,
              const std::string& owner);

    // Every claim `owner` made, as (path, sha256) in path order, repeats included: what a wheel
    // cache entry records, to replay into another map (wheel_cache.hpp).
    [[nodiscard]] std::vector<std::pair<std::string, std::string>>
    claims_of(const std::string& owner) const;

    // After all installs: an error for every path whose owners disagree on the content, and a
    // warning for paths that differ only in case (undefined on case-insensitive file systems).
    [[nodiscard]] Expected<void> check(std::vector<std::string>& warnings) const;

private:
    struct Owner
    {
        std::string name;
        std::string sha256;
    };
    mutable std::mutex m_mutex;
    std::map<std::string, std::vector<Owner>> m_owners;
};

} // namespace pydeb::install
