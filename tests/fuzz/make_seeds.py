#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes raw fuzz seeds for every target from data/samples/ and data/*.json into OUT/<target>/.

The committed corpus (tests/fuzz/corpus/<target>/) is these seeds minimised with libFuzzer:
    python3 tests/fuzz/make_seeds.py /tmp/seeds
    build/fuzz/tests/fuzz/fuzz_parse -merge=1 tests/fuzz/corpus/fuzz_parse /tmp/seeds/fuzz_parse
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


def main():
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
