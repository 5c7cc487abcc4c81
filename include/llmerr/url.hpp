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

// host == domain, or host is a subdomain of it (ASCII case-insensitive).
[[nodiscard]] constexpr bool in_domain(std::string_view host, std::string_view domain) noexcept {
    if (host.size() == domain.size()) return iequals(host, domain);
    return host.size() > domain.size() && host[host.size() - domain.size() - 1] == '.' &&
           iequals(host.substr(host.size() - domain.size()), domain);
}

}  // namespace detail

// The provider serving a base URL or host, in any region: Ark `ark.<region>.volces.com` (and BytePlus
// ModelArk `ark.<region>.bytepluses.com`); DashScope `dashscope.aliyuncs.com`, `dashscope-intl.aliyuncs.com`
// and other `dashscope*` hosts; Qianfan `qianfan.baidubce.com` and `aip.baidubce.com`. Else unknown.
[[nodiscard]] constexpr provider provider_from_url(std::string_view url_or_host) noexcept {
    const std::string_view host = detail::host_of(url_or_host);
    const std::size_t dot = host.find('.');
    const std::string_view first = host.substr(0, dot);
    if ((detail::in_domain(host, "volces.com") || detail::in_domain(host, "bytepluses.com")) &&
        (detail::iequals(first, "ark") || detail::ifind(host, ".ark.", 0) != std::string_view::npos)) {
        return provider::ark;
    }
    if (detail::in_domain(host, "aliyuncs.com") &&
        (detail::starts_with(first, "dashscope") || detail::in_domain(host, "dashscope.aliyuncs.com"))) {
        return provider::dashscope;
    }
    if (detail::in_domain(host, "qianfan.baidubce.com") || detail::iequals(host, "aip.baidubce.com") ||
        (detail::in_domain(host, "baidubce.com") && detail::iequals(first, "qianfan"))) {
        return provider::qianfan;
    }
    return provider::unknown;
}

LLMERR_END_NAMESPACE

#endif  // LLMERR_URL_HPP
