#include "adapters/http/client.hpp"

#include <doctest/doctest.h>

using namespace pydeb::adapters::http;

TEST_CASE("mask_url hides the password and nothing else")
{
    CHECK(mask_url("https://alice:s3cret@idx.example/simple/") == "https://alice:***@idx.example/simple/");
    CHECK(mask_url("https://alice@idx.example/simple/") == "https://alice@idx.example/simple/");
    CHECK(mask_url("https://idx.example/a@b") == "https://idx.example/a@b");
    CHECK(mask_url("http://u:p%40ss@h:8080/x?y=1") == "http://u:***@h:8080/x?y=1");
    // A password that itself holds '@' (not percent-encoded): the last '@' of the authority ends it.
    CHECK(mask_url("http://u:p@ss@h/x") == "http://u:***@h/x");
    CHECK(mask_url("not a url") == "not a url");
}

TEST_CASE("split_credentials takes userinfo out of the URL, percent-decoded")
{
    const auto split = split_credentials("https://alice:p%40ss@idx.example:8443/simple/");
    REQUIRE(split.credentials);
    CHECK(split.credentials->user == "alice");
    CHECK(split.credentials->password == "p@ss");
    CHECK(split.url == "https://idx.example:8443/simple/");
    CHECK_FALSE(split_credentials("https://idx.example/simple/").credentials);
}

TEST_CASE("resolve_reference follows RFC 3986 section 5.2 and keeps fragments")
{
    const std::string base = "https://idx.example/simple/flask/";
    CHECK(resolve_reference(base, "../../files/flask-3.0-py3-none-any.whl#sha256=ab") ==
          "https://idx.example/files/flask-3.0-py3-none-any.whl#sha256=ab");
    CHECK(resolve_reference(base, "/f/x.whl") == "https://idx.example/f/x.whl");
    CHECK(resolve_reference(base, "https://cdn.example/x.whl") == "https://cdn.example/x.whl");
    CHECK(resolve_reference(base, "x.whl") == "https://idx.example/simple/flask/x.whl");
}

TEST_CASE("origin_of fills in the default port")
{
    CHECK(origin_of("https://idx.example/simple/") == "https://idx.example:443");
    CHECK(origin_of("http://idx.example:8080/") == "http://idx.example:8080");
    CHECK(origin_of("https://idx.example/") != origin_of("https://cdn.example/"));
}
