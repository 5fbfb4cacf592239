#include "fixtures.hpp"
#include "resolve/lock.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace pydeb;
using namespace pydeb::resolve;
using test::wheel;

namespace
{

python::Requirement req(const char* text)
{
    return *python::Requirement::parse(text);
}

const std::string k_zero(64, '0');

template <typename T> std::string error_of(const Expected<T>& result)
{
    return result ? std::string("(no error)") : result.error().message;
}

} // namespace

TEST_CASE("resolve lock file format")
{
    const Lock lock{
        {req("flask>=2"), req("requests[socks]; python_version >= '3.8'")},
        {{"click", *python::Version::parse("8.1.3"), "click-8.1.3-py3-none-any.whl", k_zero},
         {"flask", *python::Version::parse("2.2.2"), "Flask-2.2.2-py3-none-any.whl", k_zero}}};
    const std::string text = format_lock(lock);
    CHECK(text ==
          "# pydeb.lock: the exact wheels of a resolution. Written by pydeb; do not edit by "
          "hand.\n"
          "pydeb-lock 1\n"
          "requirement flask>=2\n"
          "requirement requests[socks]; python_version >= \"3.8\"\n"
          "wheel click 8.1.3 click-8.1.3-py3-none-any.whl sha256=" +
              k_zero +
              "\n"
              "wheel flask 2.2.2 Flask-2.2.2-py3-none-any.whl sha256=" +
              k_zero + "\n");
    CHECK(parse_lock(text, "pydeb.lock") == lock);
    REQUIRE(write_lock("pydeb.lock", lock));
    CHECK(read_lock("pydeb.lock") == lock);

    CHECK(error_of(parse_lock("pydeb-lock 2\n", "l")) ==
          "l:1: lock format '2' is not known to this pydeb (it reads format 1); resolve again with "
          "`pydeb lock`");
    CHECK(error_of(parse_lock("pydeb-lock 1\nwheel a 1 a.whl sha256=xyz\n", "l")) ==
          "l:2: expected 'wheel NAME VERSION FILENAME sha256=HEX [url=URL]'");
    CHECK(error_of(parse_lock("pydeb-lock 1\nwheel a 1 a.whl sha256=" + k_zero + " url=\n", "l")) ==
          "l:2: expected 'wheel NAME VERSION FILENAME sha256=HEX [url=URL]'");
    CHECK(error_of(parse_lock("# only a comment\n", "l")) ==
          "l: empty lock file (no 'pydeb-lock 1' line)");
}

TEST_CASE("a wheel from an index is locked with its URL")
{
    const Lock lock{{req("idna")},
                    {{"idna", *python::Version::parse("3.3"), "idna-3.3-py3-none-any.whl", k_zero,
                      "http://127.0.0.1:8080/packages/idna-3.3-py3-none-any.whl"}}};
    const std::string text = format_lock(lock);
    CHECK(text.ends_with("wheel idna 3.3 idna-3.3-py3-none-any.whl sha256=" + k_zero +
                         " url=http://127.0.0.1:8080/packages/idna-3.3-py3-none-any.whl\n"));
    CHECK(parse_lock(text, "pydeb.lock") == lock);
}

TEST_CASE("a distribution built from an sdist is locked as the sdist")
{
    const Lock lock{{req("fastsum")},
                    {{"fastsum", *python::Version::parse("1.0"), "fastsum-1.0.tar.gz", k_zero,
                      "http://127.0.0.1:8080/files/fastsum-1.0.tar.gz"}}};
    const std::string text = format_lock(lock);
    CHECK(text.ends_with("sdist fastsum 1.0 fastsum-1.0.tar.gz sha256=" + k_zero +
                         " url=http://127.0.0.1:8080/files/fastsum-1.0.tar.gz\n"));
    CHECK(parse_lock(text, "pydeb.lock") == lock);
    // The keyword and the file name agree, so a lock means one thing to every reader.
    CHECK(error_of(parse_lock("pydeb-lock 1\nwheel a 1 a-1.tar.gz sha256=" + k_zero + "\n", "l")) ==
          "l:2: 'wheel' line for the file a-1.tar.gz, which is an sdist (lock it with an 'sdist' "
          "line)");
    CHECK(error_of(parse_lock("pydeb-lock 1\nsdist a 1 a-1-py3-none-any.whl sha256=" + k_zero +
                                  "\n",
                              "l")) ==
          "l:2: 'sdist' line for the file a-1-py3-none-any.whl, which is no sdist "
          "(NAME-VERSION.tar.gz or .zip)");
}

TEST_CASE("resolve_locked uses the locked set and checks it")
{
    test::make_wheelhouse("wh",
                          {wheel("app-1.0-py3-none-any.whl", {"Requires-Dist: lib>=1"}),
                           wheel("lib-1.0-py3-none-any.whl"), wheel("lib-2.0-py3-none-any.whl"),
                           wheel("other-1.0-py3-none-any.whl")});
    const auto target = test::linux_cpython311();
    const auto resolved = resolve::resolve({{req("app")}, {"wh"}, target});
    REQUIRE(resolved);
    Lock lock = make_lock({req("app")}, *resolved);
    REQUIRE(lock.wheels.size() == 2);
    CHECK(lock.wheels[1].filename == "lib-2.0-py3-none-any.whl");

    const auto again = resolve_locked(lock, {"wh"}, target, pydeb::util::CacheStore::off());
    REQUIRE(again);
    CHECK(again->wheels == resolved->wheels);

    SUBCASE("a changed wheel is named")
    {
        std::ofstream("wh/lib-2.0-py3-none-any.whl", std::ios::app) << "x";
        const auto changed = resolve_locked(lock, {"wh"}, target, pydeb::util::CacheStore::off());
        REQUIRE_FALSE(changed);
        CHECK(changed.error().message.starts_with(
            "the locked wheels do not fit any more:\n  wh/lib-2.0-py3-none-any.whl changed since "
            "it was locked: its sha256 is "));
    }
    SUBCASE("a missing wheel is named")
    {
        std::filesystem::remove("wh/lib-2.0-py3-none-any.whl");
        CHECK(error_of(resolve_locked(lock, {"wh"}, target, pydeb::util::CacheStore::off())) ==
              "the locked wheels do not fit any more:\n"
              "  lib-2.0-py3-none-any.whl (lib 2.0) is locked but not in the wheelhouse (wh)\n"
              "  app 1.0 requires lib>=1, but the lock has no usable lib\n"
              "resolve again (pydeb lock) if the change is intended");
    }
    SUBCASE("the requirements are checked again")
    {
        lock.requirements = {req("app"), req("lib<2")};
        CHECK(error_of(resolve_locked(lock, {"wh"}, target, pydeb::util::CacheStore::off())) ==
              "the locked wheels do not fit any more:\n"
              "  lib<2 was requested, but the lock has lib 2.0\n"
              "resolve again (pydeb lock) if the change is intended");
        lock.requirements = {req("lib")};
        CHECK(error_of(resolve_locked(lock, {"wh"}, target, pydeb::util::CacheStore::off())) ==
              "the locked wheels do not fit any more:\n"
              "  app 1.0 is locked, but nothing requires it any more\n"
              "resolve again (pydeb lock) if the change is intended");
    }
}
