#include "package/deb/scripts.hpp"
#include "util/files.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <map>

namespace fs = std::filesystem;
using namespace pydeb::package;
using namespace pydeb::package::deb;

namespace
{

// Every hook appends its event name to events.log, so a run shows which hooks dpkg's arguments
// reach.
PackageInfo with_hooks(const fs::path& prefix)
{
    PackageInfo info;
    info.name = "hello";
    auto log = [](std::string_view event)
    { return "printf '%s %s\\n' " + std::string(event) + " \"$*\" >> events.log"; };
    info.lifecycle.pre_install = log("pre_install");
    info.lifecycle.pre_upgrade = log("pre_upgrade");
    info.lifecycle.post_install = log("post_install");
    info.lifecycle.post_upgrade = log("post_upgrade");
    info.lifecycle.pre_remove = log("pre_remove");
    info.lifecycle.post_remove = log("post_remove");
    info.lifecycle.post_purge = log("post_purge");
    info.venv.prefix = prefix.string();
    info.venv.interpreter = "/usr/bin/python3";
    return info;
}

std::map<std::string, std::string> by_name(const std::vector<MaintainerScript>& scripts)
{
    std::map<std::string, std::string> out;
    for (const MaintainerScript& script : scripts)
    {
        fs::remove(script.name);
        std::ofstream(script.name) << script.text;
        out[script.name] = script.text;
    }
    return out;
}

// Run one script the way dpkg does and return what it logged (then clear the log).
std::string run(const std::string& script, const std::string& args, int* status = nullptr)
{
    fs::remove("events.log");
    const int rc = std::system(("sh ./" + script + " " + args + " 2>/dev/null").c_str());
    if (status != nullptr)
    {
        *status = rc;
    }
    else
    {
        CHECK_MESSAGE(rc == 0, script << " " << args);
    }
    return fs::exists("events.log") ? pydeb::util::read_file("events.log").value() : "";
}

} // namespace

TEST_CASE("deb::render_scripts dispatches hooks by dpkg's arguments")
{
    const fs::path prefix = fs::current_path() / "venv";
    auto scripts = render_scripts(with_hooks(prefix));
    REQUIRE(scripts.has_value());
    const auto text = by_name(*scripts);
    REQUIRE(text.size() == 4);

    CHECK(run("preinst", "install") == "pre_install install\n");
    CHECK(run("preinst", "upgrade 1.0-1 2.0-1") == "pre_upgrade upgrade 1.0-1 2.0-1\n");
    CHECK(run("preinst", "abort-upgrade 2.0-1") == "");
    CHECK(run("postinst", "configure ''") == "post_install configure \n");
    CHECK(run("postinst", "configure 1.0-1") == "post_upgrade configure 1.0-1\n");
    CHECK(run("postinst", "abort-upgrade 1.0-1") == "");
    CHECK(run("prerm", "remove") == "pre_remove remove\n");
    CHECK(run("prerm", "upgrade 2.0-1") == "");
    CHECK(run("postrm", "remove") == "post_remove remove\n");
    CHECK(run("postrm", "upgrade 2.0-1") == "");
    CHECK(run("postrm", "purge") == "post_purge purge\n");
    int status = 0;
    run("postinst", "bogus", &status);
    CHECK(status != 0);
}

TEST_CASE("deb::render_scripts runs pydeb's actions at the right events")
{
    const fs::path prefix = fs::current_path() / "venv";
    PackageInfo info = with_hooks(prefix);
    info.venv.purge_paths = {(fs::current_path() / "state").string()};
    auto scripts = render_scripts(info);
    REQUIRE(scripts.has_value());
    by_name(*scripts);

    fs::create_directories(prefix / "lib/pkg/__pycache__");
    std::ofstream(prefix / "lib/pkg/__pycache__/m.cpython-311.pyc") << "x";
    std::ofstream(prefix / "lib/pkg/m.py") << "x = 1\n";
    run("prerm", "upgrade 2.0-1");
    CHECK_FALSE(fs::exists(prefix / "lib/pkg/__pycache__"));
    CHECK(fs::exists(prefix / "lib/pkg/m.py"));

    fs::create_directories("state");
    run("postrm", "remove");
    CHECK(fs::exists(prefix));
    CHECK(fs::exists("state"));
    run("postrm", "purge");
    CHECK_FALSE(fs::exists(prefix));
    CHECK_FALSE(fs::exists("state"));
}

TEST_CASE("deb::render_scripts compiles bytecode only when asked")
{
    const fs::path prefix = fs::current_path() / "venv";
    PackageInfo info = with_hooks(prefix);
    auto plain = render_scripts(info);
    REQUIRE(plain.has_value());
    CHECK(by_name(*plain)["postinst"].find("compileall") == std::string::npos);

    info.venv.compile_bytecode_on_install = true;
    auto scripts = render_scripts(info);
    REQUIRE(scripts.has_value());
    const auto text = by_name(*scripts);
    CHECK(text.at("postinst").find("pydeb_python='/usr/bin/python3'\n") != std::string::npos);
    CHECK(text.at("postinst").find("pydeb_prefix='" + prefix.string() + "'\n") !=
          std::string::npos);
    CHECK(text.at("postinst").find("\"$pydeb_python\" -m compileall -q \"$pydeb_prefix\"") !=
          std::string::npos);
    fs::remove_all(prefix);
    fs::create_directories(prefix / "lib/pkg");
    std::ofstream(prefix / "lib/pkg/m.py") << "x = 1\n";
    if (fs::exists("/usr/bin/python3"))
    {
        run("postinst", "configure ''");
        CHECK(fs::exists(prefix / "lib/pkg/__pycache__"));
    }
}

TEST_CASE("deb::render_scripts quotes hostile values and refuses dangerous prefixes")
{
    // A prefix that would run code if it reached the script unquoted.
    const fs::path prefix = fs::current_path() / "v'; touch pwned; ' $(touch pwned2) `touch x`";
    PackageInfo info = with_hooks(prefix);
    info.lifecycle = {};
    info.venv.compile_bytecode_on_install = true;
    info.venv.purge_paths = {(fs::current_path() / "a b\"$HOME").string()};
    auto scripts = render_scripts(info);
    REQUIRE(scripts.has_value());
    by_name(*scripts);
    fs::create_directories(prefix / "lib");
    fs::create_directories(info.venv.purge_paths[0]);
    for (const auto& [script, args] :
         std::vector<std::pair<std::string, std::string>>{{"postinst", "configure ''"},
                                                          {"prerm", "remove"},
                                                          {"postrm", "remove"},
                                                          {"postrm", "purge"}})
    {
        run(script, args);
    }
    CHECK_FALSE(fs::exists("pwned"));
    CHECK_FALSE(fs::exists("pwned2"));
    CHECK_FALSE(fs::exists("x"));
    CHECK_FALSE(fs::exists(prefix));
    CHECK_FALSE(fs::exists(info.venv.purge_paths[0]));

    for (const std::string bad :
         {"/", "/usr", "/opt", "relative/venv", "/opt/venvs/../../usr", "/opt/venvs/app/"})
    {
        PackageInfo unsafe = with_hooks(bad);
        auto result = render_scripts(unsafe);
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().message.find("must be a normalized absolute path") !=
              std::string::npos);
    }
}

TEST_CASE("deb::render_scripts output passes sh -n and shellcheck")
{
    PackageInfo info = with_hooks("/opt/venvs/hello");
    info.venv.compile_bytecode_on_install = true;
    info.venv.purge_paths = {"/var/lib/hello", "/var/log/hello"};
    auto scripts = render_scripts(info);
    REQUIRE(scripts.has_value());
    const bool shellcheck = std::system("command -v shellcheck >/dev/null 2>&1") == 0;
    for (const auto& [name, text] : by_name(*scripts))
    {
        CHECK_MESSAGE(std::system(("sh -n ./" + name).c_str()) == 0, name);
        if (shellcheck)
        {
            CHECK_MESSAGE(std::system(("shellcheck -s sh ./" + name).c_str()) == 0, name);
        }
    }
    // Nothing to do: no script at all.
    PackageInfo empty;
    auto none = render_scripts(empty);
    REQUIRE(none.has_value());
    CHECK(none->empty());
}

TEST_CASE("deb::render_fragment gives debhelper the same snippets")
{
    VenvActions venv;
    venv.prefix = "/opt/venvs/hello";
    auto fragment = render_fragment("prerm-pydeb-pycache", venv);
    REQUIRE(fragment.has_value());
    CHECK(fragment->find("pydeb_prefix='/opt/venvs/hello'\n") != std::string::npos);
    CHECK(fragment->find('#' + std::string("PREFIX#")) == std::string::npos);
}
