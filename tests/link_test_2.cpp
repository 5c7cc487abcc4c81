// SPDX-License-Identifier: MIT
#include <llmerr/llmerr.hpp>

int from_second_tu() {
    return llmerr::parse(R"({"error_code":336501,"error_msg":"Rate limit reached for RPM"})").retryable ? 1 : 0;
}
