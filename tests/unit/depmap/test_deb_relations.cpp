#include "depmap/deb_relations.hpp"

#include <doctest/doctest.h>

using namespace pydeb::depmap;

TEST_CASE("depmap::DependencySet raises #MINVER# to the highest version")
{
    DependencySet set;
    set.update("libc6 #MINVER#", "2.2.5");
    set.update("libc6 #MINVER#", "2.34");
    set.update("libc6 #MINVER#", "2.14");
    set.update("zlib1g #MINVER#", "1:1.1.4");
    set.update("libc6 (>> 2.36), libc6 (<< 2.37)", "0");
    set.add_unversioned("libssl3 (>= 3.0.0)");
    CHECK(set.render("libc6 #MINVER#") == "libc6 (>= 2.34)");
    CHECK(set.render_all() == std::vector<std::string>{"libc6 (>= 2.34)", "libc6 (<< 2.37)",
                                                       "libc6 (>> 2.36)", "libssl3 (>= 3.0.0)",
                                                       "zlib1g (>= 1:1.1.4)"});
}

TEST_CASE("depmap::DependencySet renders minver 0 and empty as unversioned")
{
    DependencySet set;
    set.update("libfoo1 #MINVER#", "0");
    set.update("libbar1 #MINVER#", "");
    CHECK(set.render_all() == std::vector<std::string>{"libbar1", "libfoo1"});
}

TEST_CASE("depmap::merge_relations keeps the strongest simple relation per package")
{
    CHECK(merge_relations({"python3.11", "libc6 (>= 2.14)", "libc6", "libc6 (>= 2.34)",
                           "libblas3 | libblas.so.3", "libc6 (>= 2.17)", "python3.11"}) ==
          std::vector<std::string>{"libblas3 | libblas.so.3", "libc6 (>= 2.34)", "python3.11"});
}

TEST_CASE("depmap::DependencySet renders a template with its white space collapsed")
{
    DependencySet set;
    set.update("  libx1\t #MINVER# ,libx1-extra\n(>= 1) ", "2.0");
    CHECK(set.render("libx1\t #MINVER#") == "libx1 (>= 2.0)");
    CHECK(set.render("libx1-extra\n(>= 1)") == "libx1-extra (>= 1)");
}

TEST_CASE("depmap::merge_relations treats only 'name' and 'name (>= v)' as simple")
{
    // The arch-qualified libc6 keeps its higher minimum; "libc6:" and the other operators and
    // malformed relations are kept as written, once; "libfoo(>= 1)" is simple (no space needed).
    CHECK(merge_relations({"libc6:amd64 (>= 2.3)", "libc6:amd64 (>=2.34 )", "libc6: (>= 9)",
                           "libfoo (<< 2)", "libfoo (>= 1", "libfoo(>= 1)", "libfoo (>= )",
                           "Libfoo", "libfoo (<< 2)"}) ==
          std::vector<std::string>{"Libfoo", "libc6:amd64 (>=2.34 )", "libc6: (>= 9)",
                                   "libfoo (<< 2)", "libfoo (>= 1", "libfoo(>= 1)",
                                   "libfoo (>= )"});
}
