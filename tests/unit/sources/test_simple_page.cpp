#include "sources/simple_page.hpp"

#include <doctest/doctest.h>

using namespace pydeb::sources;

namespace
{

constexpr std::string_view k_sha =
    "6a7a62563bbfabfda3a38f3023a1db4a35978c0abd76f6c9605ecd6554d6d9b1";

// The same project page in both forms (PEP 503 as PyPI writes it, PEP 691 JSON).
const std::string k_html =
    std::string(R"(<!DOCTYPE html>
<html><head><meta name="pypi:repository-version" content="1.1"><title>Links for click</title></head>
<body><h1>Links for click</h1>
<!-- <a href="commented-out-1.0.tar.gz">no</a> -->
<a href="../../packages/click-8.1.3-py3-none-any.whl#sha256=)") +
    std::string(k_sha) +
    R"(" data-requires-python="&gt;=3.7" data-dist-info-metadata="sha256=AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12" data-core-metadata="sha256=ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12">click-8.1.3-py3-none-any.whl</a><br/>
<A HREF='click-8.0.0.tar.gz' data-yanked="broken &amp; &#34;bad&#x22;">click-8.0.0.tar.gz</A>
<a href=click-7.0%2Blocal-py2.py3-none-any.whl data-yanked>click-7.0+local-py2.py3-none-any.whl</a>
</body></html>
)";

const std::string k_json = std::string(R"({"meta": {"api-version": "1.1", "_last-serial": 3},
 "name": "click",
 "files": [
  {"filename": "click-8.1.3-py3-none-any.whl", "url": "../../packages/click-8.1.3-py3-none-any.whl",
   "hashes": {"sha256": ")") +
                           std::string(k_sha) + R"("}, "requires-python": ">=3.7",
   "core-metadata": {"sha256": "AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12"}, "dist-info-metadata": {"sha256": "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12"}, "yanked": false},
  {"filename": "click-8.0.0.tar.gz", "url": "click-8.0.0.tar.gz", "hashes": {},
   "yanked": "broken & \"bad\""},
  {"filename": "click-7.0+local-py2.py3-none-any.whl", "url": "click-7.0%2Blocal-py2.py3-none-any.whl",
   "hashes": {}, "requires-python": null, "yanked": true}
 ]})";

} // namespace

TEST_CASE("PEP 503 HTML and PEP 691 JSON give the same links")
{
    const auto html =
        parse_simple_page("text/html; charset=utf-8", k_html, "http://i/simple/click/");
    const auto json =
        parse_simple_page("application/vnd.pypi.simple.v1+json", k_json, "http://i/simple/click/");
    REQUIRE(html.has_value());
    REQUIRE(json.has_value());
    CHECK(*html == *json);
    REQUIRE(html->size() == 3);
    const IndexLink& wheel = (*html)[0];
    CHECK(wheel.href == "../../packages/click-8.1.3-py3-none-any.whl");
    CHECK(wheel.filename == "click-8.1.3-py3-none-any.whl");
    CHECK(wheel.sha256 == k_sha);
    CHECK(wheel.requires_python == ">=3.7");
    CHECK_FALSE(wheel.yanked.has_value());
    CHECK(wheel.has_metadata);
    CHECK(wheel.metadata_sha256 == "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12"); // PEP 714's name wins over PEP 658's
    CHECK((*html)[1].yanked == "broken & \"bad\"");
    CHECK((*html)[1].sha256.empty());
    CHECK((*html)[2].filename == "click-7.0+local-py2.py3-none-any.whl");
    CHECK((*html)[2].yanked == "");
    CHECK_FALSE((*html)[2].requires_python.has_value());
}

TEST_CASE("the versioned HTML type is HTML; anything else is refused with the URL")
{
    CHECK(page_format("application/vnd.pypi.simple.v1+html", "u") == PageFormat::html);
    CHECK(page_format("Application/Vnd.Pypi.Simple.V1+JSON; charset=utf-8", "u") ==
          PageFormat::json);
    const auto other = page_format("application/octet-stream", "http://i/simple/x/");
    REQUIRE_FALSE(other.has_value());
    CHECK(other.error().message ==
          "http://i/simple/x/: the server answered with Content-Type 'application/octet-stream', "
          "not a simple repository page (PEP 503 HTML or PEP 691 JSON); check the index URL");
}

TEST_CASE("malformed pages are errors naming the page")
{
    auto result = parse_simple_html("<a href=\"x-1.0.tar.gz", "http://i/simple/x/");
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message ==
          "http://i/simple/x/: malformed HTML: the page ends inside an <a> tag");
    result = parse_simple_json("{\"files\": [", "http://i/simple/x/");
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message ==
          "http://i/simple/x/: malformed PEP 691 JSON (not a JSON object)");
    result = parse_simple_json(R"({"meta": {"api-version": "2.0"}, "files": []})", "u");
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message == "u: PEP 691 JSON without meta.api-version 1.x; this index "
                                    "speaks a version pydeb does not know");
    result = parse_simple_json(R"({"meta": {"api-version": "1.0"}, "files": [{"url": 3}]})", "u");
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message ==
          "u: malformed PEP 691 JSON: a file without 'url' and 'filename'");
}

TEST_CASE("anchors without href, other tags and <abbr> are not links")
{
    const auto links = parse_simple_html(
        "<abbr title=x>y</abbr><a name=top></a><area href=z.whl><a href=\"\">e</a>"
        "<a\nhref=\"p-1-py3-none-any.whl\">p</a>",
        "u");
    REQUIRE(links.has_value());
    REQUIRE(links->size() == 1);
    CHECK((*links)[0].filename == "p-1-py3-none-any.whl");
}

TEST_CASE("a file name is one path segment: directory links are skipped, traversal is refused")
{
    const auto html = parse_simple_html(R"(<a href="../">..</a><a href="./">.</a>
<a href="x-1.0-py3-none-any.whl">x</a>)",
                                        "https://idx/simple/x/");
    REQUIRE(html.has_value());
    REQUIRE(html->size() == 1);
    CHECK(html->front().filename == "x-1.0-py3-none-any.whl");

    const auto encoded = parse_simple_html(R"(<a href="..%2F..%2Fevil-1.0-py3-none-any.whl">x</a>)",
                                           "https://idx/simple/x/");
    REQUIRE_FALSE(encoded.has_value());
    CHECK(encoded.error().message.find("https://idx/simple/x/: '../../evil-1.0-py3-none-any.whl' "
                                       "is not a file name") == 0);
    const auto json = parse_simple_json(
        R"({"meta":{"api-version":"1.0"},"name":"x","files":[{"filename":"../evil.whl","url":"e.whl","hashes":{}}]})",
        "https://idx/simple/x/");
    REQUIRE_FALSE(json.has_value());
}

TEST_CASE("a sha256 that is not 64 hex digits is not taken")
{
    const auto html = parse_simple_html(R"(<a href="x-1.0.whl#sha256=abcd">x</a>)", "p");
    REQUIRE(html.has_value());
    CHECK(html->front().sha256.empty());
}
