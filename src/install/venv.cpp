#include "install/venv.hpp"

#include "install/wheel/stage_tree.hpp"
#include "util/files.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cctype>

namespace fs = std::filesystem;

namespace pydeb::install
{

namespace
{

std::string quote_ps1(std::string_view text)
{
    return "'" + util::replace_all(std::string(text), "'", "''") + "'";
}

// Install the templates of one directory (venv's install_scripts: 'common' and os.name).
Expected<void> install_activate_scripts(StageTree& tree, const Layout& layout,
                                        const fs::path& templates, const ActivateContext& context,
                                        QuoteVariables quote, std::vector<fs::path>& written)
{
    std::error_code error;
    if (!fs::is_directory(templates, error))
    {
        return {}; // an interpreter without some platform's templates (as venv tolerates)
    }
    for (const auto& entry : fs::directory_iterator(templates))
    {
        if (!entry.is_regular_file())
        {
            continue;
        }
        const auto name = entry.path().filename().string();
        const auto text = PYDEB_TRY(util::read_file(entry.path()));
        const auto relative = layout.stage_relative(fs::path(layout.scripts) / name);
        const auto mode = static_cast<unsigned>(entry.status().permissions() & fs::perms::mask);
        PYDEB_TRY(tree.write_file(relative, render_activate(text, name, context, quote), mode));
        written.push_back(relative);
    }
    return {};
}

} // namespace

std::string shlex_quote(std::string_view text)
{
    if (text.empty())
    {
        return "''";
    }
    const bool safe = std::ranges::all_of(
        text,
        [](char c)
        {
            return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
                   std::string_view("_@%+=:,./-").find(c) != std::string_view::npos;
        });
    if (safe)
    {
        return std::string(text);
    }
    return "'" + util::replace_all(std::string(text), "'", "'\"'\"'") + "'";
}

std::string render_activate(std::string_view text, std::string_view script_name,
                            const ActivateContext& context, QuoteVariables quote)
{
    const auto q = [&](const std::string& value)
    {
        if (quote == QuoteVariables::no)
        {
            return value;
        }
        return script_name.ends_with(".ps1") ? quote_ps1(value) : shlex_quote(value);
    };
    std::string result(text);
    result = util::replace_all(std::move(result), "__VENV_DIR__", q(context.venv_dir));
    result = util::replace_all(std::move(result), "__VENV_NAME__", q(context.venv_name));
    result = util::replace_all(std::move(result), "__VENV_PROMPT__", q(context.prompt));
    result = util::replace_all(std::move(result), "__VENV_BIN_NAME__", q(context.bin_name));
    return util::replace_all(std::move(result), "__VENV_PYTHON__", q(context.python));
}

std::string render_pyvenv_cfg(const Layout& layout, const python::InterpreterFacts& facts,
                              std::string_view resolved_executable)
{
    const fs::path executable(facts.executable);
    return "home = " + executable.parent_path().string() +
           "\ninclude-system-site-packages = false\nversion = " + std::to_string(facts.major) +
           "." + std::to_string(facts.minor) + "." + std::to_string(facts.micro) +
           "\nexecutable = " + std::string(resolved_executable) +
           "\ncommand = " + facts.executable + " -m venv " + layout.prefix.string() + "\n";
}

std::vector<VenvLink> venv_links(const Layout& layout, const python::InterpreterFacts& facts)
{
    const fs::path bin(layout.scripts);
    std::vector<VenvLink> links{{bin / "python3", facts.executable},
                                {bin / "python", "python3"},
                                {bin / ("python" + facts.python_version()), "python3"}};
    // Issue 21197: venv links lib64 -> lib on 64-bit POSIX other than macOS.
    if (facts.machine.find("64") != std::string::npos || facts.machine == "s390x")
    {
        links.push_back({"lib64", "lib"});
    }
    return links;
}

Expected<std::vector<fs::path>>
create_venv(const Layout& layout, const python::InterpreterFacts& facts, const VenvOptions& options)
{
    std::error_code error;
    fs::create_directories(layout.stage_root, error);
    auto tree = PYDEB_TRY(StageTree::open(layout.stage_root));
    std::vector<fs::path> written;
    const auto resolved = fs::canonical(facts.executable, error);
    const auto cfg = layout.stage_relative("pyvenv.cfg");
    PYDEB_TRY(tree.write_file(
        cfg, render_pyvenv_cfg(layout, facts, error ? facts.executable : resolved.string()), 0644));
    written.push_back(cfg);
    const fs::path bin(layout.scripts);
    PYDEB_TRY(tree.make_directories(layout.stage_relative(layout.purelib)));
    PYDEB_TRY(tree.make_directories(layout.stage_relative(layout.platlib)));
    PYDEB_TRY(tree.make_directories(layout.stage_relative("include")));
    for (const auto& link : venv_links(layout, facts))
    {
        PYDEB_TRY(tree.make_symlink(layout.stage_relative(link.path), link.target));
    }
    const fs::path stdlib_venv = fs::path(facts.stdlib) / "venv";
    // gh-124651 made venv quote the replacements; follow what the target's own venv does.
    const auto venv_source = util::read_file(stdlib_venv / "__init__.py");
    const auto quote = venv_source && venv_source->find("shlex.quote") != std::string::npos
                           ? QuoteVariables::yes
                           : QuoteVariables::no;
    const auto name = layout.prefix.filename().string();
    const ActivateContext context{layout.prefix.string(), name,
                                  "(" + options.prompt.value_or(name) + ") ", layout.scripts,
                                  layout.final_path(bin / fs::path(facts.executable).filename())};
    for (const auto* folder : {"common", "posix"})
    {
        PYDEB_TRY(install_activate_scripts(tree, layout, stdlib_venv / "scripts" / folder, context,
                                           quote, written));
    }
    return written;
}

void claim_venv_files(const std::vector<fs::path>& files, OwnerMap& owners)
{
    for (const auto& file : files)
    {
        (void)owners.claim(file, "the virtualenv");
        owners.set_digest(file, "the virtualenv", "virtualenv:" + file.string());
    }
}

} // namespace pydeb::install
