#include "explain/report.hpp"

#include <doctest/doctest.h>

using namespace pydeb;
using namespace pydeb::explain;

namespace
{

Report sample()
{
    depmap::Mapping mapping;
    mapping.sonames = {
        {"/opt/venvs/app/lib/site-packages/psycopg2/_psycopg.so", "libpq.so.5", "libpq5 (>= 10~~)",
         depmap::Provenance::symbols, "libpq5"},
        {"/opt/venvs/app/lib/site-packages/lxml/etree.so", "libc.so.6", "libc6 (>= 2.14)",
         depmap::Provenance::symbols, "libc6"},
        {"/opt/venvs/app/lib/site-packages/lxml/objectify.so", "libc.so.6", "libc6 (>= 2.14)",
         depmap::Provenance::symbols, "libc6"},
        {"/opt/venvs/app/lib/site-packages/x/y.so", "libvendored.so.1", "",
         depmap::Provenance::bundled, "inside"},
    };
    Report report;
    report.system = system_reasons(mapping, depmap::Target::deb, "/opt/venvs/app");
    report.distributions = {{"certifi",
                             "2022.9.24",
                             {{"", "requests", "requests"}, {"requests", "certifi", "certifi"}}},
                            {"requests", "2.28.1", {{"", "requests", "requests"}}}};
    report.space = {{"requests", 1000, 3, {600, 300, 0, 100}}};
    return report;
}

} // namespace

TEST_CASE("explain::system_reasons groups the objects of one relation and soname")
{
    const auto reasons = sample().system;
    REQUIRE(reasons.size() == 2);
    CHECK(reasons[0].package == "libc6");
    CHECK(reasons[0].objects ==
          std::vector<std::string>{"lib/site-packages/lxml/etree.so",
                                   "lib/site-packages/lxml/objectify.so"});
    CHECK(reasons[1].package == "libpq5");
    CHECK(reasons[1].soname == "libpq.so.5");
    CHECK(reasons[1].provenance == "symbols");
}

TEST_CASE("explain::select keeps what WHAT names, by package, soname or distribution")
{
    CHECK(select(sample(), "libpq5")->system.size() == 1);
    CHECK(select(sample(), "libpq.so.5")->system.at(0).package == "libpq5");
    const auto requests = select(sample(), "Requests");
    REQUIRE(requests.has_value());
    CHECK(requests->system.empty());
    CHECK(requests->distributions.size() == 1);
    CHECK(requests->space.size() == 1);
    const auto none = select(sample(), "nothing");
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().message.starts_with("nothing: neither a system dependency"));
}

TEST_CASE("explain::render_text and render_json")
{
    const Report report = sample();
    const std::string text = render_text(report);
    CHECK(text.find("deb: libpq5 (>= 10~~) [symbols]: libpq.so.5 needed by "
                    "lib/site-packages/psycopg2/_psycopg.so\n") != std::string::npos);
    CHECK(text.find("certifi 2022.9.24: spec requires requests -> requests requires certifi\n") !=
          std::string::npos);
    const std::string json = render_json(report);
    CHECK(json.find("\"from\": null,\n") != std::string::npos);
    CHECK(json.find("\"bytes\": 1000,\n") != std::string::npos);
    CHECK(json.find("\"bytecode\": 300,\n") != std::string::npos);
}
