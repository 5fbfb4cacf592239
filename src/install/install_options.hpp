// The choices an install is made with. They change the bytes of the installed files, so each one
// is part of a wheel cache entry's key (cache_key.hpp), except LinkMode, which only says how an
// entry reaches the stage.
#pragma once

#include "util/package_choices.hpp"

namespace pydeb::install
{

using pydeb::Bytecode;
using pydeb::Strip;

// Whether a wheel's installed files are kept in the wheel cache.
enum class WheelCaching
{
    store,
    // Installed the cache's way but not kept: the project's own wheel, rebuilt from source on
    // every run (with new bytes unless SOURCE_DATE_EPOCH is set), would add an entry each time.
    skip,
};

// How files of the wheel cache are put into the stage.
enum class LinkMode
{
    // A hard link (a copy when linking fails, e.g. across file systems). Only for a private
    // scratch stage that nothing edits in place: an edit would reach the cache.
    hardlink,
    // A copy: for stages that other tools edit in place (dh_fixperms, dh_strip, rpmbuild's
    // brp-* scripts under `pydeb install`).
    copy,
};

} // namespace pydeb::install
