// A wheel's RECORD (install/record: PEP 376 / binary distribution format, CSV as Python's csv
// module writes it). Properties: every row parse_csv returns, written back field by field with
// csv_field, parses to the same row.
#include "fuzz_support.hpp"
#include "install/wheel/record.hpp"

using namespace pydeb;
using pydeb::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto input = fuzz::text(data, size);
    (void)install::parse_record(input);
    const auto rows = install::parse_csv(input);
    if (!rows)
    {
        return 0;
    }
    for (const auto& row : *rows)
    {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i)
        {
            line += (i == 0 ? "" : ",") + install::csv_field(row[i]);
        }
        const auto again = install::parse_csv(line + "\n");
        // A row of one empty field is a blank line, which CSV readers skip.
        const bool blank = row.size() == 1 && row.front().empty();
        require(again && (blank ? again->empty() : *again == std::vector<std::vector<std::string>>{row}),
                "RECORD: a row written with csv_field parses back equal", line);
        if (row.size() >= 2)
        {
            (void)install::parse_record_hash(row[1]);
        }
    }
    return 0;
}
