// SPDX-License-Identifier: MIT
// llmerr — which provider a base URL or host belongs to.
//
//   static_assert(llmerr::provider_from_url("https://ark.cn-beijing.volces.com/api/v3") == llmerr::provider::ark);
#ifndef LLMERR_URL_HPP
#define LLMERR_URL_HPP

#include <string_view>  // std::string_view

#include <llmerr/config.hpp>
#include <llmerr/detail/match.hpp>
#include <llmerr/provider.hpp>

#include <llmerr/generated/provider_vocabulary.hpp>

LLMERR_BEGIN_NAMESPACE
namespace detail {

// The host of a URL or of a bare "host[:port][/path]", without userinfo, port or trailing dot.
[[nodiscard]] constexpr std::string_view host_of(std::string_view url) noexcept {
    const std::size_t scheme = url.find("://");
    if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
    const std::size_t end = url.find_first_of("/?#");
    if (end != std::string_view::npos) url = url.substr(0, end);
    const std::size_t at = url.rfind('@');
    if (at != std::string_view::npos) url.remove_prefix(at + 1);
    if (!url.empty() && url.front() == '[') return {};  // an IPv6 literal is no provider's host
    const std::size_t colon = url.find(':');
    if (colon != std::string_view::npos) url = url.substr(0, colon);
    if (!url.empty() && url.back() == '.') url.remove_suffix(1);
    return url;
}

// The first '.' in s, or npos. Not string_view::find: with -fsanitize=undefined g++ 12 cannot
// constant-evaluate the null test in char_traits::find on a pointer into the host pattern pool.
[[nodiscard]] constexpr std::size_t find_dot(std::string_view s) noexcept {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '.') return i;
    }
    return std::string_view::npos;
}

// Whether `host` matches `pattern` (a provider_hosts pattern), label by label, case-insensitively: "*" is
// one label, "**" any number of labels (none included), "x*" a label beginning with "x". Backtracks only
// at "**"; host names are at most 253 bytes (longer ones match nothing), so the cost stays bounded.
[[nodiscard]] constexpr bool host_matches(std::string_view host, std::string_view pattern) noexcept {
    if (pattern.empty()) return host.empty();
    const std::size_t pd = find_dot(pattern);
    const std::string_view pl = pattern.substr(0, pd);
    const std::string_view prest = pd == std::string_view::npos ? std::string_view() : pattern.substr(pd + 1);
    if (pl == "**") {
        if (host_matches(host, prest)) return true;
        const std::size_t hd = find_dot(host);
        return hd != std::string_view::npos && host_matches(host.substr(hd + 1), pattern);
    }
    if (host.empty()) return false;
    const std::size_t hd = find_dot(host);
    const std::string_view hl = host.substr(0, hd);
    const std::string_view hrest = hd == std::string_view::npos ? std::string_view() : host.substr(hd + 1);
    if (hd != std::string_view::npos && hrest.empty()) return false;  // "a..b" or a trailing dot
    bool label_ok = false;
    if (pl == "*") {
        label_ok = !hl.empty();
    } else if (pl.back() == '*') {
        const std::string_view prefix = pl.substr(0, pl.size() - 1);
        label_ok = hl.size() >= prefix.size() && iequals(hl.substr(0, prefix.size()), prefix);
    } else {
        label_ok = iequals(hl, pl);
    }
    return label_ok && (hd == std::string_view::npos ? prest.empty() : host_matches(hrest, prest));
}

}  // namespace detail

// Returns the provider whose API `url_or_host` ("https://ark.cn-beijing.volces.com/api/v3/…", or a bare host)
// belongs to, by the host patterns of data/*.json (provider_info.hosts); unknown for any other host.
[[nodiscard]] constexpr provider provider_from_url(std::string_view url_or_host) noexcept {
    const std::string_view host = detail::host_of(url_or_host);
    if (host.empty() || host.size() > 253) return provider::unknown;
    for (const detail::host_pattern& h : detail::provider_hosts) {
        const std::string_view pattern(detail::provider_host_pool + h.begin, h.size);
        if (!pattern.empty() && detail::host_matches(host, pattern)) return h.p;
    }
    return provider::unknown;
}

LLMERR_END_NAMESPACE

#endif  // LLMERR_URL_HPP
