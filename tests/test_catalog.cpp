// SPDX-License-Identifier: MIT
// The lookup API on real rows: constexpr facts, fallbacks, variants, collisions, misses.
#include <llmerr/catalog.hpp>

#include <sstream>
#include <string>
#include <string_view>

#include "catch.hpp"

using llmerr::category;
using llmerr::lookup;
using llmerr::lookup_in;
using llmerr::provider;

// --- compile-time facts (C++17 static_assert over the generated table) ---
static_assert(llmerr::to_string(provider::dashscope) == "dashscope");
static_assert(llmerr::provider_from_string("qianfan") == provider::qianfan);
static_assert(!llmerr::provider_from_string("Qianfan").has_value());
static_assert(llmerr::category_from_string("context_length_exceeded") == category::context_length_exceeded);
static_assert(lookup(provider::ark, "AuthenticationError")->http_status == 401);
static_assert(lookup(provider::ark, "AuthenticationError")->category == category::authentication);
static_assert(!lookup(provider::ark, "AuthenticationError")->retryable);
static_assert(lookup(provider::ark, "RateLimitExceeded.EndpointRPMExceeded")->retryable);
static_assert(lookup(provider::ark, "QuotaExceeded",
                     "Your account [2100] has exhausted its free trial quota for the "
                     "[doubao-pro] model.")
                  ->category == category::quota_exhausted);
static_assert(
    lookup(provider::ark, "QuotaExceeded", "The request has exceeded the quota. Request id: 0217")->retryable);
static_assert(lookup(provider::ark, "MissingParameter.messages")->code == "MissingParameter.{parameter}");
static_assert(lookup(provider::dashscope, "Throttling.AllocationQuota", "Free allocated quota exceeded.")->category ==
              category::quota_exhausted);
static_assert(lookup(provider::dashscope, "Throttling.AllocationQuota",
                     "Allocated quota exceeded, please increase your quota limit.")
                  ->category == category::rate_limited);
static_assert(lookup(provider::dashscope, "insufficient_quota")->code == "Throttling.AllocationQuota");
// Aliases share the code index with codes: through lookup_in, a dotted prefix, and not across providers.
static_assert(lookup_in(provider::dashscope, "inference", "insufficient_quota")->code == "Throttling.AllocationQuota");
static_assert(lookup(provider::dashscope, "limit_burst_rate.x")->code ==
              lookup(provider::dashscope, "limit_burst_rate")->code);
static_assert(lookup(provider::ark, "insufficient_quota") == nullptr);
static_assert(lookup(provider::dashscope, "insufficient_quot") == nullptr);
// Codes of 1-3, 4-7, 8 and 9+ bytes take different paths through the hash.
static_assert(lookup(provider::qianfan, "17")->value == 17);
static_assert(lookup(provider::qianfan, "110")->value == 110);
static_assert(lookup(provider::qianfan, "336501")->value == 336501);
static_assert(lookup(provider::qianfan, "5") == nullptr);
static_assert(lookup(provider::qianfan, "NotExist")->code == "NotExist");
static_assert(lookup(provider::qianfan, "336501 ") == nullptr);
static_assert(lookup(provider::qianfan, "110")->retry_hint == llmerr::retry_hint::refresh_credentials_once);
static_assert(lookup(provider::qianfan, "336501")->category == category::rate_limited);
static_assert(lookup(provider::qianfan, "InternalError")->api == "iam");
static_assert(lookup(provider::qianfan, "no-such-code") == nullptr);
static_assert(llmerr::is_documented(provider::dashscope, "Throttling.NewKind"));
static_assert(!llmerr::is_documented(provider::dashscope, "NoSuchThing"));
// Past the longest catalogued code, dotted prefixes still resolve (resolve_row skips the long ones).
static_assert(lookup(provider::dashscope,
                     "Throttling.a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.0.1.2.3.4.5.6.7.8.9")
                  ->code == "Throttling");
static_assert(llmerr::detail::catalog_max_code_size < 64);  // the string above is longer than every code

// The compact layout (issue #11): 2-byte string ids into one pool, no string_view per field.
static_assert(sizeof(llmerr::catalog_text) == 2);
static_assert(sizeof(llmerr::catalog_entry) <= 28);
#if defined(__GNUC__)
// The Itanium ABI packs `retryable` and `retry_hint` (bit-fields) into one byte, and `variant` beside `provider`.
static_assert(sizeof(llmerr::catalog_entry) == 24);
#endif
// catalog_text reads as a string_view: conversions, comparisons both ways, members.
static_assert(std::string_view(lookup(provider::ark, "AccessDenied")->code) == "AccessDenied");
static_assert("AccessDenied" == lookup(provider::ark, "AccessDenied")->code);
static_assert(lookup(provider::ark, "AccessDenied")->code != "AccessDenie");
static_assert(lookup(provider::ark, "AccessDenied")->code.size() == 12);
static_assert(lookup(provider::ark, "AccessDenied")->code.substr(6) == "Denied");
static_assert(lookup(provider::ark, "AccessDenied")->aliases.empty());
static_assert(lookup(provider::ark, "AccessDenied")->code < lookup(provider::ark, "AuthenticationError")->code);
static_assert(llmerr::catalog_text{0}.empty());
static_assert(llmerr::catalog_text{65535}.empty());  // an id the pool does not have reads as empty

TEST_CASE("names round-trip", "[catalog]") {
    for (int i = 0; i < static_cast<int>(llmerr::category_count); ++i) {
        const auto c = static_cast<category>(i);
        CHECK(llmerr::category_from_string(llmerr::to_string(c)) == c);
    }
    for (auto p : {provider::unknown, provider::ark, provider::dashscope, provider::qianfan}) {
        CHECK(llmerr::provider_from_string(llmerr::to_string(p)) == p);
    }
    CHECK_FALSE(llmerr::category_from_string("rate_limit").has_value());
    CHECK(llmerr::retry_hint_from_string("slow_ramp_up") == llmerr::retry_hint::slow_ramp_up);
}

TEST_CASE("catalog_text behaves as the string_view it holds", "[catalog]") {
    const auto* e = lookup(provider::dashscope, "Throttling.AllocationQuota");
    REQUIRE(e != nullptr);
    const std::string code(e->code);  // explicit std::string construction
    CHECK(code == "Throttling.AllocationQuota");
    std::string s = "code: ";
    s += e->code;  // std::string::operator+= takes it
    CHECK(s == "code: Throttling.AllocationQuota");
    std::ostringstream os;
    os << e->code << '|' << e->api;  // streams
    CHECK(os.str() == "Throttling.AllocationQuota|inference");
    CHECK(e->code == code);  // with std::string, both ways
    CHECK(code == e->code);
    CHECK(e->code == lookup(provider::dashscope, "insufficient_quota")->code);
    CHECK(e->aliases.find("insufficient_quota") != std::string_view::npos);
    CHECK(e->code.find('.') == 10);  // not in a static_assert: GCC's UBSan makes string_view::find non-constant
    // Every string of every row lies in one chunk of the pool, and equal strings are stored once.
    namespace d = llmerr::detail;
    for (const llmerr::catalog_entry& row : llmerr::entries()) {
        for (const llmerr::catalog_text t : {row.api, row.code, row.type, row.message, row.description, row.match}) {
            if (t.empty()) continue;
            bool inside = false;
            for (std::size_t c = 0; c < d::catalog_pool_chunks.size(); ++c) {
                const std::size_t size = d::catalog_pool_sizes[c];
                inside = inside || (t.data() >= d::catalog_pool_chunks[c] &&
                                    t.data() + t.size() <= d::catalog_pool_chunks[c] + size);
            }
            CHECK(inside);
        }
        if (row.match == row.message) CHECK(row.match.data() == row.message.data());
    }
}

TEST_CASE("exact codes, every provider", "[catalog]") {
    const auto* e = lookup(provider::dashscope, "InvalidApiKey");
    REQUIRE(e != nullptr);
    CHECK(e->http_status == 401);
    CHECK(e->category == category::authentication);
    CHECK_FALSE(e->description.empty());

    e = lookup(provider::qianfan, "336100");
    REQUIRE(e != nullptr);
    CHECK(e->category == category::overloaded);
    CHECK(e->retryable);
    CHECK(e->value == 336100);
}

TEST_CASE("templated families and dotted prefixes", "[catalog]") {
    CHECK(lookup(provider::ark, "InvalidParameter.messages.0.content")->code == "InvalidParameter.{parameter}");
    const auto* e = lookup(provider::dashscope, "Throttling.SomethingNew");
    REQUIRE(e != nullptr);
    CHECK(e->code == "Throttling");
    e = lookup(provider::dashscope, "InternalError.Algo.SomethingNew");
    REQUIRE(e != nullptr);
    CHECK(e->code == "InternalError.Algo");
    // A template needs something in the placeholder's place.
    CHECK(lookup(provider::ark, "MissingParameter.")->code != "MissingParameter.{parameter}");
}

TEST_CASE("message variants", "[catalog]") {
    SECTION("Ark QuotaExceeded: trial, queue, plan window") {
        CHECK(lookup(provider::ark, "QuotaExceeded", "The request has exceeded the quota.")->category ==
              category::rate_limited);
        const auto* plan = lookup(provider::ark, "QuotaExceeded",
                                  "You have exceeded the 5-hour usage quota. It will reset at 2026-11-23 18:00:00.");
        CHECK(plan->category == category::quota_exhausted);
        CHECK(plan->retry_hint == llmerr::retry_hint::wait_for_quota_reset);
        CHECK(lookup(provider::ark, "QuotaExceeded", "something undocumented")->variant == 0);
    }
    SECTION("DashScope InvalidParameter: context length hides in the message") {
        const auto* e = lookup(provider::dashscope, "InvalidParameter",
                               "<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, 30720]");
        REQUIRE(e != nullptr);
        CHECK(e->category == category::context_length_exceeded);
        CHECK(lookup(provider::dashscope, "InvalidParameter", "")->category == category::invalid_request);
    }
    SECTION("DashScope Throttling.AllocationQuota at HTTP 400 is a count limit") {
        const auto* e =
            lookup(provider::dashscope, "Throttling.AllocationQuota", "Free allocated quota exceeded.", 400);
        CHECK(e->http_status == 400);
        CHECK(e->category == category::quota_exhausted);
        CHECK(lookup(provider::dashscope, "Throttling.AllocationQuota", "Free allocated quota exceeded.", 429)
                  ->http_status == 429);
    }
    SECTION("matching is case-insensitive and placeholders match anything") {
        CHECK(lookup(provider::qianfan, "336007", "THE MAX INPUT CHARACTERS IS 20000")->category ==
              category::context_length_exceeded);
        CHECK(lookup(provider::qianfan, "336007", "prompt can not be empty")->category == category::invalid_request);
        CHECK(lookup(provider::qianfan, "336311", "image2text input image illegal")->category ==
              category::content_filtered);
        CHECK(lookup(provider::qianfan, "336311", "invalid image")->category == category::invalid_request);
    }
    SECTION("every variant of a code is listed by variants()") {
        const auto* e = lookup(provider::ark, "QuotaExceeded");
        const auto all = llmerr::variants(*e);
        CHECK(all.size() == 3);
        for (const auto& v : all) CHECK(v.code == "QuotaExceeded");
    }
}

TEST_CASE("codes reused across Qianfan groups keep every meaning", "[catalog]") {
    CHECK(lookup(provider::qianfan, "AccessDenied")->api == "iam");
    CHECK(lookup_in(provider::qianfan, "data.common", "InternalError")->api == "data.common");
    const auto* dataset = lookup_in(provider::qianfan, "data.dataset", "NotExist");
    const auto* group = lookup_in(provider::qianfan, "data.dataset_group", "NotExist");
    REQUIRE(dataset != nullptr);
    REQUIRE(group != nullptr);
    CHECK(dataset->description != group->description);
    CHECK(lookup_in(provider::qianfan, "model", "70003", "该模型评估任务不存在")->category == category::not_found);
    CHECK(lookup_in(provider::qianfan, "model", "70003", "已开启人工评估模式，评估任务无法停止")->category ==
          category::conflict);
    for (const char* api : {"model", "service", "finetune"}) {
        INFO(api);
        CHECK(lookup_in(provider::qianfan, api, "500000")->api == api);
    }
    CHECK(lookup_in(provider::qianfan, "v2", "500000") == nullptr);
    CHECK(lookup_in(provider::qianfan, "", "110") == nullptr);
}

TEST_CASE("unknown codes and bad input give nullptr", "[catalog]") {
    CHECK(lookup(provider::ark, "") == nullptr);
    CHECK(lookup(provider::ark, "NoSuchCode") == nullptr);
    CHECK(lookup(provider::unknown, "InvalidApiKey") == nullptr);
    CHECK(lookup(static_cast<provider>(200), "InvalidApiKey") == nullptr);
    CHECK(lookup(provider::ark, ".") == nullptr);
    CHECK(lookup(provider::ark, std::string(100000, 'x')) == nullptr);
    CHECK(lookup(provider::dashscope, "insufficient_quota", std::string(1 << 20, 'a')) != nullptr);
}
