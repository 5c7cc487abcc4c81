// SPDX-License-Identifier: MIT
// llmerr — an exception type for code that reports failures by throwing.
//
//   try {
//       llmerr::throw_if_error(res->status, res->body, res->headers);  // no-op for a successful response
//   } catch (const llmerr::api_error& e) {
//       if (e.code() == llmerr::category::rate_limited) retry_later(e.error().retry_after);
//       std::cerr << e.what() << '\n';  // llmerr: qianfan HTTP 200 336501 (rate_limited), request id …: …
//   }
//
// api_error is a std::system_error whose code() is make_error_code(error()), so existing handlers of
// std::system_error keep working. The rest of llmerr never throws and builds with -fno-exceptions; this
// header alone needs exceptions.
#ifndef LLMERR_EXCEPTION_HPP
#define LLMERR_EXCEPTION_HPP

#include <cstddef>       // std::size_t
#include <memory>        // std::shared_ptr, std::make_shared (nothrow-copyable exception state)
#include <optional>      // std::optional (find_error)
#include <string>        // std::string, std::to_string
#include <string_view>   // std::string_view
#include <system_error>  // std::system_error
#include <type_traits>   // std::enable_if_t
#include <utility>       // std::move

#include <llmerr/config.hpp>
#include <llmerr/error_code.hpp>
#include <llmerr/parse.hpp>

#if !LLMERR_HAS_EXCEPTIONS
#error "<llmerr/exception.hpp> throws: build with exceptions, or use <llmerr/error_code.hpp> instead"
#endif

LLMERR_BEGIN_NAMESPACE

// what() quotes at most this many bytes of the provider's message.
inline constexpr std::size_t what_message_bytes = 256;

namespace detail {

// "llmerr: <provider> HTTP <status> <code> (<category>), request id <id>: <message>"; the parts that are
// missing are left out.
inline std::string describe(const llm_error& e) {
    std::string s = "llmerr: ";
    s += to_string(e.provider);
    if (e.http_status != 0) {
        s += " HTTP ";
        s += std::to_string(e.http_status);
    }
    s += ' ';
    s += e.code.empty() ? std::string("(no code)") : e.code;
    s += " (";
    s += to_string(e.category);
    s += ')';
    if (!e.request_id.empty()) {
        s += ", request id ";
        s += e.request_id;
    }
    if (!e.message.empty()) {
        std::string m;
        const bool cut = assign_capped(m, e.message, what_message_bytes);
        s += ": ";
        s += m;
        if (cut) s += "\xE2\x80\xA6";  // …
    }
    return s;
}

}  // namespace detail

// api_error
//
// A provider's error response, thrown. code() is make_error_code(error()): compare it with an
// llmerr::category, or read its value and category name. Copying never throws (the state is shared),
// as an exception type requires.
class api_error : public std::system_error {
public:
    // Wraps the parsed error; code() is make_error_code(err).
    explicit api_error(llm_error err)
        : std::system_error(make_error_code(err)),
          state_(std::make_shared<const state>(state{detail::describe(err), std::move(err)})) {}

    // The parsed error: provider, status, code, message, request id, retry_after, catalogue row, …
    [[nodiscard]] const llm_error& error() const noexcept { return state_->error; }

    // Names the provider, status, code, category and request id, then the message (cut at what_message_bytes).
    [[nodiscard]] const char* what() const noexcept override { return state_->what.c_str(); }

private:
    struct state {
        std::string what;
        llm_error error;
    };
    std::shared_ptr<const state> state_;
};

// Throws api_error when find_error(http_status, body, hint) finds an error; returns otherwise.
inline void throw_if_error(int http_status, std::string_view body, provider hint = provider::unknown) {
    if (std::optional<llm_error> e = find_error(http_status, body, hint)) throw api_error(std::move(*e));
}

// As throw_if_error(http_status, body, hint), also reading the response headers (see parse).
template <class Headers, std::enable_if_t<detail::is_header_range<Headers>::value, int> = 0>
void throw_if_error(int http_status, std::string_view body, const Headers& headers, provider hint = provider::unknown) {
    if (std::optional<llm_error> e = find_error(http_status, body, headers, hint)) throw api_error(std::move(*e));
}

LLMERR_END_NAMESPACE

#endif  // LLMERR_EXCEPTION_HPP
