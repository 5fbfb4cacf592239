// What a package writer is given besides the package: where it reports progress and, when the
// build signs, the key. Writers read no cache (deb/payload_reuse.hpp wraps the .deb writer).
#pragma once

#include "package/signer.hpp"
#include "util/progress.hpp"

namespace pydeb::package
{

struct WriteOptions
{
    util::Progress* progress = nullptr; // counts bytes compressed and written; nullptr: nobody
    Signer* signer = nullptr;           // nullptr: the package is not signed
};

} // namespace pydeb::package
