// SPDX-License-Identifier: MIT
// The CLI's JSONL record parser (tools/cli_jsonl.hpp) against nlohmann::json::parse: on the sample log, on
// hand-written edge cases and on deterministic random mutations, both must accept and reject the same lines
// for the same reason and extract the same status, provider, headers and body.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catch.hpp"
#include "cli_jsonl.hpp"
#include "data_files.hpp"

namespace {

struct verdict {
    std::string reason;  // "" = usable; else "not JSON", "not a JSON object", "no body", "body", "status"
    int status = 0;
    std::string provider, body;
    std::map<std::string, std::string> headers;
};

// What the line means according to nlohmann's DOM (the reference).
verdict reference(const std::string& line) {
    verdict v;
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return v.reason = "not JSON", v;
    if (!j.is_object()) return v.reason = "not a JSON object", v;
    const auto body = j.find("body");
    if (body == j.end()) return v.reason = "no body", v;
    if (!body->is_string()) return v.reason = "body", v;
    v.body = body->get<std::string>();
    if (const auto s = j.find("status"); s != j.end() && !s->is_null()) {
        bool ok = false;
        if (s->is_number_unsigned()) {
            ok = s->get<std::uint64_t>() <= 999;
            if (ok) v.status = static_cast<int>(s->get<std::uint64_t>());
        } else if (s->is_number_integer()) {
            ok = s->get<std::int64_t>() == 0;  // "-0"
        } else if (s->is_string()) {
            const std::string& t = s->get_ref<const std::string&>();
            ok = !t.empty() && t.size() <= 3 && t.find_first_not_of("0123456789") == std::string::npos;
            if (ok) v.status = std::stoi(t);
        }
        if (!ok) return v.reason = "status", v;
    }
    if (const auto p = j.find("provider"); p != j.end() && p->is_string()) v.provider = p->get<std::string>();
    if (const auto h = j.find("headers"); h != j.end() && h->is_object()) {
        for (const auto& [name, value] : h->items()) {
            if (value.is_string()) v.headers[name] = value.get<std::string>();
            if (value.is_number_unsigned()) v.headers[name] = std::to_string(value.get<std::uint64_t>());
        }
    }
    return v;
}

verdict ours(const std::string& line) {
    static llmerr_cli::record_parser parser;  // reused, as in the tool
    static llmerr_cli::log_record rec;
    verdict v;
    if (!parser.parse(line, rec)) {
        const std::string& p = parser.problem();
        if (p.rfind("not JSON", 0) == 0) v.reason = "not JSON";
        else if (p.rfind("not a JSON object", 0) == 0) v.reason = "not a JSON object";
        else if (p.rfind("no \"body\"", 0) == 0) v.reason = "no body";
        else if (p.rfind("\"body\"", 0) == 0) v.reason = "body";
        else if (p.rfind("\"status\"", 0) == 0) v.reason = "status";
        else v.reason = "unexpected problem text: " + p;
        return v;
    }
    v.status = rec.status;
    v.provider = rec.provider;
    v.body = rec.body;
    for (const auto& [name, value] : rec.header_fields()) v.headers[name] = value;  // a repeated name: the last
    return v;
}

void check_line(const std::string& line) {
    INFO(nlohmann::json(line).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace));
    const verdict want = reference(line);
    const verdict got = ours(line);
    REQUIRE(got.reason == want.reason);
    if (!want.reason.empty()) return;
    CHECK(got.status == want.status);
    CHECK(got.provider == want.provider);
    CHECK(got.body == want.body);
    CHECK(got.headers == want.headers);
}

std::vector<std::string> sample_lines() {
    const std::string log = testdata::read_file(std::string(LLMERR_DATA_DIR) + "/samples/log.jsonl");
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < log.size()) {
        std::size_t nl = log.find('\n', pos);
        if (nl == std::string::npos) nl = log.size();
        lines.push_back(log.substr(pos, nl - pos));
        pos = nl + 1;
    }
    return lines;
}

}  // namespace

TEST_CASE("record parser: the sample log", "[cli][jsonl]") {
    const auto lines = sample_lines();
    REQUIRE(lines.size() >= 40);
    for (const auto& line : lines) check_line(line);
}

TEST_CASE("record parser: edge cases", "[cli][jsonl]") {
    for (const char* line : {
             "{}",
             "[]",
             "null",
             "42",
             "\"body\"",
             "{\"body\":\"\"}",
             " {\"body\" : \"x\" } ",
             "{\"body\":\"x\"}x",
             "{\"body\":\"x\"",
             "{\"body\":\"x\",}",
             "{,\"body\":\"x\"}",
             "{\"body\":\"x\" \"status\":1}",
             "{\"body\":1,\"body\":\"x\"}",
             "{\"body\":\"x\",\"body\":null}",
             "{\"bo\\u0064y\":\"esc\"}",
             "{\"body\":\"\\ud83d\\ude00 \\u00e9 \\u4e2d\"}",
             "{\"body\":\"\\ud83d\"}",
             "{\"body\":\"\\ude00\"}",
             "{\"body\":\"\\ud83d\\u0041\"}",
             "{\"body\":\"\\x\"}",
             "{\"body\":\"\\u12\"}",
             "{\"body\":\"a\tb\"}",
             "{\"body\":\"\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80\"}",
             "{\"body\":\"\xC3\"}",
             "{\"body\":\"\xE0\x80\x80\"}",
             "{\"body\":\"\xED\xA0\x80\"}",
             "{\"body\":\"\xF4\x90\x80\x80\"}",
             "{\"body\":\"\xFF\"}",
             "{\"body\":\"x\",\"status\":429}",
             "{\"body\":\"x\",\"status\":\"429\"}",
             "{\"body\":\"x\",\"status\":null}",
             "{\"body\":\"x\",\"status\":-0}",
             "{\"body\":\"x\",\"status\":-1}",
             "{\"body\":\"x\",\"status\":1000}",
             "{\"body\":\"x\",\"status\":429.0}",
             "{\"body\":\"x\",\"status\":4e2}",
             "{\"body\":\"x\",\"status\":true}",
             "{\"body\":\"x\",\"status\":\"4a\"}",
             "{\"body\":\"x\",\"status\":\"\"}",
             "{\"body\":\"x\",\"status\":[429]}",
             "{\"body\":\"x\",\"status\":\"abc\",\"status\":200}",
             "{\"body\":\"x\",\"status\":99999999999999999999999}",
             "{\"body\":\"x\",\"status\":01}",
             "{\"body\":\"x\",\"status\":1.}",
             "{\"body\":\"x\",\"status\":-}",
             "{\"body\":\"x\",\"provider\":\"ark\"}",
             "{\"body\":\"x\",\"provider\":3}",
             "{\"body\":\"x\",\"provider\":\"ark\",\"provider\":null}",
             "{\"body\":\"x\",\"headers\":{\"a\":\"1\",\"b\":2,\"c\":-3,\"d\":1.5,\"e\":null,\"f\":{\"g\":\"h\"},\"i\":"
             "[1]}}",
             "{\"body\":\"x\",\"headers\":{\"a\":\"1\",\"a\":\"2\"}}",
             "{\"body\":\"x\",\"headers\":[]}",
             "{\"body\":\"x\",\"headers\":{}}",
             "{\"body\":\"x\",\"headers\":{\"a\":\"1\"},\"headers\":{\"b\":\"2\"}}",
             "{\"body\":\"x\",\"headers\":{\"a\":\"1\"},\"headers\":7}",
             "{\"body\":\"x\",\"headers\":{\"n\":18446744073709551615,\"m\":18446744073709551616}}",
             "{\"body\":\"x\",\"other\":{\"deep\":[[[{\"a\":[true,false,null,-1.5e+3,\"s\"]}]]]}}",
             "{\"body\":\"x\",\"other\":[1,2,]}",
             "{\"body\":\"x\",\"other\":{\"a\":1,}}",
             "{\"body\":\"x\",\"other\":tru}",
             "{\"body\":\"x\",\"other\":nul}",
             "{\"body\":\"x\",\"other\":{\"a\" 1}}",
             "{\"body\":\"x\",\"other\":{1:2}}",
             "{\"body\":\"x\",\"other\":[}",
             "{\"status\":429}",
             "{\"body\":{\"error\":\"x\"}}",
             "{\"body\":[\"x\"]}",
             "\t{\"body\":\"x\"}\t",
             "{\"body\":\"x\"}\r",
             "{\"body\":\"x\"}\n",
             "{\"body\":\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"}",
             "{\"body\":\"x\",\"n\":-0.0e-0}",
             "{\"body\":\"x\",\"n\":0e}",
             "{\"body\":\"x\",\"n\":.5}",
             "{\"body\":\"x\",\"n\":+1}",
             // Numbers nlohmann reads as a double and rejects when it overflows ("number overflow").
             "{\"body\":\"x\",\"n\":1e400}",
             "{\"body\":\"x\",\"n\":-1e400}",
             "{\"body\":\"x\",\"n\":1e308}",
             "{\"body\":\"x\",\"n\":1e-400}",
             "{\"body\":\"x\",\"status\":1e999}",
             "{\"body\":\"x\",\"headers\":{\"a\":2e308}}",
         }) {
        check_line(line);
    }
    check_line(std::string("{\"body\":\"a\0b\"}", 14));  // a raw NUL inside a string
    // nlohmann reads a NUL as the end of the input: accepted after the value, whatever follows it; an error
    // before or inside it.
    check_line(std::string("{\"body\":\"x\"}\0", 13));
    check_line(std::string("{\"body\":\"x\"} \0 garbage", 21));
    check_line(std::string("{\"body\":\"x\"\0}", 13));
    check_line(std::string("\0{\"body\":\"x\"}", 13));
    check_line(std::string("[1]\0", 4));
    // A UTF-8 byte order mark: skipped at the very start only.
    check_line("\xEF\xBB\xBF{\"body\":\"x\"}");
    check_line("\xEF\xBB\xBF {\"body\":\"x\"}");
    check_line(" \xEF\xBB\xBF{\"body\":\"x\"}");
    check_line("{\"body\":\"x\"}\xEF\xBB\xBF");
    check_line("\xEF\xBB\xBF");
    check_line("\xEF\xBB{\"body\":\"x\"}");
    check_line("{\"body\":\"x\",\"n\":" + std::string(309, '9') + "}");  // ~1e309: overflows
    check_line("{\"body\":\"x\",\"n\":" + std::string(308, '9') + "}");  // ~1e308: fits
    check_line("{\"body\":\"x\",\"n\":[1" + std::string(400, '0') + "]}");
    check_line(std::string(1000, '[') + std::string(1000, ']'));
    check_line("{\"body\":\"x\",\"deep\":" + std::string(5000, '[') + std::string(5000, ']') + "}");
    check_line("{\"body\":\"x\",\"deep\":" + std::string(5000, '[') + std::string(4999, ']') + "}");
}

TEST_CASE("record parser: every prefix of sample lines", "[cli][jsonl]") {
    const auto lines = sample_lines();
    for (std::size_t k = 0; k < lines.size(); k += 7) {
        const std::string& line = lines[k];
        for (std::size_t n = 0; n <= line.size(); n += 1 + line.size() / 400) check_line(line.substr(0, n));
    }
}

TEST_CASE("record parser: random mutations", "[cli][jsonl]") {
    const auto lines = sample_lines();
    const std::vector<std::string> seeds = {
        lines[0],
        lines[lines.size() - 1],
        "{\"status\":429,\"provider\":\"ark\",\"headers\":{\"Retry-After\":\"7\",\"n\":12},\"body\":\"{\\\"error\\\":{"
        "\\\"code\\\":\\\"X\\\"}}\"}",
        "{\"body\":\"\\u4e2d\\ud83d\\ude00\xC3\xA9\",\"status\":\"503\",\"x\":[1,-2.5e3,true,null,{\"y\":\"z\"}]}",
    };
    const std::string alphabet = std::string("{}[]\":,\\u0123456789abcdefABCDEF-+.eEtrunlsf \t/") +
                                 "\x80\xC3\xA9\xED\xA0\xF0\x01\xEF\xBB\xBF" + std::string(1, '\0');
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;  // fixed seed: the same cases on every run
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (int i = 0; i < 20000; ++i) {
        std::string line = seeds[next() % seeds.size()];
        const int edits = 1 + static_cast<int>(next() % 3);
        for (int e = 0; e < edits && !line.empty(); ++e) {
            const std::size_t at = next() % line.size();
            const char c = alphabet[next() % alphabet.size()];
            switch (next() % 3) {
                case 0: line[at] = c; break;
                case 1: line.insert(line.begin() + static_cast<std::ptrdiff_t>(at), c); break;
                default: line.erase(at, 1);
            }
        }
        check_line(line);
    }
}
