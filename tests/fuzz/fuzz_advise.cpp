// SPDX-License-Identifier: MIT
// Fuzz target: llmerr::advise with a fuzzed error, attempt and policy — every duration, jitter (any double,
// NaN and infinities too) and budget setting, extreme ones first. Built with -fsanitize=float-cast-overflow
// (GCC's `undefined` leaves it out), so a conversion or addition that overflows is a finding.
//
// Input: flag bytes, enum bytes, then 8-byte values for durations, jitter and attempt (see below).
#include <chrono>   // std::chrono::milliseconds
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t, std::int64_t, std::uint64_t
#include <cstring>  // std::memcpy

#include <llmerr/retry.hpp>

#include "fuzz_util.hpp"

namespace {

using ms = std::chrono::milliseconds;

std::uint64_t bits(llmerr_fuzz::input& in, int bytes) {
    std::uint64_t v = 0;
    for (int k = 0; k < bytes; ++k) v = (v << 8) | in.byte();
    return v;
}

// A duration: the extremes and small values most often, else any 64 bits.
ms duration(llmerr_fuzz::input& in) {
    const std::uint8_t sel = in.byte();
    switch (sel % 8) {
        case 0: return ms::max();
        case 1: return ms::min();
        case 2: return ms(0);
        case 3: return ms::max() - ms(sel);
        case 4: return ms(static_cast<std::int64_t>(bits(in, 2)) - 1000);
        default: return ms(static_cast<std::int64_t>(bits(in, 8)));
    }
}

int integer(llmerr_fuzz::input& in) {
    const std::uint8_t sel = in.byte();
    switch (sel % 4) {
        case 0: return static_cast<int>(sel / 4) - 4;  // -4 … 59
        case 1: return sel & 0x80 ? 2147483647 : -2147483647 - 1;
        default: return static_cast<int>(static_cast<std::int32_t>(static_cast<std::uint32_t>(bits(in, 4))));
    }
}

double any_double(llmerr_fuzz::input& in) {
    const std::uint8_t sel = in.byte();
    switch (sel % 4) {
        case 0: return 1.0;
        case 1: return static_cast<double>(sel) / 256.0;
        default: {
            const std::uint64_t b = bits(in, 8);
            double d = 0;
            std::memcpy(&d, &b, sizeof d);
            return d;
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    llmerr_fuzz::input in(data, size);
    const std::uint8_t flags = in.byte();

    llmerr::llm_error e;
    e.category = static_cast<llmerr::category>(in.byte() % llmerr::category_count);
    e.retry_hint = static_cast<llmerr::retry_hint>(in.byte() % (static_cast<int>(llmerr::retry_hint::fix_clock) + 1));
    e.retryable = (flags & 1) != 0;
    if ((flags & 2) != 0) e.retry_after = duration(in);
    if ((flags & 4) != 0) e.should_retry = (flags & 8) != 0;
    if ((flags & 16) != 0) {
        const llmerr::entry_range all = llmerr::entries();
        const std::size_t n = static_cast<std::size_t>(all.end() - all.begin());
        e.entry = all.begin() + bits(in, 2) % n;
    }

    llmerr::retry_policy p;
    p.max_attempts = integer(in);
    p.base = duration(in);
    p.cap = duration(in);
    p.max_retry_after = duration(in);
    p.ramp_up_delay = duration(in);
    p.honour_should_retry = (flags & 32) != 0;
    p.can_reduce_concurrency = (flags & 64) != 0;
    const std::uint8_t overrides = in.byte();
    if ((overrides & 1) != 0) p.override_retry(e.category, (overrides & 2) != 0);
    if ((overrides & 4) != 0) p.override_retry(static_cast<llmerr::category>(in.byte()), true);  // any value
    const double jitter = any_double(in);
    if ((overrides & 8) == 0) p.jitter = [jitter] { return jitter; };
    llmerr::retry_budget budget(integer(in), integer(in), integer(in), integer(in));
    if ((flags & 128) != 0) p.budget = &budget;
    const int attempt = integer(in);
    const int tokens_before = budget.available();

    const llmerr::retry_decision d = llmerr::advise(e, attempt, p);

    LLMERR_FUZZ_CHECK(!llmerr::to_string(d.reason).empty());
    LLMERR_FUZZ_CHECK(static_cast<bool>(d) == d.retry);
    if (!d.retry) {
        LLMERR_FUZZ_CHECK(d.delay == ms(0));
        LLMERR_FUZZ_CHECK(!d.refresh_credentials_first);
        LLMERR_FUZZ_CHECK(d.reason != llmerr::retry_reason::backoff && d.reason != llmerr::retry_reason::retry_after &&
                          d.reason != llmerr::retry_reason::refresh_credentials);
        LLMERR_FUZZ_CHECK(budget.available() == tokens_before);
    } else {
        LLMERR_FUZZ_CHECK(d.delay >= ms(0));
        LLMERR_FUZZ_CHECK((attempt < 1 ? 1 : attempt) < p.max_attempts);
        const bool positive_after = e.retry_after.has_value() && *e.retry_after > ms(0);
        switch (d.reason) {
            case llmerr::retry_reason::retry_after:
                LLMERR_FUZZ_CHECK(positive_after);
                LLMERR_FUZZ_CHECK(d.delay == *e.retry_after);
                LLMERR_FUZZ_CHECK(d.delay <= p.max_retry_after);
                break;
            case llmerr::retry_reason::backoff: {
                LLMERR_FUZZ_CHECK(!positive_after);
                const ms cap = p.cap < ms(0) ? ms(0) : p.cap;
                const bool ramp = e.retry_hint == llmerr::retry_hint::slow_ramp_up && p.ramp_up_delay > ms(0);
                if (!ramp) LLMERR_FUZZ_CHECK(d.delay <= cap);
                if (ramp) LLMERR_FUZZ_CHECK(d.delay >= p.ramp_up_delay);
                break;
            }
            case llmerr::retry_reason::refresh_credentials:
                LLMERR_FUZZ_CHECK(d.refresh_credentials_first);
                LLMERR_FUZZ_CHECK(positive_after ? d.delay == *e.retry_after : d.delay == ms(0));
                LLMERR_FUZZ_CHECK(budget.available() == tokens_before);  // a refresh draws no token
                break;
            default: llmerr_fuzz::fail("a retry whose reason says no", __FILE__, __LINE__);
        }
    }
    LLMERR_FUZZ_CHECK(budget.available() >= 0);
    LLMERR_FUZZ_CHECK(budget.available() <= budget.capacity());
    return 0;
}
