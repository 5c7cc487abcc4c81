// SPDX-License-Identifier: MIT
// llmerr fuzzing — helpers shared by the fuzz targets: turning one fuzz input into several arguments.
//
// Layout (simdjson FuzzUtils style): the first bytes pick small parameters (HTTP status, provider), the rest
// is split on the record separator 0x1E into fields; a header field is split once more on the unit separator
// 0x1F into name and value. Both separators are control bytes that JSON text never contains unescaped, so
// seed bodies survive the split unchanged, and they are in tests/fuzz/llmerr.dict for the mutator.
#ifndef LLMERR_FUZZ_UTIL_HPP
#define LLMERR_FUZZ_UTIL_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <cstdio>       // std::fprintf
#include <cstdlib>      // std::abort
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::pair
#include <vector>       // std::vector

#include <llmerr/provider.hpp>

namespace llmerr_fuzz {

inline constexpr char record_sep = '\x1E';
inline constexpr char unit_sep = '\x1F';

// Reads parameters from the front of the input; past the end it yields zeros.
class input {
public:
    input(const std::uint8_t* data, std::size_t size) noexcept
        : rest_(reinterpret_cast<const char*>(data), size) {}  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)

    std::uint8_t byte() noexcept {
        if (rest_.empty()) return 0;
        const auto b = static_cast<std::uint8_t>(rest_.front());
        rest_.remove_prefix(1);
        return b;
    }

    // An HTTP status. First byte < 0x80: one that matters, picked by the second byte; else the 15 low bits
    // minus 1000 (-1000 … 31767), so that every status, odd and negative ones too, is reachable.
    int status() noexcept {
        static constexpr int interesting[] = {0,   200, 201, 204, 299, 300, 400, 401, 402, 403, 404,
                                              408, 409, 413, 422, 424, 429, 431, 499, 500, 501, 502,
                                              503, 504, 529, 599, 600, 100, 199, -1,  -200};
        const std::uint8_t a = byte();
        const std::uint8_t b = byte();
        if (a < 0x80) return interesting[b % (sizeof(interesting) / sizeof(interesting[0]))];
        return (((a & 0x7F) << 8) | b) - 1000;
    }

    // A provider, including a few values outside the enumeration (which the library must tolerate).
    llmerr::provider provider() noexcept { return static_cast<llmerr::provider>(byte() % 6); }

    [[nodiscard]] std::string_view rest() const noexcept { return rest_; }

private:
    std::string_view rest_;
};

// Splits `s` on `sep` into at most `max_parts` parts (the last part keeps any further separators).
inline std::vector<std::string_view> split(std::string_view s, char sep, std::size_t max_parts) {
    std::vector<std::string_view> out;
    while (out.size() + 1 < max_parts) {
        const std::size_t at = s.find(sep);
        if (at == std::string_view::npos) break;
        out.push_back(s.substr(0, at));
        s.remove_prefix(at + 1);
    }
    out.push_back(s);
    return out;
}

// body 0x1E name 0x1F value 0x1E name 0x1F value …
struct response {
    std::string_view body;
    std::vector<std::pair<std::string, std::string>> headers;
};

inline response split_response(std::string_view s) {
    response r;
    const std::vector<std::string_view> parts = split(s, record_sep, 65);
    r.body = parts.front();
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const std::vector<std::string_view> nv = split(parts[i], unit_sep, 2);
        r.headers.emplace_back(std::string(nv[0]), nv.size() > 1 ? std::string(nv[1]) : std::string());
    }
    return r;
}

// A broken invariant: say which, then abort so libFuzzer (or the replay main) reports the input.
[[noreturn]] inline void fail(const char* what, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: invariant failed: %s\n", file, line, what);
    std::abort();
}

}  // namespace llmerr_fuzz

// Like assert(), but also in release builds (fuzz targets are built with optimisation).
#define LLMERR_FUZZ_CHECK(cond)                                    \
    do {                                                           \
        if (!(cond)) llmerr_fuzz::fail(#cond, __FILE__, __LINE__); \
    } while (false)

#endif  // LLMERR_FUZZ_UTIL_HPP
