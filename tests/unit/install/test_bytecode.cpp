#include "install/bytecode.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace pydeb::install;

TEST_CASE("install::python_sources lists what compileall compiles, with final paths")
{
    pydeb::python::InterpreterFacts facts;
    facts.major = 3;
    facts.minor = 11;
    facts.purelib = "lib/python3.11/site-packages";
    facts.platlib = "lib64/python3.11/site-packages";
    fs::create_directories("stage");
    const auto layout = Layout::make(fs::absolute("stage"), "/opt/app", facts);
    const auto site = layout.in_stage(facts.purelib);
    for (const auto* file : {"b.py", "a.py", "pkg/__init__.py", "pkg/x.pyw", "pkg/data.txt",
                             "pkg/__pycache__/old.py", "pkg/sub/y.py", "outside/z.py"})
    {
        fs::create_directories((site / file).parent_path());
        std::ofstream(site / file) << "x = 1\n";
    }
    fs::create_directories(site / "dir.py"); // a directory named *.py: walked into
    fs::create_directory_symlink(site / "outside", site / "linked"); // not followed
    fs::create_symlink(site / "a.py", site / "alias.py"); // a file (after symlinks): compiled
    fs::create_directories(layout.in_stage(facts.platlib));
    std::ofstream(layout.in_stage(facts.platlib) / "plat.py") << "y = 2\n";

    std::vector<std::string> finals;
    for (const auto& job : python_sources(layout))
    {
        CHECK(job.source == layout.in_stage(job.final_path.lexically_relative("/opt/app")));
        finals.push_back(job.final_path.string());
    }
    const std::string s = "/opt/app/lib/python3.11/site-packages/";
    CHECK(finals == std::vector<std::string>{s + "a.py", s + "alias.py", s + "b.py",
                                             s + "outside/z.py", s + "pkg/__init__.py",
                                             s + "pkg/sub/y.py",
                                             "/opt/app/lib64/python3.11/site-packages/plat.py"});
}

TEST_CASE("install::describe_compile_failure names the file at its final path")
{
    const CompileJob job{"/stage/opt/app/x.py", "/opt/app/x.py"};
    CHECK(
        describe_compile_failure(job, {0, "  File \"/opt/app/x.py\", line 1\nSyntaxError: x\n"}) ==
        "/opt/app/x.py could not be byte-compiled (it is left as source only):\n"
        "  File \"/opt/app/x.py\", line 1\nSyntaxError: x");
}
