#include "package/core/render.hpp"

namespace pydeb::package
{

namespace
{

bool is_token_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

} // namespace

std::string render_template(std::string_view text,
                            const std::map<std::string, std::string, std::less<>>& values)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size())
    {
        if (text[i] == '#')
        {
            std::size_t j = i + 1;
            while (j < text.size() && is_token_char(text[j]))
            {
                ++j;
            }
            if (j > i + 1 && j < text.size() && text[j] == '#')
            {
                if (auto found = values.find(text.substr(i + 1, j - i - 1)); found != values.end())
                {
                    out += found->second;
                    i = j + 1;
                    continue;
                }
            }
        }
        out += text[i];
        ++i;
    }
    return out;
}

} // namespace pydeb::package
