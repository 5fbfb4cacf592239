// Compatibility tags: parsing compressed tag sets (PEP 425) and the supported-tag list of
// packaging.tags.sys_tags() for a given interpreter (cpython_tags/generic_tags +
// compatible_tags, with _manylinux.platform_tags for the platforms).
#include "python/tags.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace pydeb::python
{
namespace
{

// packaging.tags.INTERPRETER_SHORT_NAMES
std::string short_interpreter_name(const std::string& implementation)
{
    if (implementation == "cpython")
    {
        return "cp";
    }
    if (implementation == "pypy")
    {
        return "pp";
    }
    if (implementation == "ironpython")
    {
        return "ip";
    }
    if (implementation == "jython")
    {
        return "jy";
    }
    return implementation;
}

// Best first: manylinux_2_Y from the running glibc down to the oldest glibc the architecture
// was ever built for (2.5 on x86, 2.17 elsewhere), each followed by its legacy PEP 513/571/599
// alias, then the plain platform (PEP 600).
std::vector<std::string> linux_platforms(const InterpreterFacts& facts)
{
    std::vector<std::string> platforms;
    const std::string& linux = facts.platform;
    if (!linux.starts_with("linux_"))
    {
        return {linux};
    }
    const std::string arch = linux.substr(6);
    // _manylinux._have_compatible_abi: architectures manylinux wheels exist for.
    static const std::vector<std::string> k_manylinux_arches = {"x86_64", "i686",    "aarch64",
                                                                "armv7l", "ppc64",   "ppc64le",
                                                                "s390x",  "riscv64", "loongarch64"};
    if (facts.glibc && facts.glibc->major == 2 &&
        std::ranges::find(k_manylinux_arches, arch) != k_manylinux_arches.end())
    {
        const int oldest = (arch == "x86_64" || arch == "i686") ? 5 : 17;
        for (int minor = facts.glibc->minor; minor >= oldest; --minor)
        {
            platforms.push_back("manylinux_2_" + std::to_string(minor) + "_" + arch);
            if (minor == 17)
            {
                platforms.push_back("manylinux2014_" + arch);
            }
            else if (minor == 12)
            {
                platforms.push_back("manylinux2010_" + arch);
            }
            else if (minor == 5)
            {
                platforms.push_back("manylinux1_" + arch);
            }
        }
    }
    platforms.push_back(linux);
    return platforms;
}

// py3X, py3, py3(X-1) ... py30 (packaging's _py_interpreter_range).
std::vector<std::string> python_range(const InterpreterFacts& facts)
{
    const std::string major = std::to_string(facts.major);
    std::vector<std::string> out = {"py" + major + std::to_string(facts.minor), "py" + major};
    for (int minor = facts.minor - 1; minor >= 0; --minor)
    {
        out.push_back("py" + major + std::to_string(minor));
    }
    return out;
}

} // namespace

Expected<std::vector<Tag>> Tag::parse(std::string_view text)
{
    const std::vector<std::string> parts = util::split(text, '-');
    if (parts.size() != 3)
    {
        return fail("invalid compatibility tag '" + std::string(text) +
                    "': expected interpreter-abi-platform, as in py3-none-any");
    }
    std::vector<std::vector<std::string>> sets;
    for (const std::string& part : parts)
    {
        sets.push_back(util::split(part, '.'));
        if (std::ranges::any_of(sets.back(), &std::string::empty))
        {
            return fail("invalid compatibility tag '" + std::string(text) +
                        "': empty tag component");
        }
    }
    std::vector<Tag> tags;
    for (const auto& interpreter : sets[0])
    {
        for (const auto& abi : sets[1])
        {
            for (const auto& platform : sets[2])
            {
                tags.push_back(Tag{interpreter, abi, platform});
            }
        }
    }
    return tags;
}

std::string Tag::to_string() const
{
    return interpreter + "-" + abi + "-" + platform;
}

std::string InterpreterFacts::python_version() const
{
    return std::to_string(major) + "." + std::to_string(minor);
}

std::vector<Tag> compatible_tags(const InterpreterFacts& facts)
{
    const std::vector<std::string> platforms = linux_platforms(facts);
    const std::string name = short_interpreter_name(facts.implementation_name);
    const std::string nodot = std::to_string(facts.major) + std::to_string(facts.minor);
    const std::string interpreter = name + nodot;
    std::vector<Tag> tags;
    const auto for_platforms = [&](const std::string& interp, const std::string& abi)
    {
        for (const std::string& platform : platforms)
        {
            tags.push_back(Tag{interp, abi, platform});
        }
    };

    if (name == "cp")
    {
        // cpython_tags: the interpreter's own ABI, then the stable ABI (PEP 384; not for
        // free-threaded builds, PEP 703), then no ABI, then older abi3 down to cp32.
        const bool abi3 = facts.free_threading == FreeThreading::no &&
                          (facts.major > 3 || (facts.major == 3 && facts.minor >= 2));
        if (!facts.abi_tag.empty() && facts.abi_tag != "abi3" && facts.abi_tag != "none")
        {
            for_platforms(interpreter, facts.abi_tag);
        }
        if (abi3)
        {
            for_platforms(interpreter, "abi3");
        }
        for_platforms(interpreter, "none");
        if (abi3)
        {
            for (int minor = facts.minor - 1; minor > 1; --minor)
            {
                for_platforms("cp" + std::to_string(facts.major) + std::to_string(minor), "abi3");
            }
        }
    }
    else
    {
        // generic_tags: the interpreter's ABI (e.g. pypy39_pp73), then none.
        if (!facts.abi_tag.empty() && facts.abi_tag != "none")
        {
            for_platforms(interpreter, facts.abi_tag);
        }
        for_platforms(interpreter, "none");
    }

    // compatible_tags: pure-Python-interpreter tags on this platform, then "any".
    const std::vector<std::string> pythons = python_range(facts);
    for (const std::string& python : pythons)
    {
        for_platforms(python, "none");
    }
    if (name == "cp")
    {
        tags.push_back(Tag{interpreter, "none", "any"});
    }
    else if (name == "pp")
    {
        tags.push_back(Tag{"pp" + std::to_string(facts.major), "none", "any"});
    }
    for (const std::string& python : pythons)
    {
        tags.push_back(Tag{python, "none", "any"});
    }
    return tags;
}

TagPriority::TagPriority(const std::vector<Tag>& supported)
{
    for (std::size_t i = 0; i < supported.size(); ++i)
    {
        m_rank.try_emplace(supported[i], i); // the first (best) position wins
    }
}

std::optional<std::size_t> TagPriority::priority(const Tag& tag) const
{
    const auto it = m_rank.find(tag);
    if (it == m_rank.end())
    {
        return std::nullopt;
    }
    return it->second;
}

std::optional<std::size_t> TagPriority::best(const std::vector<Tag>& tags) const
{
    std::optional<std::size_t> best;
    for (const Tag& tag : tags)
    {
        const auto rank = priority(tag);
        if (rank && (!best || *rank < *best))
        {
            best = rank;
        }
    }
    return best;
}

} // namespace pydeb::python
