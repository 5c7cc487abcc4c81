// SPDX-License-Identifier: MIT
// The work a lookup does, counted rather than timed (issue #14): every code hashed goes through
// LLMERR_DETAIL_HASH_HOOK, defined here, so these tests see how many bytes each lookup hashes. A dotted code
// 64 times longer must not cost much more than 64 times as much (it used to be rehashed at every dot:
// quadratic), and an exact hit hashes its code once. Its own executable: the hook must not reach the other
// tests' static_asserts.
#include <cstddef>
#include <string>
#include <system_error>

namespace cost_probe {
inline std::size_t hashed_bytes = 0;
inline std::size_t hashes = 0;
inline void count(std::size_t n) noexcept {
    hashed_bytes += n;
    ++hashes;
}
}  // namespace cost_probe
// Inside a constexpr function: only at run time (GCC and Clang have the builtin since version 9).
#define LLMERR_DETAIL_HASH_HOOK(n)                                    \
    do {                                                              \
        if (!__builtin_is_constant_evaluated()) cost_probe::count(n); \
    } while (0)

#include <llmerr/catalog.hpp>
#include <llmerr/error_code.hpp>

#include "catch.hpp"

using llmerr::provider;

namespace {

struct cost {
    std::size_t bytes = 0;
    std::size_t hashes = 0;
};

template <class F>
cost measure(F&& f) {
    cost_probe::hashed_bytes = 0;
    cost_probe::hashes = 0;
    f();
    return {cost_probe::hashed_bytes, cost_probe::hashes};
}

// `head` followed by ".x" until the code is `size` bytes: one dot every second byte.
std::string dotted(const std::string& head, std::size_t size) {
    std::string s = head;
    while (s.size() + 2 <= size) s += ".x";
    if (s.size() < size) s += 'x';
    return s;
}

}  // namespace

TEST_CASE("an exact hit hashes its code once", "[catalog][cost]") {
    const cost c = measure([] { CHECK(llmerr::lookup(provider::ark, "AccessDenied") != nullptr); });
    CHECK(c.hashes == 1);
    CHECK(c.bytes == std::string("AccessDenied").size());
}

TEST_CASE("dotted codes cost linear work, not a rehash per dot (#14)", "[catalog][cost]") {
    for (const std::string head : {"Throttling", "NoSuchCode"}) {
        const std::string small = dotted(head, 1024), big = dotted(head, 64 * 1024);
        REQUIRE(small.size() == 1024);
        REQUIRE(big.size() == 64 * 1024);
        INFO(head);
        const bool known = head == "Throttling";

        const cost lookup_small = measure([&] { (void)llmerr::lookup(provider::dashscope, small); });
        const cost lookup_big = measure([&] {
            const llmerr::catalog_entry* e = llmerr::lookup(provider::dashscope, big);
            CHECK((e != nullptr) == known);
            if (e != nullptr) CHECK(e->code == head);
        });
        CHECK(lookup_small.bytes > 0);  // the hook is wired: the dotted prefixes were hashed
        CHECK(lookup_big.bytes <= 64 * lookup_small.bytes);
        CHECK(lookup_big.hashes <= 64 * lookup_small.hashes);

        const cost in_small = measure([&] { (void)llmerr::lookup_in(provider::dashscope, "inference", small); });
        const cost in_big = measure([&] { (void)llmerr::lookup_in(provider::dashscope, "inference", big); });
        CHECK(in_big.bytes <= 64 * in_small.bytes);

        const cost doc_small = measure([&] { CHECK(llmerr::is_documented(provider::dashscope, small) == known); });
        const cost doc_big = measure([&] { CHECK(llmerr::is_documented(provider::dashscope, big) == known); });
        CHECK(doc_big.bytes <= 64 * doc_small.bytes);

        const cost ec_small = measure([&] { (void)llmerr::make_error_code(provider::dashscope, small, "m", 429); });
        const cost ec_big = measure([&] {
            const std::error_code ec = llmerr::make_error_code(provider::dashscope, big, "m", 429);
            CHECK((llmerr::entry_of(ec) != nullptr) == known);
        });
        CHECK(ec_big.bytes <= 64 * ec_small.bytes);
    }
}

TEST_CASE("a code longer than every catalogued code is not hashed whole", "[catalog][cost]") {
    const std::string long_code(llmerr::detail::catalog_max_code_size + 1, 'A');
    const cost c = measure([&] { CHECK(llmerr::lookup(provider::ark, long_code) == nullptr); });
    CHECK(c.hashes == 0);
}
