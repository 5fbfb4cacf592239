#include "install/cache_key.hpp"

#include "install/bytecode.hpp"
#include "pydeb_config.h"
#include "util/hash.hpp"

namespace pydeb::install
{

namespace
{

// NAME=LENGTH:VALUE lines: no value can be mistaken for another field, whatever bytes it holds.
class KeyText
{
public:
    KeyText& add(std::string_view name, std::string_view value)
    {
        m_text.append(name).append("=").append(std::to_string(value.size())).append(":");
        m_text.append(value).append("\n");
        return *this;
    }
    [[nodiscard]] const std::string& text() const { return m_text; }

private:
    std::string m_text;
};

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
    KeyText key;
    key.add("format", k_wheel_cache_format)
        .add("pydeb", PYDEB_VERSION)
        .add("wheel-sha256", inputs.wheel_sha256)
        .add("wheel-filename", inputs.wheel_filename)
        .add("prefix", inputs.prefix.string())
        // The interpreter: launchers and shebangs name the venv's python, .pyc carry its magic
        // number and cache tag, and its tags decided that the wheel may be installed at all.
        .add("executable", facts.executable)
        .add("implementation", facts.implementation_name)
        .add("version", std::to_string(facts.major) + "." + std::to_string(facts.minor) + "." +
                            std::to_string(facts.micro))
        .add("implementation-version", facts.markers.implementation_version)
        .add("cache-tag", facts.cache_tag)
        .add("abi-tag", facts.abi_tag)
        .add("soabi", facts.soabi)
        .add("platform", facts.platform)
        .add("machine", facts.machine) // lib64 -> lib: a wheel writing through it is refused
        .add("glibc", facts.glibc ? std::to_string(facts.glibc->major) + "." +
                                        std::to_string(facts.glibc->minor)
                                  : "")
        .add("free-threading", facts.free_threading == python::FreeThreading::yes ? "yes" : "no")
        .add("purelib", facts.purelib)
        .add("platlib", facts.platlib)
        .add("scripts", facts.scripts)
        .add("include", facts.include)
        .add("data", facts.data)
        .add("bytecode", bytecode_name(inputs.bytecode))
        .add("strip", inputs.strip == Strip::yes ? "yes" : "no")
        .add("launcher-sha256", sha256_hex(inputs.launcher_template))
        .add("compiler-sha256", sha256_hex(compile_driver_source()));
    return sha256_hex(key.text());
}

} // namespace pydeb::install
