// dpkg's per-package library metadata (deb-shlibs(5), deb-symbols(5)), parsed from text. These
// are what dpkg-shlibdeps reads to turn a soname into a dependency template.
#pragma once

#include "util/expected.hpp"

#include <bitset>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::depmap
{

// dpkg-shlibdeps' split of a soname into the shlibs key (Dpkg::Shlibs split_soname):
// libfoo.so.1.2 -> (libfoo, 1.2), libfoo-1.2.so -> (libfoo, 1.2); nullopt otherwise.
struct ShlibsKey
{
    std::string library;
    std::string version;
    bool operator==(const ShlibsKey&) const = default;
};
[[nodiscard]] std::optional<ShlibsKey> split_soname(std::string_view soname);

// One shlibs line "[type:] library version dependencies" (deb-shlibs(5)).
struct ShlibsEntry
{
    std::string type; // empty for .deb, "udeb" for udebs (skipped by lookups)
    ShlibsKey key;
    std::string dependency;
};

// Lines that do not parse are skipped, as dpkg-shlibdeps warns and continues.
[[nodiscard]] std::vector<ShlibsEntry> parse_shlibs(std::string_view text);
// The dependency for a soname from .deb entries; nullopt when no line matches.
[[nodiscard]] std::optional<std::string> lookup_shlibs(const std::vector<ShlibsEntry>& entries,
                                                       std::string_view soname);

struct SymbolEntry
{
    std::string minver;
    std::size_t dep_id = 0; // which dependency template (0 = the main line, 1.. = "|" lines)
};

// One library of a symbols file: "soname main-dependency-template", "| alternative" lines,
// "* Field: value" meta lines, and " symbol@version minver [dep_id]" lines.
struct SymbolsObject
{
    std::string soname;
    std::vector<std::string> dependencies;     // [0] = main template, then the "|" alternatives
    std::map<std::string, std::string> fields; // Build-Depends-Package, ...
    // "name@VERSION" or "name@Base": every symbol, or those the parse was asked to keep.
    std::map<std::string, SymbolEntry, std::less<>> symbols;
    // Per dependency template (dep_id), the smallest minver over every symbol of the library.
    std::map<std::size_t, std::string> smallest;
};

struct SymbolsFile
{
    std::vector<SymbolsObject> objects;

    [[nodiscard]] const SymbolsObject* find(std::string_view soname) const;
};

// The names (without "@VERSION") of the symbols a parse must keep, as a Bloom filter: it may keep
// a few others, which is harmless (lookups compare whole names), never fewer, and it costs 8 kB
// instead of a hash set of the thousands of names a mapping's objects use.
class SymbolNames
{
public:
    void insert(std::string_view name)
    {
        const auto hash = std::hash<std::string_view>{}(name);
        m_bits.set(hash % k_bits);
        m_bits.set((hash >> 32) % k_bits);
    }
    [[nodiscard]] bool may_contain(std::string_view name) const
    {
        const auto hash = std::hash<std::string_view>{}(name);
        return m_bits.test(hash % k_bits) && m_bits.test((hash >> 32) % k_bits);
    }

private:
    static constexpr std::size_t k_bits = std::size_t{1} << 16;
    std::bitset<k_bits> m_bits;
};

// Comments (#...) and tags "(optional|arch=...)" are accepted; tagged c++/regex patterns
// (which need demangling or matching) are skipped, so such symbols never raise a minimum.
// `wanted`: keep only the symbols with these names in SymbolsObject::symbols (a mapping looks up
// its objects' undefined symbols, a few hundred of libc6's 4,800) and maybe a few more; nullptr
// keeps all.
[[nodiscard]] Expected<SymbolsFile> parse_symbols(std::string_view text, std::string_view origin,
                                                  const SymbolNames* wanted = nullptr);

// Dpkg::Shlibs::SymbolFile::get_smallest_version: the smallest minver among the symbols that use
// dependency template `dep_id`; empty when there are none.
[[nodiscard]] std::string smallest_version(const SymbolsObject& object, std::size_t dep_id = 0);

} // namespace pydeb::depmap
