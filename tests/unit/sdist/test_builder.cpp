#include "sdist/builder.hpp"

#include <doctest/doctest.h>

using pydeb::sdist::tail_lines;

TEST_CASE("sdist::tail_lines keeps the last lines of a backend's output")
{
    CHECK(tail_lines("a\nb\nc\n", 2) == "b\nc");
    CHECK(tail_lines("a\nb\nc", 5) == "a\nb\nc");
    CHECK(tail_lines("", 3).empty());
    CHECK(tail_lines("only\n\n", 1) == "only");
}
