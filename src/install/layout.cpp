#include "install/layout.hpp"

namespace pydeb::install
{

Layout Layout::make(std::filesystem::path stage_root, std::filesystem::path prefix,
                    const python::InterpreterFacts& facts)
{
    Layout layout;
    layout.stage_root = std::move(stage_root);
    layout.prefix = std::move(prefix);
    const auto fallback = "lib/python" + facts.python_version() + "/site-packages";
    layout.purelib = facts.purelib.empty() ? fallback : facts.purelib;
    layout.platlib = facts.platlib.empty() ? layout.purelib : facts.platlib;
    layout.scripts = facts.scripts.empty() ? "bin" : facts.scripts;
    layout.include =
        facts.include.empty() ? "include/site/python" + facts.python_version() : facts.include;
    layout.data = facts.data;
    return layout;
}

std::filesystem::path Layout::scheme_directory(Scheme scheme, std::string_view distribution) const
{
    switch (scheme)
    {
    case Scheme::purelib:
        return purelib;
    case Scheme::platlib:
        return platlib;
    case Scheme::scripts:
        return scripts;
    case Scheme::headers:
        // pip's venv headers scheme: include/site/pythonX.Y/<distribution>
        return std::filesystem::path(include) / std::string(distribution);
    case Scheme::data:
        return data;
    }
    return data;
}

} // namespace pydeb::install
