// SPDX-License-Identifier: MIT
// llmerr — command-line front end: classify a response or a JSONL log, look codes up, list the catalogue.
//
//   llmerr classify --status 429 --header 'Retry-After: 7' body.json
//   llmerr classify --jsonl requests.jsonl --summary-only
//   llmerr lookup dashscope Throttling.AllocationQuota --message 'Free allocated quota exceeded.'
//   llmerr list --provider qianfan --format markdown
//
// Uses only the llmerr headers, nlohmann::json and the standard library; arguments are parsed by hand.
#include <array>        // std::array
#include <cerrno>       // errno
#include <chrono>       // std::chrono::steady_clock
#include <cstdint>      // std::uint64_t
#include <cstdio>       // std::FILE, std::fopen, std::fwrite, std::fprintf
#include <cstring>      // std::strerror
#include <exception>    // std::exception
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::pair
#include <vector>       // std::vector

#include <nlohmann/json.hpp>

#include <llmerr/format.hpp>
#include <llmerr/json.hpp>
#include <llmerr/llmerr.hpp>

#include "cli_catalog.hpp"
#include "cli_json.hpp"
#include "cli_jsonl.hpp"
#include "cli_log.hpp"

#if defined(_WIN32)
#include <fcntl.h>  // _O_BINARY
#include <io.h>     // _isatty, _setmode, _fileno
#elif LLMERR_CLI_POSIX
#include <unistd.h>  // isatty
#endif

namespace {

using llmerr::category;
using llmerr::provider;

// A catalogue entry as JSON: the library's fields (llmerr/json.hpp) and the maintainers' note, doubt and
// source, which only the CLI carries (tools/generated/catalog_notes.hpp).
nlohmann::json entry_json(const llmerr::catalog_entry& e) {
    nlohmann::json j(e);
    const llmerr_cli::entry_notes& notes = llmerr_cli::notes_of(e);
    j["note"] = notes.note;
    j["doubt"] = notes.doubt;
    j["source"] = notes.source;
    return j;
}

// Exit codes (documented in `llmerr --help`).
enum exit_status : int {
    exit_ok = 0,         // done; for classify: classified (or not an error)
    exit_bad_lines = 1,  // classify --jsonl: some lines were bad and skipped
    exit_usage = 2,      // bad usage: unknown command, option, provider, category; missing argument
    exit_input = 3,      // unreadable input: file missing or unreadable, meta file not valid JSON
    exit_not_found = 4,  // lookup: no catalogue entry
};

constexpr std::size_t default_max_line_bytes = std::size_t{64} << 20;

struct usage_error {
    std::string message;
    std::string command;  // for the "Try 'llmerr <command> --help'" hint
};

struct input_error {
    std::string message;
};

// ---------------------------------------------------------------------------------------------- help texts

constexpr std::string_view main_help =
    R"(llmerr — classify error responses of Volcengine Ark, Alibaba DashScope and Baidu Qianfan

Usage:
  llmerr classify [options] [FILE|-]       classify one response body
  llmerr classify --jsonl FILE|- [options] classify a log, one JSON object per line
  llmerr lookup PROVIDER CODE [options]    show the catalogue entry of an error code
  llmerr list [options]                    list the catalogue (table, json, csv, markdown)
  llmerr help [COMMAND]                    show help (also: llmerr COMMAND --help)
  llmerr --version                         print the version

Providers: ark, dashscope, qianfan.

Exit status:
  0  success (classify: the input was classified, or is not an error)
  1  classify --jsonl: some lines were bad and skipped (reported on stderr)
  2  bad usage: unknown command, option, provider or category; missing or invalid argument
  3  unreadable input: a file that cannot be opened or read, a --meta file that is not JSON
  4  lookup: no catalogue entry for the code
)";

constexpr std::string_view classify_help = R"(Usage:
  llmerr classify [--provider P] [--status N] [--header 'Name: value']... [--meta FILE] [--json] [FILE|-]
  llmerr classify --jsonl FILE|- [--provider P] [--summary-only] [--max-line-bytes N]

Classifies one response body, read from FILE or standard input (no FILE or '-'). Without --status the body
alone decides whether it is an error. Prints a readable block: provider, HTTP status, code, category,
retryability and retry hint, Retry-After, request id, API, message, and, when the catalogue knows the
code, its documented English message, Chinese description, note and doubt.

Options:
  --provider P         who sent the response (ark, dashscope, qianfan); detected when omitted
  --status N           the HTTP status (0-999; 0 = unknown)
  --header 'N: V'      a response header (Retry-After, retry-after-ms, x-request-id, x-should-retry, ...);
                       repeatable
  --meta FILE          take provider, status and headers from a sample's .meta.json
                       ({"provider","status","headers"}); options given explicitly win
  --json               print one JSON object instead: {"error":true, <llm_error fields>,
                       "catalog":<entry>|null}, or {"error":false,...} when the response is no error

JSONL mode (--jsonl FILE|-): each line is {"status":429,"provider":"dashscope","headers":{...},"body":"..."}
("body" required and a string; the others optional; --provider is the default for lines without one).
Lines are streamed in constant memory. Prints one JSON result per line on stdout,
{"line":N,"error":true,<llm_error fields>} (or {"line":N,"error":false,...}), then a summary table (per
provider and category: count and retryable share) on stderr. A bad line (not JSON, not an object, no
body, body not a string, longer than the cap) is reported on stderr with its line number and skipped.
Empty lines are ignored. With stderr on a terminal a progress line is shown.
  --summary-only       print only the summary, on stdout
  --max-line-bytes N   longest line accepted (default 67108864, 64 MiB)

Exit status: 0 classified; 1 some JSONL lines were bad; 2 bad usage; 3 unreadable input.
)";

constexpr std::string_view lookup_help = R"(Usage:
  llmerr lookup PROVIDER CODE [--message TEXT] [--status N] [--api API] [--json]

Shows the catalogue entry for an error code: API, variant, HTTP status, type, category, retryability,
retry hint, documented English message, Chinese description, match pattern, aliases, note, doubt, source
and value, and lists the code's other variants. Unknown codes resolve like the parser does (alias,
templated family, dotted prefix: Throttling.Foo finds Throttling).

Options:
  --message TEXT   pick the variant whose documented message matches TEXT
  --status N       prefer the variant documented with HTTP status N
  --api API        look only in this API surface or group (e.g. v1, v2, iam, inference)
  --json           print the entry as one JSON object

Exit status: 0 found; 2 bad usage; 4 not found.
)";

constexpr std::string_view list_help = R"(Usage:
  llmerr list [--provider P] [--category C] [--api A] [--format table|json|csv|markdown]

Lists the catalogue, filtered by provider, category and API surface.
  table     aligned columns (default)
  json      a JSON array of entries (all fields)
  csv       RFC 4180, with a header row, all fields, CRLF line ends
  markdown  one section per provider, one table per API: code, variant, HTTP, category, retryable, hint,
            message, 描述 (Chinese description), notes (note and doubt); data/CATALOG.md is made with this

Categories: unknown invalid_request authentication permission_denied billing quota_exhausted rate_limited
content_filtered context_length_exceeded payload_too_large unsupported not_found conflict timeout
cancelled overloaded model_loading server_error.

Exit status: 0 listed; 2 bad usage.
)";

std::string_view help_of(std::string_view command) {
    if (command == "classify") return classify_help;
    if (command == "lookup") return lookup_help;
    if (command == "list") return list_help;
    return main_help;
}

// ------------------------------------------------------------------------------------------------ output

// Buffered standard output (stdio, not iostreams: no per-line flushing or locale work).
class out_buffer {
public:
    explicit out_buffer(std::FILE* f) : file_(f) { buf.reserve(1 << 20); }
    out_buffer(const out_buffer&) = delete;
    out_buffer& operator=(const out_buffer&) = delete;
    ~out_buffer() { flush(); }
    void maybe_flush() {
        if (buf.size() >= (1 << 18)) flush();
    }
    void flush() {
        if (!buf.empty()) std::fwrite(buf.data(), 1, buf.size(), file_);
        buf.clear();
        std::fflush(file_);
    }
    std::string buf;

private:
    std::FILE* file_;
};

bool is_terminal(std::FILE* f) {
#if defined(_WIN32)
    return _isatty(_fileno(f)) != 0;
#elif LLMERR_CLI_POSIX
    return ::isatty(::fileno(f)) != 0;
#else
    (void)f;
    return false;
#endif
}

void set_binary(std::FILE* f) {
#if defined(_WIN32)
    (void)_setmode(_fileno(f), _O_BINARY);
#else
    (void)f;
#endif
}

// ------------------------------------------------------------------------------------- argument parsing

// Walks argv: long options (`--name value`, `--name=value`), `-h`, positionals, `--` ending the options.
class arg_parser {
public:
    arg_parser(std::string command, std::vector<std::string_view> args)
        : command_(std::move(command)), args_(std::move(args)) {}

    // The next argument: an option name ("--status", inline value kept for value()) or a positional.
    bool next(std::string_view& arg, bool& is_option) {
        if (i_ >= args_.size()) return false;
        arg = args_[i_++];
        inline_value_.reset();
        is_option = false;
        if (!only_positionals_ && arg == "--") {
            only_positionals_ = true;
            return next(arg, is_option);
        }
        if (!only_positionals_ && arg.size() > 1 && arg[0] == '-' && arg != "-") {
            is_option = true;
            const std::size_t eq = arg.find('=');
            if (arg.size() > 2 && arg[1] == '-' && eq != std::string_view::npos) {
                inline_value_ = arg.substr(eq + 1);
                arg = arg.substr(0, eq);
            }
        }
        return true;
    }

    // The value of option `name`: its inline value, else the next argument.
    std::string_view value(std::string_view name) {
        if (inline_value_) return *inline_value_;
        if (i_ >= args_.size() || (args_[i_].size() > 2 && args_[i_].substr(0, 2) == "--")) {
            throw usage_error{"option " + std::string(name) + " needs an argument", command_};
        }
        return args_[i_++];
    }

    // Rejects an inline value given to a flag ("--json=yes").
    void no_value(std::string_view name) const {
        if (inline_value_) throw usage_error{"option " + std::string(name) + " takes no argument", command_};
    }

    [[noreturn]] void unknown(std::string_view name) const {
        throw usage_error{"unknown option '" + std::string(name) + "'", command_};
    }

    [[nodiscard]] const std::string& command() const noexcept { return command_; }

private:
    std::string command_;
    std::vector<std::string_view> args_;
    std::size_t i_ = 0;
    bool only_positionals_ = false;
    std::optional<std::string_view> inline_value_;
};

provider parse_provider(std::string_view name, const std::string& command, bool allow_unknown) {
    const auto p = llmerr::provider_from_string(name);
    if (!p || (*p == provider::unknown && !allow_unknown)) {
        throw usage_error{"unknown provider '" + std::string(name) + "' (expected ark, dashscope or qianfan)", command};
    }
    return *p;
}

category parse_category(std::string_view name, const std::string& command) {
    const auto c = llmerr::category_from_string(name);
    if (!c) {
        throw usage_error{"unknown category '" + std::string(name) + "' (see 'llmerr list --help' for the names)",
                          command};
    }
    return *c;
}

int parse_status(std::string_view text, const std::string& command) {
    int v = 0;
    bool ok = !text.empty() && text.size() <= 3;
    for (const char c : text) {
        ok = ok && c >= '0' && c <= '9';
        if (ok) v = v * 10 + (c - '0');
    }
    if (!ok) throw usage_error{"invalid HTTP status '" + std::string(text) + "' (expected 0-999)", command};
    return v;
}

std::size_t parse_size(std::string_view text, std::string_view option, const std::string& command) {
    std::size_t v = 0;
    bool ok = !text.empty() && text.size() <= 15;
    for (const char c : text) {
        ok = ok && c >= '0' && c <= '9';
        if (ok) v = v * 10 + static_cast<std::size_t>(c - '0');
    }
    if (!ok || v == 0) {
        throw usage_error{
            "invalid " + std::string(option) + " '" + std::string(text) + "' (expected a positive number)", command};
    }
    return v;
}

// --------------------------------------------------------------------------------------------- input

std::string describe_errno(int err) { return err != 0 ? std::strerror(err) : "read error"; }

// The whole of FILE, or of standard input for "-".
std::string read_all(std::string_view path) {
    std::FILE* f = stdin;
    const bool is_stdin = path == "-";
    if (is_stdin) {
        set_binary(stdin);
    } else {
        errno = 0;
        f = std::fopen(std::string(path).c_str(), "rb");
        if (f == nullptr) throw input_error{"cannot open '" + std::string(path) + "': " + describe_errno(errno)};
    }
    std::string data;
    std::array<char, 1 << 16> chunk{};
    errno = 0;
    for (;;) {
        const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), f);
        data.append(chunk.data(), n);
        if (n < chunk.size()) break;
    }
    const bool failed = std::ferror(f) != 0;
    const int err = errno;
    if (!is_stdin) std::fclose(f);
    if (failed) {
        throw input_error{"cannot read '" + std::string(is_stdin ? "<stdin>" : path) + "': " + describe_errno(err)};
    }
    return data;
}

// --------------------------------------------------------------------------------------------- classify

std::string_view hint_advice(llmerr::retry_hint h) {
    switch (h) {
        case llmerr::retry_hint::backoff: return "retry with exponential backoff";
        case llmerr::retry_hint::slow_ramp_up: return "retry, then grow traffic gradually";
        case llmerr::retry_hint::refresh_credentials_once: return "refresh the credential, then retry once";
        case llmerr::retry_hint::wait_for_quota_reset: return "wait until the quota window resets";
        case llmerr::retry_hint::wait_for_resource_state: return "retry once the resource leaves its state";
        case llmerr::retry_hint::reduce_concurrency: return "retry with fewer requests in flight";
        case llmerr::retry_hint::use_streaming: return "send it as a streaming call";
        case llmerr::retry_hint::fix_clock: return "sync the clock, then retry";
        default: return {};
    }
}

// "label        value" with continuation lines of a multi-line value indented to the value column.
void field(std::string& out, std::string_view label, std::string_view value, std::size_t width = 14) {
    out += label;
    out.append(label.size() < width ? width - label.size() : 1, ' ');
    for (const char c : value) {
        if (c == '\n') {
            out += '\n';
            out.append(width, ' ');
        } else if (c != '\r') {
            out += c;
        }
    }
    out += '\n';
}

std::string or_dash(std::string_view s) { return s.empty() ? std::string("-") : std::string(s); }

// The message for the readable block: control characters other than line breaks escaped, long text cut.
std::string readable_message(std::string_view m) {
    constexpr std::size_t cap = 4000;
    std::string out;
    const std::string_view shown = m.size() > cap ? m.substr(0, cap) : m;
    for (const char c : shown) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7F) {
            llmerr::detail::append_hex_escape(out, u);  // as to_string(llm_error) shows it
        } else {
            out += c;
        }
    }
    if (m.size() > cap) out += "… (" + std::to_string(m.size()) + " bytes in all)";
    return out;
}

void append_error_block(std::string& out, const llmerr::llm_error& e) {
    field(out, "provider", llmerr::to_string(e.provider));
    field(out, "HTTP status", e.http_status != 0 ? std::to_string(e.http_status) : "unknown");
    field(out, "code", or_dash(e.code));
    field(out, "category", llmerr::to_string(e.category));
    std::string retry = e.retryable ? "yes" : "no";
    if (e.should_retry) retry += std::string(" (x-should-retry: ") + (*e.should_retry ? "true" : "false") + ")";
    if (e.retry_hint != llmerr::retry_hint::none) {
        retry += std::string("; hint ") + std::string(llmerr::to_string(e.retry_hint)) + ": " +
                 std::string(hint_advice(e.retry_hint));
    }
    field(out, "retryable", retry);
    if (e.retry_after) field(out, "retry after", std::to_string(e.retry_after->count()) + " ms");
    field(out, "request id", or_dash(e.request_id));
    field(out, "api", or_dash(e.api));
    if (!e.type.empty()) field(out, "type", e.type);
    if (!e.param.empty()) field(out, "param", e.param);
    std::string shape(llmerr::to_string(e.envelope));
    if (e.from_stream) shape += ", from an SSE event";
    if (e.salvaged) shape += ", salvaged from broken JSON";
    if (e.truncated) shape += ", message truncated";
    field(out, "body", shape);
    field(out, "message", e.message.empty() ? "-" : readable_message(e.message));
    if (e.entry != nullptr) {
        const llmerr::catalog_entry& c = *e.entry;
        out += '\n';
        std::string title = std::string(llmerr::to_string(c.provider)) + " / " + std::string(c.api) + " / " +
                            std::string(c.code) + " (variant " + std::to_string(c.variant);
        if (c.http_status != 0) title += ", documented HTTP " + std::to_string(c.http_status);
        title += ")";
        field(out, "catalogue", title);
        field(out, "  message", or_dash(c.message));
        if (!c.description.empty()) field(out, "  description", c.description);
        const llmerr_cli::entry_notes& notes = llmerr_cli::notes_of(c);
        if (!notes.note.empty()) field(out, "  note", notes.note);
        if (!notes.doubt.empty()) field(out, "  doubt", notes.doubt);
    } else {
        field(out, "catalogue", "no entry (classified from the status and message)");
    }
}

struct classify_options {
    std::optional<provider> hint;
    std::optional<int> status;
    std::vector<std::pair<std::string, std::string>> headers;  // --header, in order
    std::optional<std::string> meta;
    bool json = false;
    std::optional<std::string> jsonl;
    bool summary_only = false;
    std::size_t max_line_bytes = default_max_line_bytes;
    std::optional<std::string> file;
};

std::pair<std::string, std::string> parse_header(std::string_view text, const std::string& command) {
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0) {
        throw usage_error{"invalid header '" + std::string(text) + "' (expected 'Name: value')", command};
    }
    std::string_view value = text.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    return {std::string(text.substr(0, colon)), std::string(value)};
}

// Provider, status and headers from a sample's .meta.json; explicit options win.
void apply_meta(classify_options& o) {
    const std::string text = read_all(*o.meta);
    const nlohmann::json meta = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!meta.is_object()) throw input_error{"'" + *o.meta + "' is not a JSON object"};
    if (!o.hint) {
        if (const auto p = meta.find("provider"); p != meta.end() && p->is_string()) {
            // A name this version does not know is no hint (as in JSONL logs), not a usage error.
            o.hint = llmerr::provider_from_string(p->get_ref<const std::string&>()).value_or(provider::unknown);
        }
    }
    if (!o.status) {
        if (const auto s = meta.find("status"); s != meta.end() && s->is_number_integer()) {
            const auto v = s->get<long long>();
            if (v < 0 || v > 999) throw input_error{"'" + *o.meta + "': \"status\" is not an HTTP status"};
            o.status = static_cast<int>(v);
        }
    }
    if (const auto h = meta.find("headers"); h != meta.end() && h->is_object()) {
        std::vector<std::pair<std::string, std::string>> from_meta;
        for (const auto& [name, value] : h->items()) {
            if (value.is_string()) from_meta.emplace_back(name, value.get<std::string>());
        }
        // Explicit --header lines come last, so they win where the parser keeps the last value.
        from_meta.insert(from_meta.end(), o.headers.begin(), o.headers.end());
        o.headers = std::move(from_meta);
    }
}

int classify_one(const classify_options& o) {
    const std::string body = read_all(o.file ? *o.file : "-");
    const int status = o.status.value_or(0);
    const provider hint = o.hint.value_or(provider::unknown);
    const std::optional<llmerr::llm_error> err = llmerr::find_error(status, body, o.headers, hint);
    out_buffer out(stdout);
    if (o.json) {
        if (err) {
            out.buf += "{\"error\":true,";
            llmerr_cli::append_error_members(out.buf, *err);
            out.buf += ",\"catalog\":";
            out.buf += err->entry != nullptr
                           ? entry_json(*err->entry).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                           : std::string("null");
            out.buf += "}\n";
        } else {
            out.buf += "{\"error\":false,\"provider\":\"";
            out.buf += llmerr::to_string(hint);
            out.buf += "\",\"http_status\":";
            llmerr_cli::append_int(out.buf, status);
            out.buf += "}\n";
        }
        return exit_ok;
    }
    if (err) {
        append_error_block(out.buf, *err);
    } else {
        out.buf += "no error: ";
        out.buf += status != 0 ? "HTTP " + std::to_string(status) + " response" : std::string("the body");
        out.buf += " carries no error\n";
    }
    return exit_ok;
}

std::string percent(std::uint64_t part, std::uint64_t whole) {
    if (whole == 0) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
    return buf;
}

void append_summary(std::string& out, const llmerr_cli::tally& t) {
    llmerr_cli::text_table table;
    table.add({"provider", "category", "count", "retryable"});
    table.align_right(2);
    table.align_right(3);
    std::uint64_t total = 0, errors = 0, retryable = 0;
    const provider order[] = {provider::ark, provider::dashscope, provider::qianfan, provider::unknown};
    for (const provider p : order) {
        const auto pi = static_cast<std::size_t>(p);
        for (std::size_t ci = 0; ci < llmerr_cli::tally::columns; ++ci) {
            const std::uint64_t n = t.count[pi][ci];
            if (n == 0) continue;
            const bool is_error = ci < llmerr::category_count;
            total += n;
            if (is_error) {
                errors += n;
                retryable += t.retryable[pi][ci];
            }
            table.add({std::string(llmerr::to_string(p)),
                       is_error ? std::string(llmerr::to_string(static_cast<category>(ci))) : "(no error)",
                       std::to_string(n), is_error ? percent(t.retryable[pi][ci], n) : "-"});
        }
    }
    table.add({"total", "", std::to_string(total), percent(retryable, errors)});
    table.render(out);
    out += std::to_string(total) + " lines classified: " + std::to_string(errors) + " errors, " +
           std::to_string(total - errors) + " without error; " + std::to_string(t.bad) + " bad lines skipped\n";
}

int classify_jsonl(const classify_options& o) {
    const std::string& path = *o.jsonl;
    const bool is_stdin = path == "-";
    const std::string name = is_stdin ? "<stdin>" : path;
    std::FILE* f = stdin;
    if (is_stdin) {
        set_binary(stdin);
    } else {
        errno = 0;
        f = std::fopen(path.c_str(), "rb");
        if (f == nullptr) throw input_error{"cannot open '" + path + "': " + describe_errno(errno)};
    }
    struct closer {
        std::FILE* f;
        bool own;
        ~closer() {
            if (own) std::fclose(f);
        }
    } close_at_exit{f, !is_stdin};

    const provider default_hint = o.hint.value_or(provider::unknown);
    llmerr_cli::line_reader reader(f, o.max_line_bytes);
    llmerr_cli::record_parser parser;
    llmerr_cli::log_record rec;
    out_buffer out(stdout);
    llmerr_cli::tally t;
    const bool progress = is_terminal(stderr);
    bool progress_shown = false;
    auto clear_progress = [&] {
        if (progress_shown) std::fputs("\r                                                            \r", stderr);
        progress_shown = false;
    };
    auto last_progress = std::chrono::steady_clock::now();

    std::uint64_t line_no = 0;
    std::string_view line;
    bool too_long = false;
    while (reader.next(line, too_long)) {
        ++line_no;
        if (progress && (line_no & 0xFFF) == 0) {
            const auto now = std::chrono::steady_clock::now();
            if (now - last_progress >= std::chrono::milliseconds(500)) {
                last_progress = now;
                std::fprintf(stderr, "\rllmerr: %llu lines, %.1f MB read", static_cast<unsigned long long>(line_no),
                             static_cast<double>(reader.bytes) / 1e6);
                progress_shown = true;
            }
        }
        std::string problem;
        if (too_long) {
            problem = "line longer than " + std::to_string(o.max_line_bytes) + " bytes";
        } else {
            std::size_t first = 0;
            while (first < line.size() && (line[first] == ' ' || line[first] == '\t')) ++first;
            if (first == line.size()) continue;  // an empty line
            if (!parser.parse(line, rec)) problem = parser.problem();
        }
        if (!problem.empty()) {
            ++t.bad;
            out.flush();  // keep stdout and stderr in line order when both go to one terminal
            clear_progress();
            std::fprintf(stderr, "llmerr: %s:%llu: skipped: %s\n", name.c_str(),
                         static_cast<unsigned long long>(line_no), problem.c_str());
            continue;
        }
        llmerr_cli::classify_record(rec, line_no, default_hint, t, o.summary_only ? nullptr : &out.buf);
        if (o.summary_only) continue;
        out.maybe_flush();
    }
    clear_progress();
    if (reader.read_failed()) throw input_error{"cannot read '" + name + "': read error"};
    if (o.summary_only) {
        append_summary(out.buf, t);
    } else {
        out.flush();
        std::string summary;
        append_summary(summary, t);
        std::fputs("\n", stderr);
        std::fwrite(summary.data(), 1, summary.size(), stderr);
    }
    return t.bad == 0 ? exit_ok : exit_bad_lines;
}

int cmd_classify(arg_parser& args) {
    classify_options o;
    std::string_view arg;
    bool is_option = false;
    std::vector<std::string> incompatible;  // single-response options given with --jsonl
    while (args.next(arg, is_option)) {
        if (!is_option) {
            if (o.file)
                throw usage_error{"more than one input file ('" + *o.file + "', '" + std::string(arg) + "')",
                                  args.command()};
            o.file = std::string(arg);
        } else if (arg == "--provider") {
            o.hint = parse_provider(args.value(arg), args.command(), true);
        } else if (arg == "--status") {
            o.status = parse_status(args.value(arg), args.command());
            incompatible.emplace_back(arg);
        } else if (arg == "--header") {
            o.headers.push_back(parse_header(args.value(arg), args.command()));
            incompatible.emplace_back(arg);
        } else if (arg == "--meta") {
            o.meta = std::string(args.value(arg));
            incompatible.emplace_back(arg);
        } else if (arg == "--json") {
            args.no_value(arg);
            o.json = true;
            incompatible.emplace_back(arg);
        } else if (arg == "--jsonl") {
            o.jsonl = std::string(args.value(arg));
        } else if (arg == "--summary-only") {
            args.no_value(arg);
            o.summary_only = true;
        } else if (arg == "--max-line-bytes") {
            o.max_line_bytes = parse_size(args.value(arg), arg, args.command());
        } else {
            args.unknown(arg);
        }
    }
    if (o.jsonl) {
        if (o.file)
            throw usage_error{"unexpected argument '" + *o.file + "' (--jsonl takes the input)", args.command()};
        if (!incompatible.empty()) {
            throw usage_error{incompatible.front() + " cannot be used with --jsonl", args.command()};
        }
        return classify_jsonl(o);
    }
    if (o.summary_only) throw usage_error{"--summary-only needs --jsonl", args.command()};
    if (o.meta) apply_meta(o);
    return classify_one(o);
}

// ------------------------------------------------------------------------------------------ lookup, list

void append_entry_block(std::string& out, const llmerr::catalog_entry& e, std::string_view asked_code) {
    const llmerr::entry_range vs = llmerr::variants(e);
    out += std::string(llmerr::to_string(e.provider)) + " / " + std::string(e.api) + " / " + std::string(e.code) +
           " (variant " + std::to_string(e.variant) + " of " + std::to_string(vs.size()) + ")\n";
    if (asked_code != e.code)
        field(out, "  asked for", std::string(asked_code) + " (resolved to the documented code)", 16);
    field(out, "  HTTP status", e.http_status != 0 ? std::to_string(e.http_status) : "undocumented", 16);
    field(out, "  type", or_dash(e.type), 16);
    field(out, "  category", llmerr::to_string(e.category), 16);
    field(out, "  retryable", e.retryable ? "yes" : "no", 16);
    std::string hint(llmerr::to_string(e.retry_hint));
    if (e.retry_hint != llmerr::retry_hint::none) hint += " (" + std::string(hint_advice(e.retry_hint)) + ")";
    field(out, "  retry hint", hint, 16);
    field(out, "  message", or_dash(e.message), 16);
    field(out, "  description", or_dash(e.description), 16);
    field(out, "  match", or_dash(e.match), 16);
    field(out, "  aliases", or_dash(e.aliases), 16);
    const llmerr_cli::entry_notes& notes = llmerr_cli::notes_of(e);
    field(out, "  note", or_dash(notes.note), 16);
    field(out, "  doubt", or_dash(notes.doubt), 16);
    field(out, "  source", or_dash(notes.source), 16);
    field(out, "  value", std::to_string(e.value), 16);
    if (vs.size() > 1) {
        out += "  other variants:\n";
        for (const auto& v : vs) {
            if (&v != &e) out += "    " + llmerr::to_string(v) + "\n";
        }
    }
}

int cmd_lookup(arg_parser& args) {
    std::vector<std::string_view> positional;
    std::optional<std::string_view> message, api;
    int status = 0;
    bool json = false;
    std::string_view arg;
    bool is_option = false;
    while (args.next(arg, is_option)) {
        if (!is_option) {
            positional.push_back(arg);
        } else if (arg == "--message") {
            message = args.value(arg);
        } else if (arg == "--status") {
            status = parse_status(args.value(arg), args.command());
        } else if (arg == "--api") {
            api = args.value(arg);
        } else if (arg == "--json") {
            args.no_value(arg);
            json = true;
        } else {
            args.unknown(arg);
        }
    }
    if (positional.size() < 2) throw usage_error{"missing argument: PROVIDER and CODE are required", args.command()};
    if (positional.size() > 2)
        throw usage_error{"unexpected argument '" + std::string(positional[2]) + "'", args.command()};
    const provider p = parse_provider(positional[0], args.command(), false);
    const std::string_view code = positional[1];
    const llmerr::catalog_entry* e = api ? llmerr::lookup_in(p, *api, code, message.value_or(""), status)
                                         : llmerr::lookup(p, code, message.value_or(""), status);
    if (e == nullptr) {
        std::fprintf(stderr, "llmerr: no catalogue entry for %s code '%.*s'%s%.*s\n",
                     std::string(llmerr::to_string(p)).c_str(), static_cast<int>(code.size()), code.data(),
                     api ? " in api " : "", api ? static_cast<int>(api->size()) : 0, api ? api->data() : "");
        return exit_not_found;
    }
    out_buffer out(stdout);
    if (json) {
        out.buf += entry_json(*e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        out.buf += '\n';
    } else {
        append_entry_block(out.buf, *e, code);
    }
    return exit_ok;
}

std::string_view provider_title(provider p) {
    switch (p) {
        case provider::ark: return "Volcengine Ark (火山方舟)";
        case provider::dashscope: return "Alibaba Cloud DashScope / Model Studio (阿里云百炼)";
        case provider::qianfan: return "Baidu AI Cloud Qianfan (百度智能云千帆)";
        default: return "Unknown";
    }
}

void append_markdown(std::string& out, const std::vector<const llmerr::catalog_entry*>& rows) {
    out += "# llmerr error catalogue\n\n";
    out +=
        "<!-- Generated by `llmerr list --format markdown` from the catalogue compiled into llmerr — do not edit.\n"
        "     Regenerate with `cmake --build <build> --target llmerr_catalog_md`. -->\n\n";
    out +=
        "Every documented error code of the three providers, as llmerr classifies it. A code with several documented\n"
        "meanings has one row per variant (0 = primary). *HTTP* is the documented status (— when undocumented);\n"
        "*retryable* says whether the identical request, sent again later, can succeed; *hint* is the documentation's\n"
        "advice beyond that. *描述* is the provider's Chinese description.\n\n";
    std::size_t per_provider[4] = {0, 0, 0, 0};
    for (const auto* e : rows) ++per_provider[static_cast<std::size_t>(e->provider) & 3];
    out += std::to_string(rows.size()) + " entries";
    for (const provider p : {provider::ark, provider::dashscope, provider::qianfan}) {
        const std::size_t n = per_provider[static_cast<std::size_t>(p)];
        if (n == 0) continue;
        out += " · [" + std::string(llmerr::to_string(p)) + "](#" + std::string(llmerr::to_string(p)) +
               "): " + std::to_string(n);
    }
    out += "\n";
    for (const provider p : {provider::ark, provider::dashscope, provider::qianfan}) {
        if (per_provider[static_cast<std::size_t>(p)] == 0) continue;
        const std::string pname(llmerr::to_string(p));
        out.append("\n<a id=\"").append(pname).append("\"></a>\n\n## ").append(pname).append(" — ");
        out.append(provider_title(p)).append("\n");
        for (const llmerr::api_info& api : llmerr::apis(p)) {
            std::vector<const llmerr::catalog_entry*> group;
            for (const auto* e : rows) {
                if (e->provider == p && e->api == api.name) group.push_back(e);
            }
            if (group.empty()) continue;
            out += "\n### " + pname + " / " + std::string(api.name) + "\n\n";
            out += std::string(api.description) + "\n\n";
            out += "| code | variant | HTTP | category | retryable | hint | message | 描述 | notes |\n";
            out += "|---|---|---|---|---|---|---|---|---|\n";
            for (const auto* e : group) {
                out += "| ";
                llmerr_cli::append_md_code(out, e->code);
                out += " | " + std::to_string(e->variant) + " | ";
                out += e->http_status != 0 ? std::to_string(e->http_status) : "—";
                out +=
                    " | " + std::string(llmerr::to_string(e->category)) + " | " + (e->retryable ? "yes" : "no") + " | ";
                if (e->retry_hint != llmerr::retry_hint::none) out += llmerr::to_string(e->retry_hint);
                out += " | ";
                llmerr_cli::append_md_cell(out, e->message);
                out += " | ";
                llmerr_cli::append_md_cell(out, e->description);
                out += " | ";
                bool any = false;
                if (!e->aliases.empty()) {
                    out += "Also sent as ";
                    std::string_view rest = e->aliases;
                    bool first = true;
                    while (!rest.empty()) {
                        const std::size_t sp = rest.find(' ');
                        const std::string_view alias = rest.substr(0, sp);
                        if (!alias.empty()) {
                            if (!first) out += ", ";
                            llmerr_cli::append_md_code(out, alias);
                            first = false;
                        }
                        rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
                    }
                    out += '.';
                    any = true;
                }
                const llmerr_cli::entry_notes& notes = llmerr_cli::notes_of(*e);
                if (!notes.note.empty()) {
                    if (any) out += "<br>";
                    llmerr_cli::append_md_cell(out, notes.note);
                    any = true;
                }
                if (!notes.doubt.empty()) {
                    if (any) out += "<br>";
                    out += "**Doubt:** ";
                    llmerr_cli::append_md_cell(out, notes.doubt);
                }
                out += " |\n";
            }
        }
    }
}

void append_csv(std::string& out, const std::vector<const llmerr::catalog_entry*>& rows) {
    out +=
        "provider,api,code,variant,http_status,type,category,retryable,retry_hint,message,description,match,"
        "aliases,note,doubt,source,value\r\n";
    for (const auto* e : rows) {
        const std::string fields[] = {std::string(llmerr::to_string(e->provider)),
                                      std::string(e->api),
                                      std::string(e->code),
                                      std::to_string(e->variant),
                                      std::to_string(e->http_status),
                                      std::string(e->type),
                                      std::string(llmerr::to_string(e->category)),
                                      e->retryable ? "true" : "false",
                                      std::string(llmerr::to_string(e->retry_hint)),
                                      std::string(e->message),
                                      std::string(e->description),
                                      std::string(e->match),
                                      std::string(e->aliases),
                                      std::string(llmerr_cli::notes_of(*e).note),
                                      std::string(llmerr_cli::notes_of(*e).doubt),
                                      std::string(llmerr_cli::notes_of(*e).source),
                                      std::to_string(e->value)};
        bool first = true;
        for (const auto& f : fields) {
            if (!first) out += ',';
            llmerr_cli::append_csv_field(out, f);
            first = false;
        }
        out += "\r\n";
    }
}

void append_table(std::string& out, const std::vector<const llmerr::catalog_entry*>& rows) {
    llmerr_cli::text_table table;
    table.add({"provider", "api", "code", "var", "http", "category", "retry", "hint", "message"});
    for (const auto* e : rows) {
        table.add({std::string(llmerr::to_string(e->provider)), std::string(e->api), std::string(e->code),
                   std::to_string(e->variant), e->http_status != 0 ? std::to_string(e->http_status) : "-",
                   std::string(llmerr::to_string(e->category)), e->retryable ? "yes" : "no",
                   e->retry_hint != llmerr::retry_hint::none ? std::string(llmerr::to_string(e->retry_hint)) : "-",
                   llmerr_cli::fit(e->message, 72)});
    }
    table.render(out);
}

int cmd_list(arg_parser& args) {
    std::optional<provider> p;
    std::optional<category> c;
    std::optional<std::string_view> api;
    std::string_view format = "table";
    std::string_view arg;
    bool is_option = false;
    while (args.next(arg, is_option)) {
        if (!is_option) throw usage_error{"unexpected argument '" + std::string(arg) + "'", args.command()};
        if (arg == "--provider") {
            p = parse_provider(args.value(arg), args.command(), false);
        } else if (arg == "--category") {
            c = parse_category(args.value(arg), args.command());
        } else if (arg == "--api") {
            api = args.value(arg);
        } else if (arg == "--format") {
            format = args.value(arg);
            if (format != "table" && format != "json" && format != "csv" && format != "markdown") {
                throw usage_error{
                    "unknown format '" + std::string(format) + "' (expected table, json, csv or markdown)",
                    args.command()};
            }
        } else {
            args.unknown(arg);
        }
    }
    if (api) {
        bool known = false;
        for (const auto& e : llmerr::entries()) known = known || e.api == *api;
        if (!known) throw usage_error{"unknown api '" + std::string(*api) + "'", args.command()};
    }
    std::vector<const llmerr::catalog_entry*> rows;
    for (const auto& e : p ? llmerr::entries(*p) : llmerr::entries()) {
        if ((!c || e.category == *c) && (!api || e.api == *api)) rows.push_back(&e);
    }
    set_binary(stdout);  // the same bytes on every platform (CATALOG.md is compared byte for byte)
    out_buffer out(stdout);
    if (format == "json") {
        nlohmann::json array = nlohmann::json::array();
        for (const auto* e : rows) array.push_back(entry_json(*e));
        out.buf += array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
        out.buf += '\n';
    } else if (format == "csv") {
        append_csv(out.buf, rows);
    } else if (format == "markdown") {
        append_markdown(out.buf, rows);
    } else {
        append_table(out.buf, rows);
    }
    return exit_ok;
}

// --------------------------------------------------------------------------------------------------- main

int run(int argc, char** argv) {
    std::vector<std::string_view> all(argv + 1, argv + argc);
    if (all.empty()) {
        std::fputs("llmerr: missing command\nUsage: llmerr classify|lookup|list|help [...]; try 'llmerr --help'.\n",
                   stderr);
        return exit_usage;
    }
    const std::string_view first = all.front();
    if (first == "--help" || first == "-h" || (first == "help" && all.size() == 1)) {
        std::fwrite(main_help.data(), 1, main_help.size(), stdout);
        return exit_ok;
    }
    if (first == "--version" || first == "-V") {
        std::fputs("llmerr " LLMERR_VERSION_STRING "\n", stdout);
        return exit_ok;
    }
    if (first == "help") {
        const std::string_view topic = all[1];
        if (all.size() > 2) throw usage_error{"unexpected argument '" + std::string(all[2]) + "'", ""};
        if (topic != "classify" && topic != "lookup" && topic != "list") {
            throw usage_error{"unknown command '" + std::string(topic) + "'", ""};
        }
        const std::string_view text = help_of(topic);
        std::fwrite(text.data(), 1, text.size(), stdout);
        return exit_ok;
    }
    const std::string command(first);
    if (command != "classify" && command != "lookup" && command != "list") {
        throw usage_error{"unknown command '" + command + "'", ""};
    }
    std::vector<std::string_view> rest(all.begin() + 1, all.end());
    for (const std::string_view a : rest) {
        if (a == "--") break;
        if (a == "--help" || a == "-h") {
            const std::string_view text = help_of(command);
            std::fwrite(text.data(), 1, text.size(), stdout);
            return exit_ok;
        }
    }
    arg_parser args(command, std::move(rest));
    if (command == "classify") return cmd_classify(args);
    if (command == "lookup") return cmd_lookup(args);
    return cmd_list(args);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const usage_error& e) {
        std::fflush(stdout);
        std::fprintf(stderr, "llmerr: %s\nTry 'llmerr %s%s--help'.\n", e.message.c_str(), e.command.c_str(),
                     e.command.empty() ? "" : " ");
        return exit_usage;
    } catch (const input_error& e) {
        std::fflush(stdout);
        std::fprintf(stderr, "llmerr: %s\n", e.message.c_str());
        return exit_input;
    } catch (const std::exception& e) {
        std::fflush(stdout);
        std::fprintf(stderr, "llmerr: %s\n", e.what());
        return exit_input;
    }
}
