#include "spec/load.hpp"
#include "spec_fixture.hpp"

#include <doctest/doctest.h>

using namespace pydeb::spec;

namespace
{

pydeb::Expected<Spec> load_with(std::string_view sign)
{
    write_valid_tree("t");
    write_text("t/pydeb.yaml", std::string(k_valid_spec) + std::string(sign));
    return load("t/pydeb.yaml");
}

} // namespace

TEST_CASE("spec::load reads sign.key with its location")
{
    const auto spec = load_with("sign: {key: 4DC4DEB3C364D46175939914AED11CF699A3D1DC}\n");
    REQUIRE(spec.has_value());
    REQUIRE(spec->sign.has_value());
    CHECK(spec->sign->key == "4DC4DEB3C364D46175939914AED11CF699A3D1DC");
    CHECK(spec->sign->where.to_string() == "t/pydeb.yaml:24:13");
    CHECK_FALSE(load_with("").value().sign.has_value());
}

TEST_CASE("spec::load refuses a sign entry without a key name, or with key material")
{
    CHECK(load_with("sign: ABCD\n").error().message ==
          "t/pydeb.yaml:24:7: 'sign' must be a mapping (sign: {key: FINGERPRINT})");
    CHECK(load_with("sign: {}\n").error().message ==
          "t/pydeb.yaml:24:7: 'sign' needs 'key': the fingerprint of a secret key in the GnuPG "
          "home");
    CHECK(load_with("sign: {keyid: ABCD}\n").error().message ==
          "t/pydeb.yaml:24:8: unknown key 'keyid' in 'sign'; did you mean 'key'?");
    const std::string material = "t/pydeb.yaml:25:8: 'sign.key' names a key in the GnuPG home "
                                 "(its fingerprint, as gpg --list-secret-keys shows it); the key "
                                 "itself never goes into the spec";
    CHECK(load_with("sign:\n  key: |\n    -----BEGIN PGP PRIVATE KEY BLOCK-----\n    lQ\n")
              .error()
              .message.starts_with(material));
}
