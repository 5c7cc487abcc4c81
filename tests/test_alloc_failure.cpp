// SPDX-License-Identifier: MIT
// Allocation failure: a replaced global operator new fails the N-th allocation of a call (once, or from the
// N-th on), for every N until the call makes fewer than N allocations — on every bundled sample and on deep
// and huge shapes, for parse, find_error, the header overloads (pairs and raw block) and advise. Each call
// must return (a degraded result is fine; noexcept means an escaping bad_alloc would terminate), its result
// must be well formed, and once no allocation failed it must equal the result of an undisturbed call. Run
// under the asan presets, LeakSanitizer checks that nothing leaks on the failure paths.
#include <llmerr/parse.hpp>
#include <llmerr/retry.hpp>

#include <cstddef>
#include <cstdlib>
#include <map>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "catch.hpp"
#include "data_files.hpp"

// ---------------------------------------------------------------------------------------------------------
// The failing allocator. Single-threaded use: the test arms it around one call at a time.
namespace {

struct allocator_state {
    long armed_at = -1;  // < 0: never fail
    bool from_then_on = false;
    long count = 0;  // allocations since arming
    long failed = 0;
};
allocator_state state;

bool should_fail() noexcept {
    if (state.armed_at < 0) return false;
    const long i = state.count++;
    const bool fail = state.from_then_on ? i >= state.armed_at : i == state.armed_at;
    if (fail) ++state.failed;
    return fail;
}

}  // namespace

void* test_allocate(std::size_t n) noexcept {
    if (should_fail()) return nullptr;
    return std::malloc(n == 0 ? 1 : n);
}

void* test_allocate_aligned(std::size_t n, std::size_t align) noexcept {
    if (should_fail()) return nullptr;
    void* p = nullptr;
    if (align < sizeof(void*)) align = sizeof(void*);
    return posix_memalign(&p, align, n == 0 ? 1 : n) == 0 ? p : nullptr;
}

#include "replace_new.hpp"

namespace {

// Arms the allocator for the lifetime of the object.
class armed {
public:
    armed(long at, bool from_then_on) noexcept {
        state = allocator_state{};
        state.armed_at = at;
        state.from_then_on = from_then_on;
    }
    armed(const armed&) = delete;
    armed& operator=(const armed&) = delete;
    ~armed() { state.armed_at = -1; }
};

// Counts allocations of `f()` without failing any.
template <class F>
long allocations_of(F&& f) {
    long n = 0;
    {
        const armed on(-1, false);
        state.armed_at = 1L << 62;  // counting, never reached
        f();
        n = state.count;
    }
    return n;
}

bool same(const llmerr::llm_error& a, const llmerr::llm_error& b) {
    return a.provider == b.provider && a.http_status == b.http_status && a.code == b.code && a.message == b.message &&
           a.request_id == b.request_id && a.category == b.category && a.retryable == b.retryable &&
           a.entry == b.entry && a.type == b.type && a.param == b.param && a.api == b.api &&
           a.retry_hint == b.retry_hint && a.should_retry == b.should_retry && a.retry_after == b.retry_after &&
           a.envelope == b.envelope && a.from_stream == b.from_stream && a.truncated == b.truncated &&
           a.salvaged == b.salvaged;
}

bool well_formed(const llmerr::llm_error& e) {
    return static_cast<std::size_t>(e.category) < llmerr::category_count &&
           static_cast<std::size_t>(e.provider) < llmerr::detail::provider_count &&
           e.message.size() <= llmerr::max_message_bytes && e.code.size() <= llmerr::max_field_bytes &&
           e.request_id.size() <= llmerr::max_field_bytes;
}

// The N to try for a call that makes `total` allocations: all of 0…total when that is small, else 0…255,
// then a geometric sweep, then the last 64 (the result is built last).
std::vector<long> failure_points(long total) {
    std::vector<long> points;
    if (total <= 2048) {
        for (long n = 0; n <= total; ++n) points.push_back(n);
        return points;
    }
    for (long n = 0; n < 256; ++n) points.push_back(n);
    for (long n = 256; n < total - 64; n += n / 4) points.push_back(n);
    for (long n = total - 64; n <= total; ++n) points.push_back(n);
    return points;
}

// Runs `call` (returning an llm_error or std::optional<llm_error>) with every failure point, both modes.
// Returns the number of calls in which an allocation failed.
template <class Call>
long exercise(const std::string& what, Call&& call) {
    using result_t = decltype(call());
    const result_t reference = call();
    const long total = allocations_of(call);
    long failed_calls = 0;
    for (const bool from_then_on : {false, true}) {
        for (const long n : failure_points(total)) {
            std::optional<result_t> r;
            long failed = 0;
            {
                const armed on(n, from_then_on);
                r.emplace(call());
                failed = state.failed;
            }
            failed_calls += failed > 0 ? 1 : 0;
            INFO(what << ": allocation " << n << (from_then_on ? " and all after it" : " alone") << " failed");
            if constexpr (std::is_same_v<result_t, llmerr::llm_error>) {
                REQUIRE(well_formed(*r));
                if (failed == 0) REQUIRE(same(*r, reference));
            } else {
                if (r->has_value()) REQUIRE(well_formed(**r));
                if (failed == 0) {
                    REQUIRE(r->has_value() == reference.has_value());
                    if (reference) REQUIRE(same(**r, *reference));
                }
            }
        }
    }
    return failed_calls;
}

// Every entry point on one response; returns the number of calls in which an allocation failed (0 when
// the calls allocate nothing: short strings fit std::string's own buffer).
long exercise_response(const std::string& name, const std::string& body, int status,
                       const std::map<std::string, std::string>& headers) {
    std::string block = "HTTP/1.1 " + std::to_string(status) + " X\r\n";
    for (const auto& [k, v] : headers) block += k + ": " + v + "\r\n";
    block += "\r\n";
    const llmerr::raw_headers raw{block};
    long failures = 0;
    failures += exercise(name + " parse", [&] { return llmerr::parse(body, status); });
    failures += exercise(name + " parse+headers", [&] { return llmerr::parse(body, status, headers); });
    failures += exercise(name + " parse+raw", [&] { return llmerr::parse(body, 0, raw); });
    failures += exercise(name + " find_error", [&] { return llmerr::find_error(status, body); });
    failures += exercise(name + " find_error+headers", [&] { return llmerr::find_error(status, body, headers); });
    failures += exercise(name + " find_error+raw", [&] { return llmerr::find_error(0, body, raw); });
    return failures;
}

}  // namespace

TEST_CASE("the failing allocator fails what it is told to", "[alloc]") {
    const auto make = [] { return std::string(1000, 'x'); };
    CHECK(allocations_of(make) == 1);
    {
        const armed on(0, false);
        CHECK_THROWS_AS(make(), std::bad_alloc);
    }
    {
        const armed on(1, false);
        const std::string a = make();  // the first succeeds
        CHECK_THROWS_AS(make(), std::bad_alloc);
        const std::string c = make();  // once only
        CHECK(state.failed == 1);
    }
    {
        const armed on(1, true);
        const std::string a = make();
        CHECK_THROWS_AS(make(), std::bad_alloc);
        CHECK_THROWS_AS(make(), std::bad_alloc);
    }
    CHECK_NOTHROW(make());
}

TEST_CASE("every sample, every allocation failing", "[alloc]") {
    long failures = 0;
    for (const testdata::sample& s : testdata::all_samples()) {
        const int status = s.meta.contains("status") ? s.meta["status"].get<int>() : 0;
        const auto headers =
            s.meta.contains("headers") ? testdata::headers_of(s.meta) : std::map<std::string, std::string>{};
        failures += exercise_response(s.name, s.body, status, headers);
    }
    CHECK(failures > 1000);  // the allocator did fail allocations inside these calls
}

TEST_CASE("hostile headers, every allocation failing", "[alloc]") {
    const std::map<std::string, std::string> headers = {
        {"Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"},
        {"x-request-id", std::string(300, 'r')},
        {"X-Bce-Error-Code", "AccessDenied"},
        {"X-Bce-Error-Message", std::string(5000, 'm')},
        {"x-should-retry", "false"},
    };
    CHECK(exercise_response("hostile headers", "", 403, headers) > 0);
    const std::string folded = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 429 X\r\nx-request-id: " + std::string(40, 'a') +
                               "\r\n " + std::string(40, 'b') +
                               "\r\n c\r\n\r\n";  // longer than std::string keeps inline
    CHECK(exercise("folded raw block", [&] { return llmerr::parse("{}", 0, llmerr::raw_headers{folded}); }) > 0);
}

TEST_CASE("huge shapes, every allocation failing", "[alloc]") {
    const std::vector<std::pair<std::string, std::string>> shapes = {
        {"huge message", R"({"code":"InvalidApiKey","message":")" + std::string(200000, 'a') + "\"}"},
        {"many keys",
         [] {
             std::string b = "{";
             for (int i = 0; i < 5000; ++i) b += "\"k" + std::to_string(i) + "\":1,";
             return b + R"("code":"InvalidApiKey"})";
         }()},
        {"SSE, many events",
         [] {
             std::string b;
             for (int i = 0; i < 2000; ++i) b += "data: {\"x\":1}\n\n";
             return b + "event: error\ndata: {\"code\":\"InternalError\",\"message\":\"m\"}\n\n";
         }()},
        {"plain text", std::string(100000, 'x')},
    };
    long failures = 0;
    for (const auto& [name, body] : shapes) failures += exercise_response(name, body, 500, {{"x-request-id", "id"}});
    CHECK(failures > 0);
}

TEST_CASE("deep shapes, every allocation failing", "[alloc][deep]") {
    // Deep bodies used to go to an nlohmann DOM fallback, whose destructor allocated during unwinding: abort.
    const std::vector<std::pair<std::string, std::string>> shapes = {
        {"deep arrays", std::string(100000, '[') + std::string(100000, ']')},
        {"deep objects",
         [] {
             std::string b;
             for (int i = 0; i < 20000; ++i) b += "{\"a\":";
             return b + "1" + std::string(20000, '}');
         }()},
        {"deep, error inside", R"({"error":)" + std::string(5000, '[') + std::string(5000, ']') +
                                   R"(,"code":"InvalidApiKey","message":"m"})"},
        {"unclosed", std::string(100000, '{')},
    };
    long failures = 0;
    for (const auto& [name, body] : shapes) failures += exercise_response(name, body, 400, {});
    CHECK(failures > 0);
}

TEST_CASE("advise allocates nothing", "[alloc][retry]") {
    llmerr::retry_budget budget;
    llmerr::retry_policy policy;
    policy.budget = &budget;
    llmerr::llm_error e;
    e.category = llmerr::category::rate_limited;
    e.retryable = true;
    for (const auto& s : testdata::error_samples()) {
        const llmerr::llm_error parsed = llmerr::parse(s.body, 0);
        for (int attempt = 0; attempt < 4; ++attempt) {
            const long n = allocations_of([&] { (void)llmerr::advise(parsed, attempt, policy); });
            INFO(s.name << " attempt " << attempt);
            CHECK(n == 0);
            const armed on(0, true);  // and so cannot fail for want of memory
            (void)llmerr::advise(parsed, attempt, policy);
        }
    }
    CHECK(allocations_of([&] { (void)llmerr::advise(e, 1, llmerr::retry_policy{}); }) == 0);
}
