#include "depmap/release_libraries.hpp"

#include <doctest/doctest.h>

#include <elf.h>

using namespace pydeb::depmap;
namespace fs = std::filesystem;

namespace
{

ReleaseOrigin origin(std::map<fs::path, std::string> shipped)
{
    return ReleaseOrigin("trixie", std::move(shipped), [](const std::string& package) {
        return pydeb::Expected<ControlTexts>(
            ControlTexts{"libssl.so.3 libssl3t64 #MINVER#\n"
                         " SSL_new@OPENSSL_3.0.0 3.0.0\n",
                         std::nullopt, package + ".deb"});
    });
}

} // namespace

TEST_CASE("ReleaseOrigin: a soname in the multiarch directory, under either usrmerge spelling")
{
    const auto release = origin({{"/usr/lib/x86_64-linux-gnu/libssl.so.3", "libssl3t64"},
                                 {"/lib/x86_64-linux-gnu/libc.so.6", "libc6"}});
    const auto ssl = release.locate("libssl.so.3", pydeb::elf::ElfClass::elf64, EM_X86_64, {});
    REQUIRE(ssl);
    CHECK(*ssl == "/usr/lib/x86_64-linux-gnu/libssl.so.3");
    CHECK(release.locate("libc.so.6", pydeb::elf::ElfClass::elf64, EM_X86_64, {}) ==
          fs::path("/lib/x86_64-linux-gnu/libc.so.6"));
    CHECK_FALSE(release.locate("libnope.so.1", pydeb::elf::ElfClass::elf64, EM_X86_64, {}));
    CHECK(release.find_owners({*ssl}).at(*ssl) == "libssl3t64");
    CHECK(release.where() == "in trixie");
}

TEST_CASE("ReleaseOrigin: an alternative's library, the reference implementation first")
{
    const auto release =
        origin({{"/usr/lib/x86_64-linux-gnu/atlas/libblas.so.3", "libatlas3-base"},
                {"/usr/lib/x86_64-linux-gnu/blas/libblas.so.3", "libblas3"}});
    CHECK(release.locate("libblas.so.3", pydeb::elf::ElfClass::elf64, EM_X86_64, {}) ==
          fs::path("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3"));
}

TEST_CASE("ReleaseOrigin: package_info parses the release's symbols file with depmap's parser")
{
    const auto release = origin({});
    const auto info = release.package_info("libssl3t64", nullptr);
    REQUIRE(info);
    REQUIRE(info->symbols);
    REQUIRE(info->symbols->find("libssl.so.3") != nullptr);
    CHECK(info->symbols->find("libssl.so.3")->dependencies[0] == "libssl3t64 #MINVER#");
}
