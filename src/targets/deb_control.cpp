#include "targets/deb_control.hpp"

#include <charconv>

namespace pydeb::targets
{

namespace
{

// The ar(5) member header at `at`: name[16] mtime[12] uid[6] gid[6] mode[8] size[10] "`\n".
Expected<std::pair<std::string, std::uint64_t>> member_header(std::string_view head, std::size_t at,
                                                              std::string_view where)
{
    if (head.size() < at + 60 || head.substr(at + 58, 2) != "`\n")
    {
        return fail(std::string(where) + ": not a .deb (no ar member header at byte " +
                    std::to_string(at) + "); see deb(5)");
    }
    std::string name(head.substr(at, 16));
    name.erase(name.find_last_not_of(' ') + 1);
    if (name.ends_with('/')) // GNU ar's terminator
    {
        name.pop_back();
    }
    const auto digits = head.substr(at + 48, 10);
    std::uint64_t size = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), size);
    return std::pair(name, size);
}

} // namespace

Expected<ControlMember> find_control_member(std::string_view head, std::string_view where)
{
    const auto member = [&](std::size_t at) { return member_header(head, at, where); };
    if (!head.starts_with("!<arch>\n"))
    {
        return fail(std::string(where) + ": not a .deb (no ar magic); see deb(5)");
    }
    const auto [first, first_size] = PYDEB_TRY(member(8));
    if (first != "debian-binary")
    {
        return fail(std::string(where) + ": the first member is " + first +
                    ", not debian-binary; see deb(5)");
    }
    const std::uint64_t next = 8 + 60 + first_size + (first_size % 2); // members are 2-aligned
    if (next + 60 > head.size())
    {
        return fail(std::string(where) + ": debian-binary is " + std::to_string(first_size) +
                    " bytes, not the 4 of format 2.0; see deb(5)");
    }
    const auto [name, size] = PYDEB_TRY(member(next));
    if (!name.starts_with("control.tar"))
    {
        return fail(std::string(where) + ": the second member is " + name +
                    ", not control.tar; see deb(5)");
    }
    return ControlMember{name, next + 60, size};
}

Expected<std::vector<ControlMember>> deb_members(std::string_view deb, std::string_view where)
{
    if (!deb.starts_with("!<arch>\n"))
    {
        return fail(std::string(where) + ": not a .deb (no ar magic); see deb(5)");
    }
    std::vector<ControlMember> members;
    for (std::uint64_t at = 8; at < deb.size();)
    {
        const auto [name, size] = PYDEB_TRY(member_header(deb, at, where));
        if (size > deb.size() - at - 60)
        {
            return fail(std::string(where) + ": member " + name + " is " + std::to_string(size) +
                        " bytes, past the end of the file; see deb(5)");
        }
        members.push_back(ControlMember{name, at + 60, size});
        at += 60 + size + (size % 2);
    }
    return members;
}

} // namespace pydeb::targets
