// A simple-repository project page (sources/simple_page: PEP 503 HTML and PEP 691 JSON), as an
// index, a proxy or a hostile server may send it. The first byte picks the form. Properties: every
// accepted link has a file name that is one path segment (no '/', '\\' or NUL, never empty, "." or
// ".."), a sha256 that is empty or 64 lower-case hex digits, and an href without its fragment.
#include "fuzz_support.hpp"
#include "sources/simple_page.hpp"

using namespace pydeb;
using pydeb::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
    {
        return 0;
    }
    const std::string_view body = fuzz::text(data + 1, size - 1);
    const auto links = (data[0] & 1) != 0 ? sources::parse_simple_json(body, "fuzz")
                                          : sources::parse_simple_html(body, "fuzz");
    if (!links)
    {
        return 0;
    }
    for (const sources::IndexLink& link : *links)
    {
        require(!link.filename.empty() &&
                    link.filename.find_first_of(std::string_view("/\\\0", 3)) == std::string::npos &&
                    link.filename != "." && link.filename != "..",
                "simple page: a file name that is not one path segment", link.filename);
        require(link.sha256.empty() ||
                    (link.sha256.size() == 64 &&
                     link.sha256.find_first_not_of("0123456789abcdef") == std::string::npos),
                "simple page: an accepted sha256 is not 64 lower-case hex digits", link.sha256);
        require(link.href.find('#') == std::string::npos, "simple page: href keeps its fragment",
                link.href);
    }
    return 0;
}
