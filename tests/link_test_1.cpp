// SPDX-License-Identifier: MIT
// Two translation units include everything: linking them proves every function is inline or a template.
#include <llmerr/llmerr.hpp>

int from_second_tu();

int main() {
    const auto e =
        llmerr::parse(R"({"code":"InvalidApiKey","message":"Invalid API-key provided.","request_id":"r"})", 401);
    return (e.category == llmerr::category::authentication && from_second_tu() == 1) ? 0 : 1;
}
