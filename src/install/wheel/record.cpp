#include "install/wheel/record.hpp"

#include <algorithm>
#include <charconv>

namespace pydeb::install
{

Expected<std::vector<std::vector<std::string>>> parse_csv(std::string_view text)
{
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false; // inside a quoted field
    bool field_started = false;
    std::size_t line = 1;
    const auto end_row = [&]
    {
        if (field_started || !row.empty())
        {
            row.push_back(std::move(field));
            rows.push_back(std::move(row));
        }
        row.clear();
        field.clear();
        field_started = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const char c = text[i];
        if (quoted)
        {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
            {
                field += '"';
                ++i;
            }
            else if (c == '"')
            {
                quoted = false;
            }
            else
            {
                line += c == '\n' ? 1 : 0;
                field += c;
            }
            continue;
        }
        switch (c)
        {
        case '"':
            if (!field.empty())
            {
                return fail("line " + std::to_string(line) + ": a quote inside an unquoted field");
            }
            quoted = true;
            field_started = true;
            break;
        case ',':
            row.push_back(std::move(field));
            field.clear();
            field_started = true;
            break;
        case '\r':
            if (i + 1 < text.size() && text[i + 1] == '\n')
            {
                break; // the \n ends the row
            }
            end_row();
            ++line;
            break;
        case '\n':
            end_row();
            ++line;
            break;
        default:
            field += c;
            field_started = true;
        }
    }
    if (quoted)
    {
        return fail("line " + std::to_string(line) + ": a quoted field is not closed");
    }
    end_row();
    return rows;
}

Expected<RecordHash> parse_record_hash(std::string_view text)
{
    const auto equals = text.find('=');
    if (equals == std::string_view::npos || equals + 1 == text.size())
    {
        return fail("hash '" + std::string(text) + "' is not of the form algorithm=digest");
    }
    const auto name = text.substr(0, equals);
    const auto algorithm = util::hash_algorithm_from_name(name);
    if (!algorithm)
    {
        return fail("invalid hash algorithm '" + std::string(name) +
                    "' (use sha256 or a stronger hashlib-guaranteed algorithm)");
    }
    if (*algorithm == util::HashAlgorithm::md5 || *algorithm == util::HashAlgorithm::sha1)
    {
        return fail("hash algorithm '" + std::string(name) +
                    "' is not permitted (the wheel spec requires sha256 or stronger)");
    }
    return RecordHash{*algorithm, std::string(text.substr(equals + 1))};
}

Expected<std::vector<RecordEntry>> parse_record(std::string_view text)
{
    auto rows = parse_csv(text);
    if (!rows)
    {
        return fail("RECORD " + rows.error().message);
    }
    std::vector<RecordEntry> entries;
    entries.reserve(rows->size());
    std::size_t line = 0;
    for (auto& row : *rows)
    {
        ++line;
        const auto where = "RECORD row " + std::to_string(line) + ": ";
        if (row.size() != 3)
        {
            return fail(where + "expected 3 fields (path,hash,size), got " +
                        std::to_string(row.size()));
        }
        RecordEntry entry{std::move(row[0]), std::nullopt, std::nullopt, line};
        if (entry.path.empty())
        {
            return fail(where + "empty path");
        }
        if (!row[1].empty())
        {
            auto hash = parse_record_hash(row[1]);
            if (!hash)
            {
                return fail(where + entry.path + ": " + hash.error().message);
            }
            entry.hash = std::move(*hash);
        }
        if (!row[2].empty())
        {
            std::uint64_t size = 0;
            const auto* first = row[2].data();
            const auto* last = first + row[2].size();
            const auto [end, error] = std::from_chars(first, last, size);
            if (error != std::errc{} || end != last)
            {
                return fail(where + entry.path + ": size '" + row[2] + "' is not an integer");
            }
            entry.size = size;
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::string csv_field(std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
    {
        return std::string(text);
    }
    std::string quoted = "\"";
    for (const char c : text)
    {
        quoted += c;
        if (c == '"')
        {
            quoted += '"';
        }
    }
    quoted += '"';
    return quoted;
}

std::string render_record(std::vector<WrittenFile> files, std::string_view record_path)
{
    std::erase_if(files, [&](const WrittenFile& file) { return file.path == record_path; });
    files.push_back({std::string(record_path), {}, 0});
    std::ranges::sort(files, {}, &WrittenFile::path);
    std::string text;
    for (const auto& file : files)
    {
        text += csv_field(file.path);
        if (file.path == record_path)
        {
            text += ",,\n";
            continue;
        }
        text += ",sha256=" + file.sha256 + "," + std::to_string(file.size) + "\n";
    }
    return text;
}

} // namespace pydeb::install
