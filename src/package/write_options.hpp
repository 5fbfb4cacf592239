// What a package writer is given besides the package: where it reports progress, when the build
// signs, the key, and whom to tell that the staged files have been read. Writers read no cache
// (deb/ and rpm/payload_reuse.hpp wrap the writers).
#pragma once

#include "package/signer.hpp"
#include "util/progress.hpp"

#include <functional>

namespace pydeb::package
{

struct WriteOptions
{
    util::Progress* progress = nullptr; // counts bytes compressed and written; nullptr: nobody
    Signer* signer = nullptr;           // nullptr: the package is not signed
    // Called once the writer has read every entry's source file (the stage): from then on the
    // caller may remove them while the writer assembles the package. Empty: nobody is told.
    std::function<void()> inputs_read;

    void tell_inputs_read() const
    {
        if (inputs_read)
        {
            inputs_read();
        }
    }
};

} // namespace pydeb::package
