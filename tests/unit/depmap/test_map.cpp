// depmap/map.hpp: the side-by-side view of several targets' mappings (`pydeb deps`).
#include "depmap/map.hpp"

#include <doctest/doctest.h>

using namespace pydeb::depmap;

namespace
{

MappedSoname mapped(std::string object, std::string soname, std::string relation,
                    Provenance provenance)
{
    return {std::move(object), std::move(soname), std::move(relation), provenance, ""};
}

} // namespace

TEST_CASE("side_by_side: one row per soname, one column per target, padded")
{
    Mapping bookworm;
    bookworm.sonames = {mapped("a.so", "libssl.so.3", "libssl3 (>= 3.0.0)", Provenance::symbols),
                        mapped("a.so", "libc.so.6", "libc6 (>= 2.14)", Provenance::symbols),
                        mapped("b.so", "libc.so.6", "libc6 (>= 2.34)", Provenance::symbols),
                        mapped("b.so", "libffi.so.8", "", Provenance::bundled)};
    Mapping trixie;
    trixie.sonames = {mapped("a.so", "libssl.so.3", "libssl3t64 (>= 3.0.0)", Provenance::symbols),
                      mapped("a.so", "libc.so.6", "libc6 (>= 2.14)", Provenance::symbols),
                      mapped("b.so", "libc.so.6", "libc6 (>= 2.14)", Provenance::symbols),
                      mapped("b.so", "libffi.so.8", "", Provenance::not_found)};
    const auto lines = side_by_side({"bookworm", "trixie"}, {bookworm, trixie});
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "soname       bookworm                           trixie");
    CHECK(lines[1] == "libc.so.6    libc6 (>= 2.14) | libc6 (>= 2.34)  libc6 (>= 2.14)");
    CHECK(lines[2] == "libffi.so.8  bundled                            (nothing)");
    CHECK(lines[3] == "libssl.so.3  libssl3 (>= 3.0.0)                 libssl3t64 (>= 3.0.0)");
}

TEST_CASE("side_by_side: a soname one target does not need is '-'")
{
    Mapping one;
    one.sonames = {mapped("x.so", "libz.so.1", "zlib1g (>= 1:1.2.0)", Provenance::shlibs)};
    const auto lines = side_by_side({"bullseye", "bookworm"}, {one, Mapping{}});
    REQUIRE(lines.size() == 2);
    CHECK(lines[1] == "libz.so.1  zlib1g (>= 1:1.2.0)  -");
}

TEST_CASE("side_by_side: no sonames gives the header only")
{
    CHECK(side_by_side({"el9"}, {Mapping{}}) == std::vector<std::string>{"soname  el9"});
}
