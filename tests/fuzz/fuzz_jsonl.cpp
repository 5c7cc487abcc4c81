// SPDX-License-Identifier: MIT
// Fuzz target: the CLI's JSONL log-record reader (tools/cli_jsonl.hpp, llmerr_cli::record_parser::parse),
// checked against nlohmann: a line it accepts is a JSON object whose "body" is that string, and a line
// nlohmann rejects is never accepted. An accepted record is then classified as the CLI does.
//
// Input: one log line (JSONL record).
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <string_view>  // std::string_view

#include <nlohmann/json.hpp>

#include <llmerr/parse.hpp>

#include "cli_jsonl.hpp"
#include "fuzz_checks.hpp"
#include "fuzz_util.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view line(
        reinterpret_cast<const char*>(data),  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
        size);
    llmerr_cli::record_parser parser;
    llmerr_cli::log_record rec;
    const bool ok = parser.parse(line, rec);
    LLMERR_FUZZ_CHECK(ok || !parser.problem().empty());
    {
        // The CLI reuses parser and record from line to line: a second parse into the used ones agrees.
        const llmerr_cli::log_record first = rec;
        LLMERR_FUZZ_CHECK(parser.parse(line, rec) == ok);
        LLMERR_FUZZ_CHECK(rec.body == first.body && rec.status == first.status && rec.provider == first.provider &&
                          rec.header_count == first.header_count);
        for (std::size_t i = 0; i < rec.header_count; ++i) LLMERR_FUZZ_CHECK(rec.headers[i] == first.headers[i]);
    }

    const auto j = nlohmann::json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
        LLMERR_FUZZ_CHECK(!ok);
        return 0;
    }
    if (!ok) return 0;
    LLMERR_FUZZ_CHECK(j.is_object());
    const auto body = j.find("body");
    LLMERR_FUZZ_CHECK(body != j.end() && body->is_string());
    LLMERR_FUZZ_CHECK(body->get_ref<const std::string&>() == rec.body);
    LLMERR_FUZZ_CHECK(rec.status >= 0 && rec.status <= 999);
    LLMERR_FUZZ_CHECK(rec.header_count <= rec.headers.size());

    const llmerr::llm_error e = llmerr::parse(rec.body, rec.status, rec.header_fields());
    llmerr_fuzz::check_well_formed(e, rec.status, llmerr::provider::unknown, true);
    return 0;
}
