// The one place the adapter's .cpp files include libsolv's C headers (never a public header).
// - The ext headers lack extern "C" guards (libsolv 0.7.23's ext/*.h): wrap everything.
// - solvable.h names a struct member `requires`, a keyword since C++20: rename it for the
//   duration of the include (the member is only used through the C API). Standard headers the C
//   headers pull in are included first, so the macro never reaches them.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdio.h>

#define requires solv_requires_
extern "C"
{
#include <solv/knownid.h>
#include <solv/pool.h>
#include <solv/poolarch.h>
#include <solv/problems.h>
#include <solv/queue.h>
#include <solv/repo.h>
#include <solv/rules.h>
#include <solv/solvable.h>
#include <solv/solver.h>
#include <solv/solvversion.h>
}
#undef requires
