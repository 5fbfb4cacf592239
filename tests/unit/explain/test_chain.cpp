#include "explain/chain.hpp"

#include <doctest/doctest.h>

using namespace pydeb;
using namespace pydeb::explain;

namespace
{

python::Requirement req(std::string_view text)
{
    return python::Requirement::parse(text).value();
}

python::MarkerEnvironment linux_311()
{
    python::MarkerEnvironment env;
    env.python_version = "3.11";
    env.python_full_version = "3.11.2";
    env.sys_platform = "linux";
    return env;
}

} // namespace

TEST_CASE("explain::requirement_edges follows markers and the extras asked for")
{
    const std::map<std::string, std::vector<python::Requirement>> requires_dist{
        {"requests",
         {req("certifi>=2017.4.17"), req("urllib3<3"), req("pysocks!=1.5.7; extra == 'socks'"),
          req("win-inet-pton; sys_platform == 'win32' and extra == 'socks'")}},
        {"urllib3", {req("pysocks; extra == 'socks'")}},
        {"certifi", {}},
        {"pysocks", {}},
        {"win-inet-pton", {}},
        {"flask", {req("Werkzeug>=2")}}, // werkzeug is not in the set: no edge
    };
    const auto plain = requirement_edges({req("requests")}, requires_dist, linux_311());
    CHECK(plain == std::vector<Edge>{{"", "requests", "requests"},
                                     {"requests", "certifi", "certifi>=2017.4.17"},
                                     {"requests", "urllib3", "urllib3<3"}});

    const auto socks =
        requirement_edges({req("requests[socks]"), req("flask")}, requires_dist, linux_311());
    CHECK(socks == std::vector<Edge>{{"", "flask", "flask"},
                                     {"", "requests", "requests[socks]"},
                                     {"requests", "certifi", "certifi>=2017.4.17"},
                                     {"requests", "pysocks", "pysocks!=1.5.7; extra == \"socks\""},
                                     {"requests", "urllib3", "urllib3<3"}});
}

TEST_CASE("explain::chain_to gives the shortest chain from a top-level requirement")
{
    const std::vector<Edge> edges{{"", "flask", "flask>=2"},
                                  {"", "requests", "requests"},
                                  {"flask", "click", "click>=8"},
                                  {"requests", "urllib3", "urllib3<3"},
                                  {"urllib3", "six", "six"},
                                  {"click", "six", "six"},
                                  {"six", "urllib3", "urllib3"}}; // a cycle does no harm
    CHECK(chain_to(edges, "requests") == std::vector<Edge>{{"", "requests", "requests"}});
    CHECK(chain_to(edges, "six") == std::vector<Edge>{{"", "flask", "flask>=2"},
                                                      {"flask", "click", "click>=8"},
                                                      {"click", "six", "six"}});
    CHECK_FALSE(chain_to(edges, "hello"));
}
