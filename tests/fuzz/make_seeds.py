#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes raw fuzz seeds for every target from data/samples/ and data/*.json into OUT/<target>/.

The committed corpus (tests/fuzz/corpus/<target>/) is these seeds minimised with libFuzzer:
    python3 tests/fuzz/make_seeds.py /tmp/seeds
    build/fuzz/tests/fuzz/fuzz_parse -merge=1 tests/fuzz/corpus/fuzz_parse /tmp/seeds/fuzz_parse
With --long OUT it writes only long bodies (up to 140000 bytes) for the long-input runs of tools/run_fuzz.sh;
they are generated at run time, never committed.
Input layouts are described in tests/fuzz/fuzz_util.hpp and at the top of each target.
"""
import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
RS, US = b"\x1e", b"\x1f"
MAX_LEN = 4096
PROVIDERS = {"unknown": 0, "ark": 1, "dashscope": 2, "qianfan": 3}


def status_bytes(status):
    """fuzz_util.hpp input::status(): first byte >= 0x80 means (15 low bits) - 1000."""
    v = status + 1000
    return bytes([0x80 | (v >> 8), v & 0xFF])


def write(out, target, data):
    if len(data) > MAX_LEN:
        return  # tools/run_fuzz.sh fuzzes with -max_len=4096; longer seeds would be cut anyway
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


# Hand-written edge cases for the JSON scanner (mostly from tests/test_parse_hostile.cpp).
EDGE_JSON = [
    b"", b"null", b"[]", b"{}", b'"str"', b"42", b"-1.5e9", b"true", b'{"a":', b"}{", b"\xef\xbb\xbf",
    b'{"error":{}}', b'{"error":[]}', b'{"error":""}', b'{"code":"a\xff","message":"m"}', b'{"code":"\xc0\xaf"}',
    b'{"code":"\xed\xa0\x80"}', b'{"code":"\\ud800"}', b'{"code":"\\ud83d\\ude00"}', b'{"code":"a\x00b","message":"x"}',
    b'{"message":"ok"}\x00trailing', b'{"code":123,"message":"m"}', b'{"error_code":-0,"error_msg":"m"}',
    b'{"error_code":1e2}', b'{"error_code":99999999999999999999999,"error_msg":"m"}',
    b'{"error_code":18446744073709551615}', b'{"error_code":18446744073709551616}',
    b'{"error_code":-9223372036854775808}', b'{"error_code":-9223372036854775809}',
    b'{"error":{"code":"A"},"error":{"message":"B"}}', b'{"error":{"code":"A"},"error":"s"}',
    b'{"error":"s","error":{"code":"A"}}', b'{"\\u0063ode":"esc","code":"plain"}',
    b'{"error":{"\\u0063ode":"x","type":"t","param":["a"]}}', b'{"status":200,"id":"x","requestId":"y"}',
    b'{"choices":[],"object":"chat.completion"}', b"[" * 129 + b"]" * 129, b"[" * 127 + b"]" * 127,
    b'{"a":' * 130 + b"1" + b"}" * 130, b'{"k":"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9"}', b' \t\r\n{"code" : 1 } \n',
    # around the largest double: nlohmann rejects what rounds to infinity, and so must the scanner
    b"1.7976931348623157e308", b"1.7976931348623158e308", b"1.7976931348623159e308", b"-1e309", b"0.1e310",
    b"17976931348623158079372897140530341507993413271003782693617377898044496829276475094664901797758720709633"
    b"02864166928879109465555478519404026306574886715058206819089020007083836762738548458177115317644757302700"
    b"69855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
    b"1e-400", b"0.0000e999", b'{"code":"InvalidApiKey","message":"m","n":1e999}', b"\xef\xbb\xbf{}",
]

EDGE_SSE = [
    b"data:", b"event:error\n\n", b":\n\n", b"data: [DONE]", b":HTTP_STATUS/429\nevent:error\ndata:{}\n\n",
    b"status: 500\nevent: error\ndata: {\"code\":\"x\"}\n\n", b"id:1\ndata: {\"error\":{\"code\":\"c\"}}\r\n\r\n",
    b"retry: 10\ndata: {\"a\":1}\ndata: {\"b\":2}\n\n", b'{"error_code":336501,"error_msg":"x"}\n',
]

# Headers that llmerr reads (detail/headers.hpp).
EXTRA_HEADERS = [
    [("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT")], [("Retry-After", "Sunday, 06-Nov-94 08:49:37 GMT")],
    [("retry-after", "Sun Nov  6 08:49:37 1994")], [("retry-after-ms", "1500.5"), ("Retry-After", "2")],
    [("x-should-retry", "false")], [("x-should-retry", "TRUE")],
    [("X-Bce-Error-Code", "IamSignatureInvalid"), ("X-Bce-Error-Message", "bad sig"), ("x-bce-request-id", "r")],
    [("x-dashscope-request-id", "u"), ("X-DashScope-Foo", "1")], [("x-acs-request-id", "a"), ("request-id", "b")],
    [("x-client-request-id", "c")],
]


def samples():
    for meta_path in sorted((ROOT / "data/samples").glob("*.meta.json")):
        name = meta_path.name[: -len(".meta.json")]
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        yield name, (ROOT / "data/samples" / (name + ".body")).read_bytes(), meta


def encode_headers(headers):
    return b"".join(RS + k.encode() + US + v.encode() for k, v in headers)


# Raw header blocks and HTTP-dates for fuzz_headers (after 2 status bytes and 1 mode byte).
RAW_BLOCKS = [
    b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nx-request-id: abc\r\n\r\n",
    b"HTTP/2 503\nretry-after: Wed, 21 Oct 2015 07:28:00 GMT\nx-should-retry: true\n\n",
    b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 429 X\r\nRetry-After:\r\n 7\r\n\r\nbody",
    b"Retry-After: Sat, 31 Feb 2030 00:00:00 GMT", b"Retry-After: Thu, 29 Feb 2032 23:59:60 GMT",
    b"Retry-After: Friday, 31-Dec-99 23:59:59 GMT", b"Retry-After: Sat Dec 31 23:59:59 9999",
    b"X-Bce-Error-Code: AccessDenied\r\nX-Bce-Error-Message: \xe4\xb8\xad\r\nx-bce-request-id: q\r\n",
    b"retry-after-ms: 0\r\nretry-after: 0.5\r\nx-dashscope-request-id: d\r\n",
    b"Sun, 06 Nov 1994 08:49:37 GMT", b"Sunday, 06-Nov-94 08:49:37 GMT", b"Sun Nov  6 08:49:37 1994",
]

# llm_error JSON for fuzz_from_json, the hostile numbers of issue #14 among them.
FROM_JSON = [
    b'{"provider":"dashscope","http_status":429,"code":"Throttling.AllocationQuota","category":"rate_limited",'
    b'"retryable":true,"retry_hint":"backoff","retry_after_ms":7000,"should_retry":null,"request_id":"r",'
    b'"api":"inference","entry":{"api":"inference","code":"Throttling.AllocationQuota","variant":0},"type":"",'
    b'"param":"","envelope":"code_message","evidence":"exact_code","from_stream":false,"truncated":false,'
    b'"salvaged":false,"message":"Allocated quota exceeded, please increase your quota limit."}',
    b'{"retry_after_ms":1e300}', b'{"http_status":1e300}', b'{"entry":{"variant":1e300}}', b'{"retry_after_ms":-1}',
    b'{"http_status":429.0,"retry_after_ms":9223372036854775807}', b'{"http_status":18446744073709551615}',
    b'{"provider":"qianfan","entry":{"api":"v1","code":"110","variant":0},"api":"v1"}', b"{}", b"[]",
]


def new_target_seeds(out, all_samples):
    """Seeds of fuzz_advise, fuzz_from_json, fuzz_headers, fuzz_format and fuzz_jsonl."""
    for i in range(64):  # advise: flag and enum bytes, then durations; extremes are the low selector values
        write(out, "fuzz_advise", bytes([i * 4 + 3, i % 10, i % 9]) + bytes(range(i, i + 48)))
    write(out, "fuzz_advise", b"\xff\x04\x05" + b"\x00" * 40)  # every duration max, jitter 1.0
    for e in FROM_JSON:
        write(out, "fuzz_from_json", e)
    for e in RAW_BLOCKS:
        for mode in (0, 0x3F):
            write(out, "fuzz_headers", status_bytes(0) + bytes([mode]) + e)
    for hs in EXTRA_HEADERS:
        write(out, "fuzz_headers", status_bytes(429) + b"\x1d" + b"{}" + encode_headers(hs))
    for name, body, meta in all_samples[:40]:
        headers = list(meta.get("headers", {}).items())
        if headers:
            write(out, "fuzz_headers", status_bytes(meta.get("status", 0)) + b"\x0d" + body + encode_headers(headers))
        line = json.dumps({"status": meta.get("status", 0), "provider": meta.get("provider", ""),
                           "headers": meta.get("headers", {}), "body": body.decode("utf-8", "replace")})
        write(out, "fuzz_jsonl", line.encode())
        code = meta.get("expect", {}) or {}
        write(out, "fuzz_format", status_bytes(meta.get("status", 0)) + bytes([1, 3, 2, 7, 1, 0x5B]) +
              str(code.get("code", "")).encode() + RS + body[:300] + RS + b"req-1" + RS + b"type" + RS + b"param")
    for line in (b'{"status":"429","body":""}', b'{"body":"x","status":1.5}', b'{"headers":{"a":1},"body":"\\u00e9"}',
                 b"\xef\xbb\xbf{\"body\":\"\"}", b'{"body":"a","body":7}', b"[" * 100 + b"]" * 100):
        write(out, "fuzz_jsonl", line)
    write(out, "fuzz_format", b"\x00" * 8 + b'co de"\\' + RS + b"\x00\x7f\n\r\t\xe4\xb8" * 60 + RS + b"\xff")


LONG_MAX = 140000


def long_bodies():
    """Long hostile bodies, just under LONG_MAX, for the long-input runs of tools/run_fuzz.sh."""
    n = LONG_MAX - 200
    yield b"[" * (n // 2) + b"]" * (n // 2)
    yield b'{"a":' * (n // 6) + b"1" + b"}" * (n // 6)
    yield b"{" * n
    yield b'{"code":"InvalidApiKey","message":"' + b"a" * n + b'"}'
    yield b'{"code":"c","message":"' + b"\\\\" * (n // 4) + b'"}'
    yield b'{"code":"c","message":"' + b"\\u4f60" * (n // 6) + b'"}'
    yield b'{"error_code":' + b"9" * n + b',"error_msg":"m"}'
    yield b"data:{}\n\n" * (n // 9) + b'event:error\ndata:{"code":"InternalError","message":"m"}\n\n'
    yield b"event:error\n" + b'data: {"code":"x"}\n' * (n // 20) + b"\n"
    yield b"{" + b'"k":1,' * (n // 6) + b'"code":"InvalidApiKey"}'
    yield b'{"code":"' + b"Throttling." * (n // 11) + b'X","message":"m"}'
    yield b"<html><body>" + b"<p>x</p>" * (n // 8) + b"</body></html>"


def write_long(out):
    for body in long_bodies():
        body = body[: LONG_MAX - 8]
        for target, data in (("fuzz_parse", status_bytes(400) + b"\x00" + body),
                             ("fuzz_jsonl", json.dumps({"status": 400, "body": body.decode("latin-1")}).encode())):
            if len(data) <= LONG_MAX:
                d = out / target
                d.mkdir(parents=True, exist_ok=True)
                (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main():
    if sys.argv[1] == "--long":
        write_long(pathlib.Path(sys.argv[2]))
        return 0
    out = pathlib.Path(sys.argv[1])
    bodies = []
    for name, body, meta in samples():
        status = meta.get("status", 0)
        hint = PROVIDERS.get(meta.get("provider", "unknown"), 0)
        headers = list(meta.get("headers", {}).items())
        bodies.append(body)
        for h in (0, hint):
            write(out, "fuzz_parse", status_bytes(status) + bytes([h]) + body + encode_headers(headers))
            write(out, "fuzz_parse", status_bytes(0) + bytes([h]) + body)
        write(out, "fuzz_find_error", status_bytes(status) + body)
        write(out, "fuzz_find_error", status_bytes(200) + body)
        write(out, "fuzz_find_error", status_bytes(0) + body)
        write(out, "fuzz_sse", body)
        write(out, "fuzz_differential", body)
        for line in body.split(b"\n"):  # SSE data lines are JSON documents too
            if line.startswith(b"data:"):
                write(out, "fuzz_differential", line[5:].strip())
    for i, hs in enumerate(EXTRA_HEADERS):
        body = bodies[i % len(bodies)]
        write(out, "fuzz_parse", status_bytes(429) + b"\x00" + body + encode_headers(hs))
    for e in EDGE_JSON:
        write(out, "fuzz_differential", e)
        write(out, "fuzz_find_error", status_bytes(200) + e)
        write(out, "fuzz_parse", status_bytes(400) + b"\x00" + e)
    for e in EDGE_SSE:
        write(out, "fuzz_sse", e)
        write(out, "fuzz_parse", status_bytes(200) + b"\x00" + e)
    new_target_seeds(out, list(samples()))
    for provider in ("ark", "dashscope", "qianfan"):
        data = json.loads((ROOT / "data" / (provider + ".json")).read_text(encoding="utf-8"))
        for e in data["entries"]:
            pattern = (e.get("match") or e.get("message") or "").encode()
            text = (e.get("message") or "").encode()
            code = e["code"].encode()
            api = e.get("api", "").encode()
            head = bytes([PROVIDERS[provider]]) + status_bytes(e.get("http_status") or 0)
            write(out, "fuzz_match", head + pattern + RS + text + RS + code + RS + api)
            for alias in e.get("aliases", []):
                write(out, "fuzz_match", head + pattern + RS + text + RS + alias.encode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
