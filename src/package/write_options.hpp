// What a package writer is given besides the package: where it reports progress, when the build
// signs, the key, and the cache store.
#pragma once

#include "package/signer.hpp"
#include "util/cache_store.hpp"
#include "util/progress.hpp"

namespace pydeb::package
{

struct WriteOptions
{
    util::Progress* progress = nullptr; // counts bytes compressed and written; nullptr: nobody
    Signer* signer = nullptr;           // nullptr: the package is not signed
    util::CacheStore cache = util::CacheStore::off(); // the .deb's payload cache
};

} // namespace pydeb::package
