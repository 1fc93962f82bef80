// base/result.h: the result type every fallible boundary returns.
//
// Result<T> holds either a value or an Error. An Error has a stable code (a short
// snake_case string that tests and logs can match on) and a human message that names
// what failed (file, record, field, path). No exception crosses a layer boundary;
// TRY() propagates an error to the caller in one line.
//
//   Result<Db> Db::Open(const std::string& path);
//   TRY(db.Exec("BEGIN"));                       // in a function returning Result<...>
//   auto db = TRY_VALUE(Db::Open(path));         // GNU statement expression
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace base {

struct Error {
    std::string code;     // stable id, e.g. "db_open_failed", "hsds_missing_field"
    std::string message;  // for people: what failed and where

    std::string ToString() const { return code + ": " + message; }
};

inline Error MakeError(std::string code, std::string message) {
    return Error{std::move(code), std::move(message)};
}

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : data_(std::move(value)) {}
    Result(Error error) : data_(std::move(error)) {}

    bool ok() const { return data_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok() && "Result::value() called on an error");
        return std::get<0>(data_);
    }
    const T& value() const& {
        assert(ok() && "Result::value() called on an error");
        return std::get<0>(data_);
    }
    T&& value() && {
        assert(ok() && "Result::value() called on an error");
        return std::get<0>(std::move(data_));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const {
        assert(!ok() && "Result::error() called on a value");
        return std::get<1>(data_);
    }
    T value_or(T fallback) const { return ok() ? std::get<0>(data_) : std::move(fallback); }

private:
    std::variant<T, Error> data_;
};

// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)) {}

    bool ok() const { return !error_.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const {
        assert(!ok() && "Result::error() called on success");
        return *error_;
    }

private:
    std::optional<Error> error_;
};

using Status = Result<void>;
inline Status Ok() { return Status(); }

}  // namespace base

// Propagate an error from an expression returning Result<...>/Status.
#define TRY(expr)                                        \
    do {                                                 \
        auto&& try_result_ = (expr);                     \
        if (!try_result_.ok()) return try_result_.error(); \
    } while (0)

// Evaluate to the value of a Result<T>, or return its error (GNU statement expression).
#define TRY_VALUE(expr)                                  \
    ({                                                   \
        auto try_value_ = (expr);                        \
        if (!try_value_.ok()) return try_value_.error(); \
        std::move(try_value_).value();                   \
    })
