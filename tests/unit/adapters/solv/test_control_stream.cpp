// ControlFieldFilter: what reaches libsolv of a control stanza, whatever the chunking of the input.
#include "adapters/solv_repos/control_stream.hpp"

#include <doctest/doctest.h>

using namespace pydeb::adapters::solv_repos;

namespace
{

const std::string k_input = "Package: foo\n"
                            "Version: 1.0-1\n"
                            "Description: a summary\n"
                            " a long description\n"
                            " .\n"
                            " with Depends: in it\n"
                            "depends: libc6 (>= 2.34),\n"
                            " libbar1\n"
                            "SHA256: 0123abcd\n"
                            "Pre-Depends: dpkg\n"
                            "Tag: role::program\n"
                            "Status: install ok installed\n"
                            "\n"
                            "\n"
                            "Package: bar\n"
                            "X-Odd-Line-Without-Colon\n"
                            " continued\n"
                            "Provides: baz (= 2)"; // no final newline

const std::string k_expected = "Package: foo\n"
                               "Version: 1.0-1\n"
                               "depends: libc6 (>= 2.34),\n"
                               " libbar1\n"
                               "Pre-Depends: dpkg\n"
                               "Status: install ok installed\n"
                               "\n"
                               "\n"
                               "Package: bar\n"
                               "Provides: baz (= 2)\n";

std::string filter_in_chunks(std::size_t size)
{
    ControlFieldFilter filter;
    std::string out;
    for (std::size_t pos = 0; pos < k_input.size(); pos += size)
    {
        filter.feed(std::string_view(k_input).substr(pos, size), out);
    }
    filter.finish(out);
    return out;
}

} // namespace

TEST_CASE("solv_repos::ControlFieldFilter keeps the solver's fields and stanza breaks")
{
    CHECK(filter_in_chunks(k_input.size()) == k_expected);
}

TEST_CASE("solv_repos::ControlFieldFilter gives the same text however the input is split")
{
    for (std::size_t size = 1; size <= 40; ++size)
    {
        CAPTURE(size);
        CHECK(filter_in_chunks(size) == k_expected);
    }
}

TEST_CASE("solv_repos::solver_field matches libsolv's field names, in any case")
{
    for (const char* name : {"Package", "version", "ARCHITECTURE", "Depends", "Pre-Depends",
                             "Provides", "Conflicts", "Breaks", "Replaces", "Recommends",
                             "Suggests", "Enhances", "Multi-Arch", "Source", "Status"})
    {
        CAPTURE(name);
        CHECK(solver_field(name));
    }
    for (const char* name : {"Description", "Filename", "SHA256", "MD5sum", "Installed-Size",
                             "Homepage", "Depends ", "Pre-Depend", ""})
    {
        CAPTURE(name);
        CHECK_FALSE(solver_field(name));
    }
}
