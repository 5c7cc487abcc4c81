// SPDX-License-Identifier: MIT
// Complexity without a clock: for every adversarial shape, the work parse / find_error do on 64× the input
// must be at most 64 × a generous constant times their work on 1×. Work is counted, not timed: this unit
// is compiled with -fsanitize-coverage=trace-pc, so every basic block executed here (llmerr is header-only:
// all of it is compiled here) calls a counter, and operator new counts allocations and bytes
// (tests/complexity_counter.cpp). A fixed cost (catalogue lookups, the result) is measured on the shape's
// 0× form and subtracted, so that it cannot hide superlinear growth. Timings are in bench/ (bench_hostile).
#include <llmerr/parse.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "catch.hpp"
#include "complexity_counter.hpp"

namespace {

// A shape: the body (or header block) for n units of the hostile part.
struct shape {
    const char* name;
    std::function<std::string(int)> make;
    int unit;  // units at 1×
    enum kind_t { body, raw_headers } kind = body;
};

std::string repeat(const std::string& s, int n) {
    std::string out;
    out.reserve(s.size() * static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

std::vector<shape> shapes() {
    return {
        {"many keys",
         [](int n) {
             std::string b = "{";
             for (int i = 0; i < n; ++i) b += "\"key" + std::to_string(i) + "\":" + std::to_string(i) + ",";
             return b + R"("code":"InvalidApiKey","message":"m"})";
         },
         64},
        {"repeated error keys",
         [](int n) { return "{" + repeat(R"("code":"InvalidApiKey","message":"m",)", n) + R"("x":1})"; }, 64},
        {"repeated error objects",
         [](int n) { return "{" + repeat(R"("error":{"code":"c","message":"m"},)", n) + R"("x":1})"; }, 64},
        {"long message",
         [](int n) {
             return R"({"code":"InvalidApiKey","message":")" + std::string(static_cast<std::size_t>(n), 'a') + "\"}";
         },
         512},
        {"long message, many words",
         [](int n) { return R"({"message":")" + repeat("rate limit exceeded please ", n) + "\"}"; }, 16},
        {"tiny SSE events",
         [](int n) {
             return repeat("data:{}\n\n", n) + "event:error\ndata:{\"code\":\"InternalError\",\"message\":\"m\"}\n\n";
         },
         64},
        {"one huge SSE event",
         [](int n) {
             return "event:error\ndata:{\"code\":\"InternalError\",\"message\":\"" +
                    std::string(static_cast<std::size_t>(n), 'x') + "\"}\n\n";
         },
         512},
        {"many data: lines", [](int n) { return "event:error\n" + repeat("data: {\"code\":\"x\"}\n", n) + "\n"; }, 64},
        {"many comment lines",
         [](int n) { return repeat(": keep-alive\n", n) + "data: {\"error\":{\"code\":\"c\"}}\n\n"; }, 64},
        {"backslash runs", [](int n) { return R"({"code":"c","message":")" + repeat("\\\\", n) + "\"}"; }, 256},
        {"escaped quotes", [](int n) { return R"({"code":"c","message":")" + repeat("\\\"", n) + "\"}"; }, 256},
        {"unicode escapes", [](int n) { return R"({"code":"c","message":")" + repeat("\\u4f60", n) + "\"}"; }, 128},
        // Deep shapes: 1× already deeper than the scanner's nesting limit, so that 1× and 64× take one path.
        {"deep arrays",
         [](int n) {
             return std::string(static_cast<std::size_t>(n), '[') + std::string(static_cast<std::size_t>(n), ']');
         },
         256},
        {"deep objects",
         [](int n) { return repeat("{\"a\":", n) + "1" + std::string(static_cast<std::size_t>(n), '}'); }, 256},
        {"deep, unclosed", [](int n) { return std::string(static_cast<std::size_t>(n), '{'); }, 256},
        {"huge integer",
         [](int n) {
             return R"({"error_code":)" + std::string(static_cast<std::size_t>(n), '9') + R"(,"error_msg":"m"})";
         },
         256},
        {"huge exponent",
         [](int n) {
             return R"({"error_code":1e)" + std::string(static_cast<std::size_t>(n), '9') + R"(,"error_msg":"m"})";
         },
         256},
        {"long fraction",
         [](int n) { return R"({"code":0.)" + std::string(static_cast<std::size_t>(n), '1') + R"(,"message":"m"})"; },
         256},
        {"dotted code", [](int n) { return R"({"code":")" + repeat("Throttling.", n) + R"(X","message":"m"})"; }, 16},
        {"dotted code in message",
         [](int n) { return R"({"message":"<400> )" + repeat("InternalError.", n) + R"(Algo: m"})"; }, 16},
        {"long code",
         [](int n) { return R"({"code":")" + std::string(static_cast<std::size_t>(n), 'C') + R"(","message":"m"})"; },
         64},
        {"plain text", [](int n) { return repeat("Service Unavailable ", n); }, 64},
        {"HTML page",
         [](int n) {
             return "<html><head><title>502 Bad Gateway</title></head><body>" + repeat("<p>x</p>", n) +
                    "</body></html>";
         },
         64},
        {"raw header lines",
         [](int n) { return "HTTP/1.1 429 X\r\n" + repeat("x-filler: 1\r\n", n) + "Retry-After: 7\r\n\r\n"; }, 64,
         shape::raw_headers},
        {"folded header", [](int n) { return "HTTP/1.1 429 X\r\nx-request-id: a\r\n" + repeat(" b\r\n", n) + "\r\n"; },
         64, shape::raw_headers},
        {"many status lines",
         [](int n) { return repeat("HTTP/1.1 100 Continue\r\n\r\n", n) + "HTTP/1.1 429 X\r\n\r\n"; }, 64,
         shape::raw_headers},
        {"long Retry-After",
         [](int n) { return "Retry-After: " + std::string(static_cast<std::size_t>(n), '9') + ".5\r\n"; }, 256,
         shape::raw_headers},
    };
}

complexity::counts work_on(const shape& s, const std::string& text) {
    complexity::start();
    if (s.kind == shape::body) {
        (void)llmerr::parse(text, 0);
        (void)llmerr::parse(text, 400, llmerr::provider::dashscope);
        (void)llmerr::find_error(200, text);
    } else {
        (void)llmerr::parse("{}", 0, llmerr::raw_headers{text});
        (void)llmerr::find_error(0, "{}", llmerr::raw_headers{text});
    }
    return complexity::stop();
}

// Superlinear growth shows as a ratio far above 64 (a quadratic one: about 4096). Linear work stays at or
// below 64; the constant allows for a few extra passes on larger inputs (buffers that grow, caps reached).
constexpr double ratio_limit = 64.0 * 4;

// The growth of the size-dependent part from 1× to 64×: (c64 − F) / (c1 − F), with the fixed cost F
// (catalogue lookups, building the result) estimated from 1× and 2× as F = c1 − (c2 − c1). Linear work gives
// 64, quadratic about 1400, whatever F is. `floor` keeps a 1× that costs next to nothing (no allocation at
// all, say) from making a small cost at 64× look superlinear.
double growth(std::uint64_t c1, std::uint64_t c2, std::uint64_t c64, double floor = 1.0) {
    const double step = static_cast<double>(c2) - static_cast<double>(c1);
    const double fixed = static_cast<double>(c1) - step;
    const double d64 = static_cast<double>(c64) - fixed;
    return d64 / (step < floor ? floor : step);
}

// A deliberately quadratic function, to show that the measure catches one.
__attribute__((noinline)) std::size_t quadratic(const std::string& s) {
    std::size_t pairs = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        for (std::size_t j = i + 1; j < s.size(); ++j) pairs += s[i] == s[j] ? 1 : 0;
    }
    return pairs;
}

}  // namespace

TEST_CASE("the measure sees superlinear work", "[complexity]") {
    const auto count = [](std::size_t n) {
        const std::string s(n, 'x');
        complexity::start();
        const std::size_t r = quadratic(s);
        const complexity::counts c = complexity::stop();
        CHECK(r == n * (n - 1) / 2);
        return c.blocks;
    };
    CHECK(growth(count(64), count(128), count(64 * 64)) > ratio_limit);
}

TEST_CASE("work grows linearly on every adversarial shape", "[complexity]") {
    for (const shape& s : shapes()) {
        const std::string x1 = s.make(s.unit), x2 = s.make(2 * s.unit), x64 = s.make(64 * s.unit);
        (void)work_on(s, x1);  // first use: one-time initialisation is not the shape's cost
        const complexity::counts c1 = work_on(s, x1), c2 = work_on(s, x2), c64 = work_on(s, x64);
        const double blocks = growth(c1.blocks, c2.blocks, c64.blocks);
        const double allocations = growth(c1.allocations, c2.allocations, c64.allocations, 8);
        const double bytes = growth(c1.bytes, c2.bytes, c64.bytes, 4096);
        INFO(s.name << ": " << x1.size() << " / " << x2.size() << " / " << x64.size() << " bytes; basic blocks "
                    << c1.blocks << " / " << c2.blocks << " / " << c64.blocks << " (growth " << blocks
                    << "), allocations " << c1.allocations << " / " << c2.allocations << " / " << c64.allocations
                    << " (growth " << allocations << "), bytes " << c1.bytes << " / " << c2.bytes << " / " << c64.bytes
                    << " (growth " << bytes << ")");
        CHECK(c64.blocks > c1.blocks);  // the hostile part is read at all
        CHECK(blocks <= ratio_limit);
        CHECK(allocations <= ratio_limit);
        CHECK(bytes <= ratio_limit);
    }
}

// Not run by default: the counts at 1×, 2×, 4× … 64× of every shape, to see where growth bends.
TEST_CASE("table of counts", "[.table]") {
    for (const shape& s : shapes()) {
        std::string line = s.name;
        (void)work_on(s, s.make(s.unit));
        for (int k = 1; k <= 64; k *= 2) {
            const complexity::counts c = work_on(s, s.make(k * s.unit));
            line += " " + std::to_string(c.blocks) + "/" + std::to_string(c.allocations);
        }
        WARN(line);
    }
}
