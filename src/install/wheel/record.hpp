// The RECORD file of a wheel's .dist-info (PEP 376, "Recording installed projects" spec): CSV
// rows of path, algorithm=urlsafe-b64-nopad(digest), size. Parsing is strict, because the
// installer enforces RECORD (wheel spec: "installation will fail if any file in the archive is not
// both mentioned and correctly hashed in RECORD").
#pragma once

#include "util/expected.hpp"
#include "util/hash.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pydeb::install
{

struct RecordHash
{
    util::HashAlgorithm algorithm;
    std::string digest; // urlsafe base64 without padding, as written

    bool operator==(const RecordHash&) const = default;
};

struct RecordEntry
{
    std::string path;
    std::optional<RecordHash> hash;
    std::optional<std::uint64_t> size;
    std::size_t line = 0; // 1-based, for messages

    bool operator==(const RecordEntry&) const = default;
};

// Split CSV text (RFC 4180 as Python's csv module writes it: "," delimiter, '"' quoting with ""
// for a literal quote, rows ended by \n or \r\n) into rows of fields. Blank lines are skipped.
[[nodiscard]] Expected<std::vector<std::vector<std::string>>> parse_csv(std::string_view text);

// "sha256=abc..." -> RecordHash. The wheel spec wants sha256 or stronger: md5 and sha1 are
// refused, as is any name hashlib does not guarantee.
[[nodiscard]] Expected<RecordHash> parse_record_hash(std::string_view text);

// Parse RECORD. Errors say "RECORD line N: ...". Empty hash and size fields are allowed here
// (RECORD lists itself that way); the installer decides which entries need them.
[[nodiscard]] Expected<std::vector<RecordEntry>> parse_record(std::string_view text);

// One CSV field, quoted when it holds a comma, quote, or line break.
[[nodiscard]] std::string csv_field(std::string_view text);

struct WrittenFile
{
    std::string path;   // relative to the directory holding .dist-info, "/"-separated
    std::string sha256; // urlsafe base64 without padding; empty for RECORD itself
    std::uint64_t size = 0;
};

// The installed RECORD: rows sorted byte-wise, `RECORD,,` for the file itself, "\n" endings.
[[nodiscard]] std::string render_record(std::vector<WrittenFile> files,
                                        std::string_view record_path);

} // namespace pydeb::install
