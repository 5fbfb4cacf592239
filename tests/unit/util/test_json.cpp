#include "util/json.hpp"
#include "util/strings.hpp"

#include <doctest/doctest.h>

using namespace pydeb::util;

TEST_CASE("util::json::quote escapes what RFC 8259 section 7 requires")
{
    CHECK(json::quote("plain") == "\"plain\"");
    CHECK(json::quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(json::quote("line\nnext\ttab\r") == "\"line\\nnext\\ttab\\r\"");
    CHECK(json::quote(std::string_view("\x01\x1f\x7f", 3)) == "\"\\u0001\\u001f\\u007f\"");
    CHECK(json::quote(std::string_view("nul\0x", 5)) == "\"nul\\u0000x\"");
}

TEST_CASE("util::json::quote keeps UTF-8 and replaces bytes that are not UTF-8 with U+FFFD")
{
    CHECK(json::quote("Ren\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x90\x8D") ==
          "\"Ren\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x90\x8D\"");
    CHECK(json::quote("a\xFF" "b") == "\"a\xEF\xBF\xBD" "b\"");
    CHECK(json::quote("\xC0\xAF") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\""); // overlong "/"
    CHECK(json::quote("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""); // surrogate
    CHECK(json::quote("\xE2\x82") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");                 // truncated
    CHECK(is_valid_utf8(json::quote("\xFF\xFE\xC3")));
}

TEST_CASE("util::json::dump keeps member order and indents by two")
{
    const json::Value value = json::Object{
        {"b", 1}, {"a", json::Array{true, nullptr, "x"}}, {"empty", json::Array{}},
        {"none", json::Object{}}, {"big", std::uint64_t{1} << 40}, {"neg", -3}};
    CHECK(json::dump(value) == "{\n"
                               "  \"b\": 1,\n"
                               "  \"a\": [\n"
                               "    true,\n"
                               "    null,\n"
                               "    \"x\"\n"
                               "  ],\n"
                               "  \"empty\": [],\n"
                               "  \"none\": {},\n"
                               "  \"big\": 1099511627776,\n"
                               "  \"neg\": -3\n"
                               "}\n");
}

TEST_CASE("util::utf8_sequence_length")
{
    CHECK(utf8_sequence_length("a", 0) == 1);
    CHECK(utf8_sequence_length("\xC3\xA9", 0) == 2);
    CHECK(utf8_sequence_length("\xF4\x8F\xBF\xBF", 0) == 4);
    CHECK(utf8_sequence_length("\xF4\x90\x80\x80", 0) == 0); // above U+10FFFF
    CHECK(utf8_sequence_length("\x80", 0) == 0);
    CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF")); // overlong
}
