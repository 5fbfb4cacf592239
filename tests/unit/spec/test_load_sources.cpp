#include "spec/load.hpp"
#include "spec_fixture.hpp"

#include <doctest/doctest.h>

using namespace pydeb::spec;

namespace
{

pydeb::Expected<Spec> load_with(std::string_view install_keys)
{
    write_valid_tree("s");
    std::string text(k_valid_spec);
    const std::string anchor = "  bytecode: install\n";
    text.replace(text.find(anchor), anchor.size(), anchor + std::string(install_keys));
    write_text("s/pydeb.yaml", text);
    return load("s/pydeb.yaml");
}

} // namespace

TEST_CASE("spec::load reads install.indexes, find-links and only-binary")
{
    const auto spec =
        load_with("  indexes:\n"
                  "    - https://pypi.example/simple/\n"
                  "    - {url: \"http://127.0.0.1:8080/simple/\", username-env: IDX_USER, "
                  "password-env: IDX_PASSWORD}\n"
                  "  find-links: https://example.com/links.html\n"
                  "  only-binary: true\n");
    REQUIRE(spec.has_value());
    REQUIRE(spec->indexes.size() == 2);
    CHECK(spec->indexes[0].url == "https://pypi.example/simple/");
    CHECK(spec->indexes[0].username_env.empty());
    CHECK(spec->indexes[1].url == "http://127.0.0.1:8080/simple/");
    CHECK(spec->indexes[1].username_env == "IDX_USER");
    CHECK(spec->indexes[1].password_env == "IDX_PASSWORD");
    CHECK(spec->indexes[1].where.line == 18);
    CHECK(spec->find_links == std::vector<std::string>{"https://example.com/links.html"});
    CHECK(spec->only_binary == OnlyBinary::yes);
}

TEST_CASE("spec::load defaults to no index and sdists allowed")
{
    const auto spec = load_with("");
    REQUIRE(spec.has_value());
    CHECK(spec->indexes.empty());
    CHECK(spec->only_binary == OnlyBinary::no);
    CHECK(spec->sdist_sandbox == pydeb::spec::SdistSandbox::bwrap);
}

TEST_CASE("spec::load reads install.sdist-sandbox and locates a bad value")
{
    auto spec = load_with("  sdist-sandbox: none\n");
    REQUIRE(spec.has_value());
    CHECK(spec->sdist_sandbox == pydeb::spec::SdistSandbox::none);
    spec = load_with("  sdist-sandbox: docker\n");
    REQUIRE_FALSE(spec.has_value());
    CHECK(spec.error().message.starts_with("s/pydeb.yaml:16:"));
    CHECK(spec.error().message.find("sdist-sandbox") != std::string::npos);
}

TEST_CASE("spec::load locates bad index entries")
{
    auto spec = load_with("  indexes: [ftp://mirror/simple/]\n");
    REQUIRE_FALSE(spec.has_value());
    CHECK(spec.error().message ==
          "s/pydeb.yaml:16:13: indexes: 'ftp://mirror/simple/' is not an http:// or https:// URL");

    spec = load_with("  indexes:\n    - {url: \"https://i/simple/\", password-env: \"$SECRET\"}\n");
    REQUIRE_FALSE(spec.has_value());
    CHECK(spec.error().message ==
          "s/pydeb.yaml:17:48: password-env: '$SECRET' is not an environment variable name (the "
          "spec names the variable that holds the secret, e.g. INDEX_PASSWORD)");

    spec = load_with("  indexes:\n    - {username-env: U}\n");
    REQUIRE_FALSE(spec.has_value());
    CHECK(spec.error().message == "s/pydeb.yaml:17:7: an index needs 'url' (the simple "
                                  "repository's root, e.g. https://pypi.org/simple/)");

    spec = load_with("  find-links: [links/]\n");
    REQUIRE_FALSE(spec.has_value());
    CHECK(spec.error().message.starts_with("s/pydeb.yaml:16:15: find-links: 'links/' is not an "
                                           "http:// or https:// URL"));
}
