// Errors a caller handles travel as values: Expected<T> = std::expected<T, Error>.
// Only main() turns an Error into a message and an exit code (the one fatal path).
#pragma once

#include <expected>
#include <string>
#include <type_traits>
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

namespace detail
{

// The value PYDEB_TRY yields: moved out by value (the Expected dies with the statement
// expression), or nothing for Expected<void>.
template <typename E>
auto take_value(E&& expected)
{
    using T = typename std::remove_cvref_t<E>::value_type;
    if constexpr (std::is_void_v<T>)
    {
        return;
    }
    else
    {
        return T(std::move(*expected));
    }
}

} // namespace detail

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
        ::pydeb::detail::take_value(std::move(pydeb_try_result_));                                 \
    })
