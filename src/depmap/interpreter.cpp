#include "depmap/interpreter.hpp"

#include <string_view>

namespace fs = std::filesystem;

namespace pydeb::depmap
{

namespace
{

// ^python(\d+\.\d+)[a-z]*$ on the file name ("python3.11", "python3.11d"): its X.Y.
std::optional<std::string> version_in_name(std::string_view name)
{
    const auto digits = [&](std::size_t from)
    {
        std::size_t end = from;
        while (end < name.size() && name[end] >= '0' && name[end] <= '9')
        {
            ++end;
        }
        return end;
    };
    if (!name.starts_with("python"))
    {
        return std::nullopt;
    }
    const std::size_t major_end = digits(6);
    if (major_end == 6 || major_end >= name.size() || name[major_end] != '.')
    {
        return std::nullopt;
    }
    const std::size_t minor_end = digits(major_end + 1);
    if (minor_end == major_end + 1)
    {
        return std::nullopt;
    }
    for (std::size_t i = minor_end; i < name.size(); ++i)
    {
        if (name[i] < 'a' || name[i] > 'z')
        {
            return std::nullopt;
        }
    }
    return std::string(name.substr(6, minor_end - 6));
}

} // namespace

std::optional<std::string> python_x_y(const fs::path& interpreter, const fs::path& root)
{
    std::error_code ec;
    fs::path name = interpreter.filename();
    if (auto real = fs::canonical(root / interpreter.relative_path(), ec); !ec)
    {
        name = real.filename();
    }
    return version_in_name(name.native());
}

Expected<InterpreterRelation> debian_interpreter_relation(const DpkgDatabase& database,
                                                          const fs::path& interpreter)
{
    const auto version = python_x_y(interpreter, database.root());
    if (version)
    {
        const std::string package = "python" + *version;
        if (database.find(package) != nullptr)
        {
            InterpreterRelation out{{package},
                                    interpreter.string() + " is Python " + *version +
                                        ", run by Debian's " + package};
            // The venv's bin/python3 links to the interpreter path as the spec names it
            // (/usr/bin/python3), which another package ships (python3-minimal): depend on it
            // too, held to this X.Y as dh-python does, or the link dangles on a clean target.
            const auto owners = database.find_owners({interpreter}, FollowLinks::no);
            if (auto it = owners.find(interpreter);
                it != owners.end() && it->second != package && it->second != package + "-minimal")
            {
                // Lintian (depends-on-python-minimal) and Python Policy §3.1 want the full
                // python3, not python3-minimal, which only ships the binary and its link.
                std::string owner = it->second;
                if (owner.ends_with("-minimal") &&
                    database.find(owner.substr(0, owner.size() - 8)) != nullptr)
                {
                    owner.resize(owner.size() - 8);
                }
                const auto dot = version->find('.');
                const int next_minor = std::stoi(version->substr(dot + 1)) + 1;
                out.relations.push_back(owner + " (>= " + *version + "~)");
                out.relations.push_back(owner + " (<< " + version->substr(0, dot) + "." +
                                        std::to_string(next_minor) + ")");
                out.detail += "; " + interpreter.string() + " itself belongs to " + it->second;
            }
            return out;
        }
    }
    const auto owners = database.find_owners({interpreter});
    if (auto it = owners.find(interpreter); it != owners.end())
    {
        return InterpreterRelation{{it->second},
                                   interpreter.string() + " belongs to " + it->second};
    }
    return fail(interpreter.string() +
                ": no installed Debian package ships this interpreter, so the package cannot "
                "depend on it; use a Debian python3.X interpreter (apt-get install python3) or "
                "bundle the interpreter");
}

Expected<InterpreterRelation> rpm_interpreter_relation(const fs::path& interpreter,
                                                       const fs::path& root)
{
    const auto version = python_x_y(interpreter, root);
    if (!version)
    {
        return fail(interpreter.string() +
                    ": cannot tell its Python version from the name (expected pythonX.Y); "
                    "name the interpreter by its versioned path, e.g. /usr/bin/python3.11");
    }
    // python(abi) alone is not enough: on RHEL 9 python3.11 provides python(abi) = 3.11 while
    // /usr/bin/python3 is 3.9. The venv links this very file, so require it too (rpm resolves a
    // file dependency to the package that ships it).
    InterpreterRelation out{{"python(abi) = " + *version},
                            interpreter.string() + " is Python " + *version};
    if (interpreter.is_absolute())
    {
        out.relations.push_back(interpreter.string());
    }
    return out;
}

} // namespace pydeb::depmap
