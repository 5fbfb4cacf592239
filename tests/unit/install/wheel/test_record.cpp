#include "install/wheel/record.hpp"

#include <doctest/doctest.h>

using namespace pydeb::install;
using pydeb::util::HashAlgorithm;

TEST_CASE("install::parse_csv handles quotes, CRLF and blank lines")
{
    const auto rows = parse_csv("a,b,c\r\n\"file1,file2.txt\",x,\"say \"\"hi\"\"\"\n\nlast,,\n");
    REQUIRE(rows.has_value());
    REQUIRE(rows->size() == 3);
    CHECK((*rows)[0] == std::vector<std::string>{"a", "b", "c"});
    CHECK((*rows)[1] == std::vector<std::string>{"file1,file2.txt", "x", "say \"hi\""});
    CHECK((*rows)[2] == std::vector<std::string>{"last", "", ""});
    CHECK_FALSE(parse_csv("\"open,b,c\n").has_value());
}

TEST_CASE("install::parse_record reads path, hash and size")
{
    const auto entries =
        parse_record("info.txt,sha256=Ln0sA6lQeuJl7PW1NWiFpTOTogKdJBOUmXJloaJa78Y,1\n"
                     "demo-1.0.dist-info/RECORD,,\n");
    REQUIRE(entries.has_value());
    REQUIRE(entries->size() == 2);
    CHECK((*entries)[0].path == "info.txt");
    REQUIRE((*entries)[0].hash.has_value());
    CHECK((*entries)[0].hash->algorithm == HashAlgorithm::sha256);
    CHECK((*entries)[0].hash->digest == "Ln0sA6lQeuJl7PW1NWiFpTOTogKdJBOUmXJloaJa78Y");
    CHECK((*entries)[0].size == 1U);
    CHECK_FALSE((*entries)[1].hash.has_value());
    CHECK_FALSE((*entries)[1].size.has_value());
}

TEST_CASE("install::parse_record refuses weak, unknown hashes and bad rows")
{
    const auto md5 = parse_record("a.py,md5=abc,3\n");
    REQUIRE_FALSE(md5.has_value());
    CHECK(md5.error().message.find("'md5' is not permitted") != std::string::npos);
    CHECK_FALSE(parse_record("a.py,sha1=abc,3\n").has_value());
    const auto sha = parse_record("a.py,sha=abc,3\n");
    REQUIRE_FALSE(sha.has_value());
    CHECK(sha.error().message.find("invalid hash algorithm 'sha'") != std::string::npos);
    CHECK(parse_record("a.py,sha512=abc,3\n").has_value());
    CHECK(parse_record("a.py,blake2b=abc,3\n").has_value());
    const auto fields = parse_record("a.py,sha256=abc\n");
    REQUIRE_FALSE(fields.has_value());
    CHECK(fields.error().message.find("expected 3 fields") != std::string::npos);
    CHECK_FALSE(parse_record("a.py,sha256=abc,3,extra\n").has_value());
    const auto size = parse_record("a.py,sha256=abc,x3\n");
    REQUIRE_FALSE(size.has_value());
    CHECK(size.error().message.find("not an integer") != std::string::npos);
}

TEST_CASE("install::render_record sorts, quotes and lists itself without hash")
{
    const auto text =
        render_record({{"z.py", "ZZ", 2}, {"a,b.py", "AB", 1}, {"../../../bin/tool", "T", 5}},
                      "demo-1.0.dist-info/RECORD");
    CHECK(text == "../../../bin/tool,sha256=T,5\n"
                  "\"a,b.py\",sha256=AB,1\n"
                  "demo-1.0.dist-info/RECORD,,\n"
                  "z.py,sha256=ZZ,2\n");
    // What we write, we read back.
    const auto parsed = parse_record(text);
    REQUIRE(parsed.has_value());
    CHECK((*parsed)[1].path == "a,b.py");
}
