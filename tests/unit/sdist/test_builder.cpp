#include "sdist/builder.hpp"

#include <doctest/doctest.h>

TEST_CASE("sdist::Builder refuses a target Python the host cannot run, saying what to do")
{
    pydeb::sdist::BuilderOptions options;
    options.target.executable = "/nonexistent/python3.9";
    options.target.major = 3;
    options.target.minor = 9;
    options.target.source = pydeb::python::FactsSource::release_packages;
    options.scratch = std::filesystem::temp_directory_path();
    pydeb::sdist::Builder builder(options);
    pydeb::resolve::SdistToBuild sdist;
    sdist.path = "/nonexistent/fastsum-1.0.tar.gz";
    sdist.file = "fastsum-1.0.tar.gz";
    sdist.where = "https://index.example/files/fastsum-1.0.tar.gz";
    sdist.sha256 = std::string(64, 'a');
    sdist.name = "fastsum";
    const auto built = builder.build(sdist);
    REQUIRE_FALSE(built);
    const std::string& message = built.error().message;
    CHECK(message.starts_with(
        "fastsum-1.0.tar.gz (https://index.example/files/fastsum-1.0.tar.gz): "));
    CHECK(message.find("the target's Python 3.9") != std::string::npos);
    CHECK(message.find("(/nonexistent/python3.9)") != std::string::npos);
    CHECK(message.find("a wheel of fastsum for cp39 into a wheelhouse") != std::string::npos);
}
