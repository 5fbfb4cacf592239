#include "install/cache/cache_key.hpp"

#include "install/bytecode.hpp"
#include "util/cache_store.hpp"
#include "util/hash.hpp"

namespace pydeb::install
{

namespace
{

std::string sha256_hex(std::string_view text)
{
    return util::to_hex(util::digest(util::HashAlgorithm::sha256, text));
}

std::string_view bytecode_name(Bytecode bytecode)
{
    switch (bytecode)
    {
    case Bytecode::build:
        return "build";
    case Bytecode::install:
        return "install";
    case Bytecode::none:
        return "none";
    }
    return "build";
}

} // namespace

std::string wheel_cache_key(const CacheKeyInputs& inputs)
{
    const auto& facts = inputs.interpreter;
    // Field names are part of the key, so no value can stand for another field.
    util::CacheKey key(k_wheel_cache_format);
    key.add("wheel-sha256").add(inputs.wheel_sha256)
        .add("wheel-filename").add(inputs.wheel_filename)
        .add("prefix").add(inputs.prefix.string())
        // The interpreter: launchers and shebangs name the venv's python, .pyc carry its magic
        // number and cache tag, and its tags decided that the wheel may be installed at all.
        .add("executable").add(facts.executable)
        .add("implementation").add(facts.implementation_name)
        .add("version").add(std::to_string(facts.major) + "." + std::to_string(facts.minor) + "." +
                            std::to_string(facts.micro))
        .add("implementation-version").add(facts.markers.implementation_version)
        .add("cache-tag").add(facts.cache_tag)
        .add("abi-tag").add(facts.abi_tag)
        .add("soabi").add(facts.soabi)
        .add("platform").add(facts.platform)
        .add("machine").add(facts.machine) // lib64 -> lib: a wheel writing through it is refused
        .add("glibc").add(facts.glibc ? std::to_string(facts.glibc->major) + "." +
                                        std::to_string(facts.glibc->minor)
                                  : "")
        .add("free-threading").add(facts.free_threading == python::FreeThreading::yes ? "yes" : "no")
        .add("purelib").add(facts.purelib)
        .add("platlib").add(facts.platlib)
        .add("scripts").add(facts.scripts)
        .add("include").add(facts.include)
        .add("data").add(facts.data)
        .add("bytecode").add(bytecode_name(inputs.bytecode))
        .add("strip").add(inputs.strip == Strip::yes ? "yes" : "no")
        .add("launcher-sha256").add(sha256_hex(inputs.launcher_template))
        .add("compiler-sha256").add(sha256_hex(compile_driver_source()));
    return key.hex();
}

} // namespace pydeb::install
