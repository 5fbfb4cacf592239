// Errors a caller handles travel as values: Expected<T> = std::expected<T, Error>.
// Only main() turns an Error into a message and an exit code (the one fatal path).
#pragma once

#include <expected>
#include <string>
#include <utility>

namespace pydeb
{

// A message for a person: where (spec file:line:col, wheel and member name), what went wrong,
// and what to do about it.
struct Error
{
    std::string message;
};

template <typename T>
using Expected = std::expected<T, Error>;

[[nodiscard]] inline std::unexpected<Error> fail(std::string message)
{
    return std::unexpected(Error{std::move(message)});
}

// Prefix an error with where it happened, keeping the original text.
[[nodiscard]] inline Error context(std::string_view where, Error error)
{
    error.message = std::string(where) + ": " + error.message;
    return error;
}

} // namespace pydeb

// PYDEB_TRY(expr): evaluate an Expected, return its error from the enclosing function, else yield
// its value (a GNU statement expression, as ccache's TRY; GCC and Clang both accept it).
#define PYDEB_TRY(...)                                                                             \
    ({                                                                                             \
        auto&& pydeb_try_result_ = (__VA_ARGS__);                                                  \
        if (!pydeb_try_result_)                                                                    \
        {                                                                                          \
            return std::unexpected(std::move(pydeb_try_result_).error());                          \
        }                                                                                          \
        std::move(*pydeb_try_result_);                                                             \
    })
