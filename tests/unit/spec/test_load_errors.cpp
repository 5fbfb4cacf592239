#include "spec/load.hpp"
#include "spec_fixture.hpp"
#include "util/strings.hpp"

#include <doctest/doctest.h>

using namespace pydeb::spec;

namespace
{

// Loads a spec that is the valid one with `from` replaced by `to`; returns the error text.
std::string error_for(std::string_view from, std::string_view to)
{
    write_valid_tree("t");
    std::string text(k_valid_spec);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    write_text("t/pydeb.yaml", text);
    const auto spec = load("t/pydeb.yaml");
    REQUIRE_FALSE(spec.has_value());
    return spec.error().message;
}

} // namespace

TEST_CASE("spec::load suggests the key a misspelling meant, with its location")
{
    CHECK(error_for("maintainer:", "maintaner:") ==
          "t/pydeb.yaml:1:1: missing required key 'maintainer'\n"
          "t/pydeb.yaml:7:1: unknown key 'maintaner' in the spec; did you mean 'maintainer'?");
    CHECK(error_for("  bytecode:", "  bytecod:") ==
          "t/pydeb.yaml:15:3: unknown key 'bytecod' in 'install'; did you mean 'bytecode'?");
}

TEST_CASE("spec::load refuses invalid names and versions")
{
    CHECK(error_for("name: myapp", "name: MyApp") ==
          "t/pydeb.yaml:1:7: 'M' is not allowed in a package name: use lower-case letters, "
          "digits, '+', '-' and '.' (Debian Policy §5.6.1)");
    CHECK(error_for("version: \"1.0\"", "version: \"1.0-1\"") ==
          "t/pydeb.yaml:2:10: '-' is not allowed in a version: put the packaging revision in "
          "'release'");
    CHECK(error_for("version: \"1.0\"", "version: beta") ==
          "t/pydeb.yaml:2:10: a version must start with a digit (Debian Policy §5.6.12)");
    CHECK(error_for("release: \"2\"", "release: \"2-1\"") ==
          "t/pydeb.yaml:3:10: '-' is not allowed in a release: use letters, digits, '.', '+' and "
          "'~'");
}

TEST_CASE("spec::load reports every problem, in file order")
{
    const std::string message = error_for("compression: xz", "compression: lz4\nformats2: [deb]");
    const auto lines = pydeb::util::split(message, '\n');
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "t/pydeb.yaml:23:14: 'compression' must be one of: zstd, xz, gzip, none (got "
                      "'lz4')");
    CHECK(lines[1] == "t/pydeb.yaml:24:1: unknown key 'formats2' in the spec; did you mean "
                      "'formats'?");
}

TEST_CASE("spec::load names missing files and bad types where they are")
{
    const std::string missing = error_for("source: conf/app.conf", "source: conf/missing.conf");
    CHECK_MESSAGE(missing.starts_with("t/pydeb.yaml:18:14: source: file not found: "), missing);
    CHECK(missing.ends_with("t/conf/missing.conf (relative paths are resolved against " +
                            std::filesystem::absolute("t").string() + ", the spec's directory)"));
    CHECK(error_for("mode: \"0640\"", "mode: 0999") ==
          "t/pydeb.yaml:18:76: mode is an octal string such as \"0644\" (quote it, or YAML reads "
          "0644 as a number)");
    CHECK(error_for("entry-points: [myapp]", "entry-points: {a: b}") ==
          "t/pydeb.yaml:16:15: 'entry-points' must be a list of strings");
    CHECK(error_for("\"flask>=2\"", "\"flask>=>2\"").starts_with(
        "t/pydeb.yaml:13:18: invalid requirement 'flask>=>2': "));
    CHECK(error_for("interpreter: /bin/sh", "interpreter: /usr/bin/python9.99") ==
          "t/pydeb.yaml:11:16: interpreter: /usr/bin/python9.99 does not exist on this build "
          "host; install the target's Python here (e.g. apt-get install python3)");
}

TEST_CASE("spec::load refuses duplicate keys, invalid YAML and a missing file")
{
    CHECK(error_for("license: MIT", "license: MIT\nlicense: GPL") ==
          "t/pydeb.yaml:9:1: 'license' is given twice in the spec");
    CHECK(error_for("summary: A small service", "summary: [unclosed").starts_with(
        "t/pydeb.yaml:"));
    const auto missing = load("nowhere/pydeb.yaml");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().message == "nowhere/pydeb.yaml: spec file not found");
}

TEST_CASE("spec::load refuses a prefix that is a shared system directory")
{
    CHECK(error_for("  bytecode: install", "  bytecode: install\n  prefix: /usr") ==
          "t/pydeb.yaml:16:11: prefix: /usr is a shared system directory; use a directory of the "
          "package's own, e.g. /opt/venvs/myapp");
    CHECK(error_for("  bytecode: install", "  bytecode: install\n  prefix: opt/x") ==
          "t/pydeb.yaml:16:11: prefix: the path must be absolute");
}

TEST_CASE("spec::load reads python: {bundle: ...} and refuses what does not fit")
{
    write_valid_tree("t");
    std::string text(k_valid_spec);
    text.replace(text.find("  interpreter: /bin/sh"), 22, "  bundle: host\n  keep: [tests, headers]");
    write_text("t/pydeb.yaml", text);
    const auto host = load("t/pydeb.yaml");
    REQUIRE(host.has_value());
    REQUIRE(host->bundle);
    CHECK_FALSE(host->bundle->source);
    CHECK(host->bundle->keep ==
          std::vector<pydeb::python::BundlePart>{pydeb::python::BundlePart::tests,
                                                 pydeb::python::BundlePart::headers});

    write_text("t/cpython.tar.zst", "not really");
    text = std::string(k_valid_spec);
    text.replace(text.find("  interpreter: /bin/sh"), 22, "  bundle: cpython.tar.zst");
    write_text("t/pydeb.yaml", text);
    const auto archive = load("t/pydeb.yaml");
    REQUIRE(archive.has_value());
    CHECK(archive->bundle->source == std::filesystem::absolute("t/cpython.tar.zst").lexically_normal());

    CHECK(error_for("  interpreter: /bin/sh", "  interpreter: /bin/sh\n  bundle: host") ==
          "t/pydeb.yaml:12:11: 'bundle' and 'interpreter' exclude each other: the package either "
          "runs the target's own Python (interpreter) or carries one (bundle)");
    CHECK(error_for("  interpreter: /bin/sh", "  bundle: host\n  keep: [docs]") ==
          "t/pydeb.yaml:12:10: keep: unknown part 'docs' (known: tests, idlelib, tkinter, "
          "ensurepip, static-libraries, headers)");
    CHECK(error_for("  interpreter: /bin/sh", "  keep: [tests]") ==
          "t/pydeb.yaml:11:9: 'keep' applies to a bundled interpreter (python: {bundle: ...})");
    CHECK(error_for("  interpreter: /bin/sh", "  bundle: missing/python.tar.zst")
              .starts_with("t/pydeb.yaml:11:11: "));
}
