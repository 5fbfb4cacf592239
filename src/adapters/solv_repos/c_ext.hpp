// libsolvext's C headers for this adapter's .cpp files only: they lack extern "C" guards
// (libsolv.md §0) and pull in solvable.h, whose `requires` member is a C++20 keyword.
#pragma once

#include "adapters/solv/c_api.hpp"

#define requires solv_requires_
extern "C"
{
#include <solv/dataiterator.h>
#include <solv/pool_parserpmrichdep.h>
#include <solv/repo_deb.h>
#include <solv/repo_repomdxml.h>
#include <solv/repo_rpmdb.h>
#include <solv/repo_rpmmd.h>
#include <solv/repo_solv.h>
#include <solv/repo_write.h>
#include <solv/solv_xfopen.h>
}
#undef requires
