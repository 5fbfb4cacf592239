// The C Header behind adapters::rpm::Header (kept as void* in header.hpp so that header stays free
// of <rpm/*.h>). Internal to adapters/rpm.
#pragma once

#include <rpm/header.h>

namespace pydeb::adapters::rpm
{

inline ::Header handle_of(void* handle)
{
    return static_cast<::Header>(handle);
}

} // namespace pydeb::adapters::rpm
