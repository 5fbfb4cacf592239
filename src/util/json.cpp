#include "util/json.hpp"

#include "util/strings.hpp"

#include <cstdio>

namespace pydeb::util::json
{

namespace
{

void write(std::string& out, const Value& value, std::size_t depth)
{
    const auto newline = [&](std::size_t level) {
        out += '\n';
        out.append(2 * level, ' ');
    };
    std::visit(
        [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>)
            {
                out += "null";
            }
            else if constexpr (std::is_same_v<T, bool>)
            {
                out += v ? "true" : "false";
            }
            else if constexpr (std::is_same_v<T, std::int64_t>)
            {
                out += std::to_string(v);
            }
            else if constexpr (std::is_same_v<T, std::string>)
            {
                out += quote(v);
            }
            else if constexpr (std::is_same_v<T, Array>)
            {
                out += '[';
                for (std::size_t i = 0; i < v.size(); ++i)
                {
                    out += i == 0 ? "" : ",";
                    newline(depth + 1);
                    write(out, v[i], depth + 1);
                }
                if (!v.empty())
                {
                    newline(depth);
                }
                out += ']';
            }
            else
            {
                out += '{';
                for (std::size_t i = 0; i < v.size(); ++i)
                {
                    out += i == 0 ? "" : ",";
                    newline(depth + 1);
                    out += quote(v[i].first);
                    out += ": ";
                    write(out, v[i].second, depth + 1);
                }
                if (!v.empty())
                {
                    newline(depth);
                }
                out += '}';
            }
        },
        value.variant());
}

} // namespace

std::string quote(std::string_view text)
{
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size();)
    {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80)
        {
            const std::size_t length = util::utf8_sequence_length(text, i);
            out += length == 0 ? std::string_view("\xEF\xBF\xBD") : text.substr(i, length);
            i += length == 0 ? 1 : length;
            continue;
        }
        switch (c)
        {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20 || c == 0x7F)
            {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                out += escaped;
            }
            else
            {
                out += static_cast<char>(c);
            }
        }
        ++i;
    }
    out += '"';
    return out;
}

std::string dump(const Value& value)
{
    std::string out;
    write(out, value, 0);
    out += '\n';
    return out;
}

} // namespace pydeb::util::json
