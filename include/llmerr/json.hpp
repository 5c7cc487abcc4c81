// SPDX-License-Identifier: MIT
// llmerr — nlohmann::json conversions for llm_error and catalog_entry.
//
//   nlohmann::json j = err;                  // to_json
//   auto back = j.get<llmerr::llm_error>();  // from_json: back.entry == err.entry
//
// An llm_error becomes
//
//   {"provider":"dashscope","http_status":429,"code":"Throttling.AllocationQuota","upstream_code":"",
//    "category":"rate_limited",
//    "retryable":true,"retry_hint":"backoff","retry_after_ms":7000,"should_retry":null,
//    "request_id":"6176ffcd-…","api":"inference",
//    "entry":{"api":"inference","code":"Throttling.AllocationQuota","variant":0},
//    "type":"","param":"","envelope":"code_message","evidence":"exact_code","from_stream":false,
//    "truncated":false,"salvaged":false,
//    "message":"Allocated quota exceeded, please increase your quota limit."}
//
// Enumerations are written as their to_string names. `entry` is null when the catalogue did not know the
// error, else the key of its row, which from_json looks up again (lookup_in + variant) so that the restored
// pointer is the same row of this program's catalogue. `retry_after_ms` and `should_retry` are null when
// absent.
//
// from_json is lenient where a newer llmerr may have written the JSON: a missing key keeps the default, an
// enum name this version does not know reads as `unknown` / `none`, an entry this catalogue lacks reads as
// null, and an `api` that is neither the entry's nor a name the catalogue or the parser uses reads as empty
// (llm_error::api is a string_view into static storage). Keys of the wrong JSON type throw
// nlohmann::json::type_error, as nlohmann's own conversions do.
//
// Numbers are not clamped: `http_status` must be an integer that fits an int, `retry_after_ms` one from 0 to
// milliseconds::max(), the entry's `variant` one that fits a long long (a variant the catalogue lacks reads
// as a null entry, as above). A float with an integral value (429.0) is read as that integer. Anything else
// (1e300, 2.5, a negative retry_after_ms) throws nlohmann::json::out_of_range (id 406): no llmerr writes it,
// so it is a malformed document like a key of the wrong type, not a newer version's output.
#ifndef LLMERR_JSON_HPP
#define LLMERR_JSON_HPP

#include <chrono>       // std::chrono::milliseconds
#include <climits>      // INT_MIN, INT_MAX, LLONG_MIN, LLONG_MAX
#include <cmath>        // std::trunc
#include <cstddef>      // std::size_t
#include <cstdint>      // std::int64_t, std::uint8_t
#include <cstdlib>      // std::abort (without exceptions)
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <type_traits>  // std::enable_if_t, std::false_type, std::true_type

#include <nlohmann/json.hpp>

#include <llmerr/catalog.hpp>
#include <llmerr/config.hpp>
#include <llmerr/parse.hpp>

LLMERR_BEGIN_NAMESPACE

namespace detail {

// The envelope named exactly `name`; none when unknown.
[[nodiscard]] constexpr envelope envelope_from_string(std::string_view name) noexcept {
    for (std::size_t i = 0; i < envelope_count; ++i) {
        if (to_string(static_cast<envelope>(i)) == name) return static_cast<envelope>(i);
    }
    return envelope::none;
}

// `api` as a view into static storage: the entry's own api, an api some catalogue row uses, or one of the
// parser's shape names; empty when none of them.
[[nodiscard]] constexpr std::string_view static_api(std::string_view api, const catalog_entry* entry) noexcept {
    if (api.empty()) return {};
    if (entry != nullptr && entry->api == api) return entry->api;
    for (std::string_view shape : {std::string_view("v1"), std::string_view("v2"), std::string_view("iam")}) {
        if (shape == api) return shape;
    }
    for (const catalog_entry& e : entries()) {
        if (e.api == api) return e.api;
    }
    return {};
}

// The row (provider, api, code, variant); nullptr when this catalogue lacks it.
[[nodiscard]] constexpr const catalog_entry* find_row(provider p, std::string_view api, std::string_view code,
                                                      long long variant) noexcept {
    const catalog_entry* primary = lookup_in(p, api, code);
    if (primary == nullptr || primary->code != code) return nullptr;  // lookup_in also resolves families
    for (const catalog_entry& v : variants(*primary)) {
        if (v.variant == variant) return &v;
    }
    return nullptr;
}

template <class Json, class T>
void read_if_present(const Json& j, const char* key, T& out) {
    const auto it = j.find(key);
    if (it != j.end() && !it->is_null()) it->get_to(out);
}

// Reports `what` about `j` as nlohmann does: throws type_error (302) or out_of_range (406); aborts
// without exceptions.
template <class Json>
[[noreturn]] void json_error(const Json& j, bool type_error, const std::string& what) {
#if LLMERR_HAS_EXCEPTIONS
    if (type_error) throw nlohmann::json::type_error::create(302, what, &j);
    throw nlohmann::json::out_of_range::create(406, what, &j);
#else
    (void)j;
    (void)type_error;
    (void)what;
    std::abort();  // as nlohmann does for its own errors without exceptions
#endif
}

// `j[key]` as an integer from `lo` to `hi` (see the top of this header); nullopt when absent or null.
template <class Json>
[[nodiscard]] std::optional<std::int64_t> read_integer(const Json& j, const char* key, std::int64_t lo,
                                                       std::int64_t hi) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    const auto out_of_range = [&] {
        json_error(*it, false,
                   std::string(key) + " must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi) +
                       ", not " + it->dump());
    };
    std::int64_t v = 0;
    if (it->is_number_unsigned()) {
        const auto u = it->template get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(hi)) out_of_range();  // hi >= 0 for every caller
        v = static_cast<std::int64_t>(u);
    } else if (it->is_number_integer()) {
        v = it->template get<std::int64_t>();
    } else if (it->is_number_float()) {
        const double d = it->template get<double>();
        // [-2^63, 2^63) holds exactly the doubles that convert to int64 without undefined behaviour; NaN fails.
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0) || std::trunc(d) != d) out_of_range();
        v = static_cast<std::int64_t>(d);
    } else {
        json_error(*it, true, std::string(key) + " must be a number, but is " + it->type_name());
    }
    if (v < lo || v > hi) out_of_range();
    return v;
}

}  // namespace detail

inline void to_json(nlohmann::json& j, const catalog_entry& e) {
    j = nlohmann::json{
        {"provider", to_string(e.provider)},
        {"api", e.api},
        {"code", e.code},
        {"variant", e.variant},
        {"http_status", e.http_status},
        {"type", e.type},
        {"message", e.message},
        {"description", e.description},
        {"match", e.match},
        {"category", to_string(e.category)},
        {"retryable", e.retryable},
        {"retry_hint", to_string(e.retry_hint)},
        {"aliases", e.aliases},
        {"value", e.value},
    };
}

// An llm_error as a JSON object (provider, status, code, category, retryable, …; from_json reads it back).
inline void to_json(nlohmann::json& j, const llm_error& e) {
    j = nlohmann::json::object();
    j["provider"] = to_string(e.provider);
    j["http_status"] = e.http_status;
    j["code"] = e.code;
    j["upstream_code"] = e.upstream_code;
    j["category"] = to_string(e.category);
    j["retryable"] = e.retryable;
    j["retry_hint"] = to_string(e.retry_hint);
    j["retry_after_ms"] =
        e.retry_after ? nlohmann::json(static_cast<std::int64_t>(e.retry_after->count())) : nlohmann::json(nullptr);
    j["should_retry"] = e.should_retry ? nlohmann::json(*e.should_retry) : nlohmann::json(nullptr);
    j["request_id"] = e.request_id;
    j["api"] = e.api;
    j["entry"] = e.entry != nullptr
                     ? nlohmann::json{{"api", e.entry->api}, {"code", e.entry->code}, {"variant", e.entry->variant}}
                     : nlohmann::json(nullptr);
    j["type"] = e.type;
    j["param"] = e.param;
    j["envelope"] = to_string(e.envelope);
    j["evidence"] = to_string(e.evidence);
    j["from_stream"] = e.from_stream;
    j["truncated"] = e.truncated;
    j["salvaged"] = e.salvaged;
    j["message"] = e.message;
}

// Reads an llm_error written by to_json (see the top of this header for its leniency and its errors).
inline void from_json(const nlohmann::json& j, llm_error& e) {
    e = llm_error{};
    if (!j.is_object())
        detail::json_error(j, true, "an llm_error must be a JSON object, not " + std::string(j.type_name()));
    std::string name;
    detail::read_if_present(j, "provider", name);
    e.provider = provider_from_string(name).value_or(provider::unknown);
    if (const auto status = detail::read_integer(j, "http_status", INT_MIN, INT_MAX)) {
        e.http_status = static_cast<int>(*status);
    }
    detail::read_if_present(j, "code", e.code);
    detail::read_if_present(j, "upstream_code", e.upstream_code);
    detail::read_if_present(j, "message", e.message);
    detail::read_if_present(j, "request_id", e.request_id);
    name.clear();
    detail::read_if_present(j, "category", name);
    e.category = category_from_string(name).value_or(category::unknown);
    detail::read_if_present(j, "retryable", e.retryable);
    name.clear();
    detail::read_if_present(j, "retry_hint", name);
    e.retry_hint = retry_hint_from_string(name).value_or(retry_hint::none);
    if (const auto ms = detail::read_integer(j, "retry_after_ms", 0, std::chrono::milliseconds::max().count())) {
        e.retry_after = std::chrono::milliseconds(*ms);
    }
    if (const auto should = j.find("should_retry"); should != j.end() && !should->is_null()) {
        e.should_retry = should->get<bool>();
    }
    detail::read_if_present(j, "type", e.type);
    detail::read_if_present(j, "param", e.param);
    name.clear();
    detail::read_if_present(j, "envelope", name);
    e.envelope = detail::envelope_from_string(name);
    name.clear();
    detail::read_if_present(j, "evidence", name);
    e.evidence = evidence_from_string(name).value_or(evidence::none);
    detail::read_if_present(j, "from_stream", e.from_stream);
    detail::read_if_present(j, "truncated", e.truncated);
    detail::read_if_present(j, "salvaged", e.salvaged);

    const auto entry = j.find("entry");
    if (entry != j.end() && entry->is_object()) {
        std::string api, code;
        detail::read_if_present(*entry, "api", api);
        detail::read_if_present(*entry, "code", code);
        const long long variant = detail::read_integer(*entry, "variant", LLONG_MIN, LLONG_MAX).value_or(0);
        e.entry = detail::find_row(e.provider, api, code, variant);
    }
    std::string api;
    detail::read_if_present(j, "api", api);
    e.api = detail::static_api(api, e.entry);
}

// --- parsing a body already held as nlohmann::json ---
//
//   nlohmann::json body = nlohmann::json::parse(res->body, nullptr, false);  // the client parsed it anyway
//   llmerr::llm_error e = llmerr::parse(body, res->status);
//
// The result is the one parse(body.dump(), …) gives: the DOM is written out compactly (strings with invalid
// UTF-8, which a DOM built in code can hold, get U+FFFD instead of dump()'s exception) and that text parsed.
// The dump costs about as much as the parse of a small body (see bench_parse's json_dom benchmarks).
// nlohmann::json and nlohmann::ordered_json are taken; a string literal or std::string still picks the text
// overloads. Never throws.

namespace detail {

template <class Json>
struct is_nlohmann_json : std::false_type {};
template <>
struct is_nlohmann_json<nlohmann::json> : std::true_type {};
template <>
struct is_nlohmann_json<nlohmann::ordered_json> : std::true_type {};

template <class Json>
std::string dump_body(const Json& body) {
    return body.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace detail

template <class Json, std::enable_if_t<detail::is_nlohmann_json<Json>::value, int> = 0>
[[nodiscard]] llm_error parse(const Json& body, int http_status = 0, provider hint = provider::unknown) noexcept {
#if LLMERR_HAS_EXCEPTIONS
    try {
#endif
        return parse(std::string_view(detail::dump_body(body)), http_status, hint);
#if LLMERR_HAS_EXCEPTIONS
    } catch (...) {
        return detail::failed_parse(http_status, hint);
    }
#endif
}

// parse(body, http_status, headers, hint) of a body held as nlohmann::json: the result of parsing body.dump().
template <class Json, class Headers,
          std::enable_if_t<detail::is_nlohmann_json<Json>::value && detail::is_header_range<Headers>::value, int> = 0>
[[nodiscard]] llm_error parse(const Json& body, int http_status, const Headers& headers,
                              provider hint = provider::unknown) noexcept {
#if LLMERR_HAS_EXCEPTIONS
    try {
#endif
        return parse(std::string_view(detail::dump_body(body)), http_status, headers, hint);
#if LLMERR_HAS_EXCEPTIONS
    } catch (...) {
        return detail::failed_parse(http_status, hint);
    }
#endif
}

// find_error on a body held as nlohmann::json: the result of find_error(http_status, body.dump(), …).
template <class Json, std::enable_if_t<detail::is_nlohmann_json<Json>::value, int> = 0>
[[nodiscard]] std::optional<llm_error> find_error(int http_status, const Json& body,
                                                  provider hint = provider::unknown) noexcept {
#if LLMERR_HAS_EXCEPTIONS
    try {
#endif
        return find_error(http_status, std::string_view(detail::dump_body(body)), hint);
#if LLMERR_HAS_EXCEPTIONS
    } catch (...) {
        return detail::failed_parse(http_status, hint);  // when in doubt (out of memory), an error
    }
#endif
}

// find_error(http_status, body, headers, hint) of a body held as nlohmann::json.
template <class Json, class Headers,
          std::enable_if_t<detail::is_nlohmann_json<Json>::value && detail::is_header_range<Headers>::value, int> = 0>
[[nodiscard]] std::optional<llm_error> find_error(int http_status, const Json& body, const Headers& headers,
                                                  provider hint = provider::unknown) noexcept {
#if LLMERR_HAS_EXCEPTIONS
    try {
#endif
        return find_error(http_status, std::string_view(detail::dump_body(body)), headers, hint);
#if LLMERR_HAS_EXCEPTIONS
    } catch (...) {
        return detail::failed_parse(http_status, hint);
    }
#endif
}

LLMERR_END_NAMESPACE

#endif  // LLMERR_JSON_HPP
