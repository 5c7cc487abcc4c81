// SPDX-License-Identifier: MIT
// Fuzz target: the documented-message matcher and the catalogue lookup.
//
// Input: 1 byte provider, 2 bytes status, then `pattern 0x1E text 0x1E code 0x1E api`.
#include <cctype>       // std::toupper
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <llmerr/catalog.hpp>
#include <llmerr/url.hpp>

#include "fuzz_util.hpp"

namespace {

bool in_catalogue(const llmerr::catalog_entry* e) noexcept {
    const llmerr::entry_range all = llmerr::entries();
    return e >= all.begin() && e < all.end();
}

void check_match(std::string_view pattern, std::string_view text) {
    using llmerr::detail::match_pattern;
    const std::size_t n = match_pattern(pattern, text);
    LLMERR_FUZZ_CHECK(n <= llmerr::detail::trim_pattern(pattern).size());
    LLMERR_FUZZ_CHECK(n <= text.size());
    if (pattern.size() > llmerr::detail::match_window) return;
    // A pattern's literal text always occurs in the pattern itself, in order, in any ASCII case; and a match
    // always counts all of it, so any text matches with 0 or exactly that many bytes.
    const std::size_t self = match_pattern(pattern, pattern);
    std::string upper(pattern);
    for (char& c : upper) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    LLMERR_FUZZ_CHECK(match_pattern(pattern, upper) == self);
    LLMERR_FUZZ_CHECK(n == 0 || n == self);
}

void check_lookup(llmerr::provider p, std::string_view code, std::string_view message, int status,
                  std::string_view api) {
    const llmerr::catalog_entry* primary = llmerr::lookup(p, code);
    const llmerr::catalog_entry* variant = llmerr::lookup(p, code, message);
    const llmerr::catalog_entry* by_status = llmerr::lookup(p, code, message, status);
    LLMERR_FUZZ_CHECK((primary == nullptr) == (variant == nullptr));
    LLMERR_FUZZ_CHECK((primary == nullptr) == (by_status == nullptr));
    if (primary != nullptr) {
        LLMERR_FUZZ_CHECK(in_catalogue(primary) && in_catalogue(variant) && in_catalogue(by_status));
        LLMERR_FUZZ_CHECK(primary->provider == p);
        // Variants share the primary's (provider, api, code).
        for (const llmerr::catalog_entry* v : {variant, by_status}) {
            LLMERR_FUZZ_CHECK(v->provider == primary->provider && v->api == primary->api && v->code == primary->code);
        }
        // Whatever matched (exact, alias, family, prefix), the entry's code is documented for this provider.
        const llmerr::catalog_entry* own = llmerr::lookup(p, primary->code);
        LLMERR_FUZZ_CHECK(own != nullptr && own->code == primary->code);
    }
    const llmerr::catalog_entry* in_api = llmerr::lookup_in(p, api, code, message, status);
    if (api.empty()) LLMERR_FUZZ_CHECK(in_api == nullptr);
    if (in_api != nullptr) {
        LLMERR_FUZZ_CHECK(in_catalogue(in_api));
        LLMERR_FUZZ_CHECK(in_api->provider == p && in_api->api == api);
    }
    (void)llmerr::provider_from_url(code);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    llmerr_fuzz::input in(data, size);
    const llmerr::provider p = in.provider();
    const int status = in.status();
    const std::vector<std::string_view> parts = llmerr_fuzz::split(in.rest(), llmerr_fuzz::record_sep, 4);
    const std::string_view pattern = parts[0];
    const std::string_view text = parts.size() > 1 ? parts[1] : std::string_view();
    const std::string_view code = parts.size() > 2 ? parts[2] : pattern;
    const std::string_view api = parts.size() > 3 ? parts[3] : std::string_view();

    check_match(pattern, text);
    check_lookup(p, code, text, status, api);
    return 0;
}
