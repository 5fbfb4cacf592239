#include "package/rpm/scriptlets.hpp"
#include "util/files.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <string>

using namespace pydeb;
using namespace pydeb::package;
namespace fs = std::filesystem;

namespace
{

// Hooks that log their event, so running a scriptlet with rpm's $1 shows which ran.
Lifecycle logging_hooks()
{
    Lifecycle hooks;
    hooks.pre_install = "echo pre_install >> \"$PWD/events\"";
    hooks.post_install = "echo post_install >> \"$PWD/events\"";
    hooks.pre_upgrade = "echo pre_upgrade >> \"$PWD/events\"";
    hooks.post_upgrade = "# only a comment\necho post_upgrade >> \"$PWD/events\"";
    hooks.pre_remove = "echo pre_remove >> \"$PWD/events\"";
    hooks.post_remove = "echo post_remove >> \"$PWD/events\"";
    hooks.post_purge = "echo post_purge >> \"$PWD/events\"";
    return hooks;
}

VenvActions venv_at(const fs::path& prefix)
{
    VenvActions venv;
    venv.prefix = prefix.string();
    venv.interpreter = "/usr/bin/python3";
    return venv;
}

// Run a scriptlet as rpm does (/bin/sh SCRIPT $1) and return the events it logged.
std::string run(const std::string& script, int count)
{
    fs::remove("events");
    REQUIRE(util::write_file_atomic("script.sh", script).has_value());
    const int status = std::system(("sh script.sh " + std::to_string(count)).c_str());
    REQUIRE(status == 0);
    return fs::exists("events") ? util::read_file("events").value() : std::string();
}

bool syntax_ok(const std::string& script)
{
    REQUIRE(util::write_file_atomic("check.sh", script).has_value());
    return std::system("sh -n check.sh") == 0;
}

} // namespace

TEST_CASE("rpm::render_scriptlets maps rpm's $1 onto lifecycle events")
{
    const auto prefix = fs::current_path() / "venv";
    const auto scripts = rpm::render_scriptlets(logging_hooks(), venv_at(prefix));
    REQUIRE(scripts.has_value());
    for (const auto* body :
         {&scripts->pre, &scripts->post, &scripts->preun, &scripts->postun, &scripts->posttrans})
    {
        REQUIRE_FALSE(body->empty());
        CHECK(syntax_ok(*body));
        CHECK(body->find("#PYDEB_DEFINITIONS#") == std::string::npos);
    }
    // rpm -i: %pre 1, %post 1
    CHECK(run(scripts->pre, 1) == "pre_install\n");
    CHECK(run(scripts->post, 1) == "post_install\n");
    // rpm -U: new %pre 2, new %post 2, then the old version's %preun 1 and %postun 1 stay idle
    CHECK(run(scripts->pre, 2) == "pre_upgrade\n");
    CHECK(run(scripts->post, 2) == "post_upgrade\n");
    CHECK(run(scripts->preun, 1).empty());
    CHECK(run(scripts->postun, 1).empty());
    // rpm -e: %preun 0, %postun 0 (rpm has no purge: post_purge runs with post_remove)
    CHECK(run(scripts->preun, 0) == "pre_remove\n");
    CHECK(run(scripts->postun, 0) == "post_remove\npost_purge\n");
}

TEST_CASE("rpm::render_scriptlets removes run-time bytecode only on erase")
{
    const auto prefix = fs::current_path() / "venv";
    const auto cache = prefix / "lib" / "pkg" / "__pycache__";
    fs::create_directories(cache);
    REQUIRE(util::write_file_atomic(prefix / "lib" / "pkg" / "mod.py", "x = 1\n").has_value());
    REQUIRE(util::write_file_atomic(cache / "mod.cpython-311.pyc", "pyc").has_value());
    const auto scripts = rpm::render_scriptlets({}, venv_at(prefix)).value();
    CHECK(scripts.pre.empty());
    CHECK(scripts.post.empty()); // no hooks and no bytecode compilation: no %post at all

    run(scripts.preun, 1); // upgrade: the bytecode belongs to the new version now
    CHECK(fs::exists(cache / "mod.cpython-311.pyc"));
    run(scripts.posttrans, 0); // source still present: kept
    CHECK(fs::exists(cache / "mod.cpython-311.pyc"));
    fs::remove(prefix / "lib" / "pkg" / "mod.py"); // an upgrade dropped the module
    run(scripts.posttrans, 0);
    CHECK_FALSE(fs::exists(prefix / "lib" / "pkg"));

    fs::create_directories(cache);
    REQUIRE(util::write_file_atomic(cache / "other.cpython-311.pyc", "pyc").has_value());
    run(scripts.preun, 0);
    CHECK_FALSE(fs::exists(cache));
    run(scripts.postun, 0); // the leftover empty directories go too
    CHECK_FALSE(fs::exists(prefix));
}

TEST_CASE("rpm::render_scriptlets quotes spec values and removes purge paths on erase")
{
    const auto prefix = fs::current_path() / "it's a venv";
    auto venv = venv_at(prefix);
    const auto state = fs::current_path() / "state $(touch pwned)";
    fs::create_directories(state / "sub");
    venv.purge_paths = {state.string()};
    venv.compile_bytecode_on_install = true;
    const auto scripts = rpm::render_scriptlets({}, venv).value();
    CHECK(scripts.post.find("pydeb_prefix='" + fs::current_path().string() + "/it'\\''s a venv'") !=
          std::string::npos);
    CHECK(syntax_ok(scripts.post));
    run(scripts.postun, 1);
    CHECK(fs::exists(state));
    run(scripts.postun, 0);
    CHECK_FALSE(fs::exists(state));
    CHECK_FALSE(fs::exists("pwned"));
}

TEST_CASE("rpm::render_scriptlets refuses paths the scripts could not delete safely")
{
    CHECK(rpm::render_scriptlets({}, venv_at("/")).error().message ==
          "venv prefix '/': the rpm scriptlets delete below it, so it must be a normalized "
          "absolute path other than '/'");
    CHECK_FALSE(rpm::render_scriptlets({}, venv_at("opt/venvs/app")).has_value());
    CHECK_FALSE(rpm::render_scriptlets({}, venv_at("/opt/venvs/../..")).has_value());
    auto venv = venv_at("/opt/venvs/app");
    venv.purge_paths = {"/var/lib/app/"};
    CHECK_FALSE(rpm::render_scriptlets({}, venv).has_value());
}
