// The choices a build is made with that several layers act on: the spec parses them, install/
// and package/ obey them, depmap/ maps relations per format. Defined once here, util being the
// one layer below all of them; each layer names them through a using-declaration.
#pragma once

namespace pydeb
{

// The package formats pydeb writes.
enum class Format
{
    deb,
    rpm,
};

// The payload compression: data.tar.* of a .deb, the rpm payload.
enum class Compression
{
    zstd,
    xz,
    gzip,
    none,
};

enum class Bytecode
{
    build,   // compile now, into the package (checked-hash .pyc with final paths)
    install, // leave it to the target's maintainer scripts: nothing is compiled here
    none,    // no bytecode at all
};

enum class Strip
{
    yes, // --strip-debug every ELF object in the venv
    no,
};

} // namespace pydeb
