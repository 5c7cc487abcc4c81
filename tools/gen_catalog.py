#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Validate data/*.json and generate include/llmerr/generated/catalog_table.hpp (the library's compact table)
and tools/generated/catalog_notes.hpp (the maintainers' note, doubt and source of each row, for the CLI only).

Python 3 standard library plus python3-jsonschema (Debian/Ubuntu: apt-get install -y python3-jsonschema), which
checks every data file against data/schema.json before the rules a JSON Schema cannot say.

  python3 tools/gen_catalog.py                  validate and (re)write the committed header
  python3 tools/gen_catalog.py --check          validate; fail if a committed header is stale
  python3 tools/gen_catalog.py --output FILE    validate and write the library's header elsewhere
                               [--notes-output FILE]  (and the CLI's notes header elsewhere)
  python3 tools/gen_catalog.py --assign-values  give new codes a stable integer in code_values, rewrite data files
  python3 tools/gen_catalog.py --providers ark,dashscope --output FILE
                                                a table of those providers' rows only (llmerr::provider keeps
                                                every value): what cmake/llmerr_providers.cmake writes for a
                                                program that names only some providers
"""
import argparse
import json
import os
import re
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Every data/<provider>.json, in the order of their provider_info.id (llmerr::provider's values): set by main().
PROVIDERS = []
CATEGORIES = [
    "unknown", "invalid_request", "authentication", "permission_denied", "billing", "quota_exhausted",
    "rate_limited", "content_filtered", "context_length_exceeded", "payload_too_large", "unsupported",
    "not_found", "conflict", "timeout", "cancelled", "overloaded", "model_loading", "server_error",
]
RETRYABLE_BY_DEFAULT = {"rate_limited", "overloaded", "model_loading", "timeout", "server_error"}
RETRY_HINTS = [
    "none", "backoff", "slow_ramp_up", "refresh_credentials_once", "wait_for_quota_reset",
    "wait_for_resource_state", "reduce_concurrency", "use_streaming", "fix_clock",
]
FIELDS = {  # name: (required, type)
    "api": (True, str), "code": (True, str), "variant": (False, int), "http_status": (True, int),
    "type": (False, str), "message": (True, str), "description": (True, str), "match": (False, str),
    "category": (True, str), "retryable": (True, bool), "retry_hint": (False, str),
    "aliases": (False, list), "note": (False, str), "doubt": (False, str), "source": (True, str),
}
OUTPUT = os.path.join("include", "llmerr", "generated", "catalog_table.hpp")
PROVIDERS_OUTPUT = os.path.join("include", "llmerr", "generated", "providers.hpp")
VOCABULARY_OUTPUT = os.path.join("include", "llmerr", "generated", "provider_vocabulary.hpp")
NOTES_OUTPUT = os.path.join("tools", "generated", "catalog_notes.hpp")
SCHEMA = os.path.join("data", "schema.json")
README = "README.md"
README_BEGIN = "<!-- catalogue table: written by tools/gen_catalog.py -->"
README_END = "<!-- end of catalogue table -->"


class DataError(Exception):
    pass


def load(provider):
    rel = os.path.join("data", provider + ".json")
    try:
        with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
            return rel, json.load(f)
    except (OSError, ValueError) as e:
        raise DataError(f"{rel}: cannot read: {e}")


def discover():
    """The providers of data/*.json in provider_info.id order; DataError when the ids are not 1, 2, … N."""
    found = []
    for name in sorted(os.listdir(os.path.join(ROOT, "data"))):
        if not name.endswith(".json") or name == "schema.json":
            continue
        rel, doc = load(name[:-len(".json")])
        info = doc.get("provider_info") if isinstance(doc, dict) else None
        if not isinstance(info, dict) or type(info.get("id")) is not int:
            raise DataError(f"{rel}: provider_info.id: missing (every data file names its provider's stable id)")
        found.append((info["id"], name[:-len(".json")]))
    found.sort()
    ids = [i for i, _ in found]
    if ids != list(range(1, len(found) + 1)):
        raise DataError(f"provider_info.id of data/*.json must be 1, 2, … {len(found)} once each, not {ids}")
    if len(found) > 254:
        raise DataError("more than 254 providers: llmerr::provider is a std::uint8_t")
    return [p for _, p in found]


HOST_LABEL = re.compile(r"^(\*\*|\*|[a-z0-9-]+\*?)$")


def validate_info(rel, doc, errors):
    """provider_info beyond the schema: host patterns well formed, words lowercase and two bytes or more."""
    info = doc.get("provider_info")
    if not isinstance(info, dict):
        errors.append(f"{rel}: provider_info: missing")
        return
    for i, h in enumerate(info.get("hosts", [])):
        labels = h.split(".") if isinstance(h, str) else []
        if not labels or not all(HOST_LABEL.match(x) for x in labels) or labels[-1] in ("*", "**") or \
                "**" not in labels and len(labels) < 2:
            errors.append(f"{rel}: provider_info.hosts[{i}]: {h!r} is not a host pattern "
                          f"(lowercase labels; '*' one label, '**' any number, 'x*' a label beginning with x)")
    for i, w in enumerate(info.get("words", [])):
        if not isinstance(w, str) or w != w.lower() or len(w.encode("utf-8")) < 2:
            errors.append(f"{rel}: provider_info.words[{i}]: {w!r} must be lowercase and two bytes or more")
    for i, c in enumerate(info.get("body_codes", [])):
        code = c.get("code") if isinstance(c, dict) else None
        if not isinstance(code, str) or not code or len(code.encode("utf-8")) > 255 or code != code.strip():
            errors.append(f"{rel}: provider_info.body_codes[{i}]: the code must be 1-255 bytes, no outer white space")


def schema_validator():
    """A validator for data/schema.json, or DataError saying what is missing."""
    try:
        import jsonschema
    except ImportError:
        raise DataError("the Python module jsonschema is missing: install python3-jsonschema "
                        "(apt-get install -y python3-jsonschema) to validate data/*.json against data/schema.json")
    try:
        with open(os.path.join(ROOT, SCHEMA), encoding="utf-8") as f:
            schema = json.load(f)
    except (OSError, ValueError) as e:
        raise DataError(f"{SCHEMA}: cannot read: {e}")
    cls = jsonschema.validators.validator_for(schema)
    try:
        cls.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        raise DataError(f"{SCHEMA}: not a valid JSON Schema: {e.message}")
    return cls(schema)


def schema_errors(validator, rel, doc, errors):
    """Append one message per schema violation, naming the file, the row (api/code#variant) and the field."""
    entries = doc.get("entries") if isinstance(doc, dict) else None
    for e in sorted(validator.iter_errors(doc), key=lambda e: [str(p) for p in e.absolute_path]):
        path = list(e.absolute_path)
        where = "top level"
        if path:
            where = str(path[0])
            rest = path[1:]
            if path[0] == "entries" and rest and isinstance(rest[0], int):
                i = rest[0]
                where = f"entries[{i}]"
                row = entries[i] if isinstance(entries, list) and i < len(entries) else None
                if isinstance(row, dict) and isinstance(row.get("api"), str) and isinstance(row.get("code"), str):
                    where += f" ({row['api']}/{row['code']}#{row.get('variant', 0)})"
                rest = rest[1:]
            elif rest:
                where += "".join(f"[{p}]" if isinstance(p, int) else f"[{p!r}]" for p in rest[:1])
                rest = rest[1:]
            if rest:
                where += ": field '" + ".".join(str(p) for p in rest) + "'"
        errors.append(f"{rel}: {where}: {e.message} (schema: {'/'.join(str(p) for p in e.absolute_schema_path)})")


def validate(rel, doc, provider, errors):
    """Append every problem found to errors, each naming the file and row."""
    def err(where, msg):
        errors.append(f"{rel}: {where}: {msg}")

    if not isinstance(doc, dict):
        err("top level", "must be an object")
        return []
    for key in doc:
        if key not in ("provider", "provider_info", "apis", "code_values", "entries"):
            err("top level", f"unknown key '{key}'")
    if doc.get("provider") != provider:
        err("provider", f"must be '{provider}' (the file name), not {doc.get('provider')!r}")
    apis = doc.get("apis")
    api_names = []
    if not isinstance(apis, list) or not apis:
        err("apis", "must be a non-empty list")
        apis = []
    for i, a in enumerate(apis):
        if not isinstance(a, dict) or not isinstance(a.get("name"), str) or not a.get("name"):
            err(f"apis[{i}]", "needs a non-empty 'name'")
            continue
        if not isinstance(a.get("description"), str):
            err(f"apis[{i}]", "needs a 'description' string")
        if a["name"] in api_names:
            err(f"apis[{i}]", f"duplicate api '{a['name']}'")
        api_names.append(a["name"])

    entries = doc.get("entries")
    if not isinstance(entries, list):
        err("entries", "must be a list")
        return []
    rows, keys, groups = [], {}, {}
    for i, row in enumerate(entries):
        where = f"entries[{i}]"
        if not isinstance(row, dict):
            err(where, "must be an object")
            continue
        if isinstance(row.get("api"), str) and isinstance(row.get("code"), str):
            where += f" ({row['api']}/{row['code']}#{row.get('variant', 0)})"
        bad = False
        for name, (required, typ) in FIELDS.items():
            if name not in row:
                if required:
                    err(where, f"missing field '{name}'")
                    bad = True
            elif type(row[name]) is not typ:  # bool is not int here, on purpose
                err(where, f"field '{name}' must be {typ.__name__}")
                bad = True
        for name in row:
            if name not in FIELDS:
                err(where, f"unknown field '{name}'")
                bad = True
        if bad:
            continue
        r = dict(row)
        r.setdefault("variant", 0)
        r.setdefault("retry_hint", "none")
        for opt in ("type", "match", "note", "doubt"):
            r.setdefault(opt, "")
        r.setdefault("aliases", [])
        if r["api"] not in api_names:
            err(where, f"api '{r['api']}' is not in apis")
        if not r["code"] or r["code"] != r["code"].strip() or re.search(r"[\t\r\n]|  ", r["code"]):
            err(where, "code must be non-empty, without leading, trailing, repeated or control white space")
        if r["variant"] < 0 or r["variant"] > 255:
            err(where, "variant must be 0..255")
        if r["http_status"] != 0 and not 100 <= r["http_status"] <= 599:
            err(where, f"bad http_status {r['http_status']} (0 or 100-599)")
        if r["category"] not in CATEGORIES:
            err(where, f"unknown category '{r['category']}'")
        if r["retry_hint"] not in RETRY_HINTS:
            err(where, f"unknown retry_hint '{r['retry_hint']}'")
        if not r["message"].strip():
            err(where, "message must not be empty")
        if not r["source"].strip():
            err(where, "source must not be empty")
        default = r["category"] in RETRYABLE_BY_DEFAULT
        if r["category"] == "unknown" and not r["note"]:
            err(where, "category 'unknown' needs a note saying why")
        elif r["category"] != "unknown" and r["retryable"] != default and not r["note"]:
            err(where, f"retryable={str(r['retryable']).lower()} departs from the default of "
                       f"'{r['category']}' without a note")
        if not all(isinstance(a, str) and a and not re.search(r"\s", a) for a in r["aliases"]):
            err(where, "aliases must be non-empty strings without white space")
        if r["aliases"] and r["variant"] != 0:
            err(where, "aliases belong on variant 0 only")
        key = (r["api"], r["code"], r["variant"])
        if key in keys:
            err(where, f"duplicate key (api, code, variant) = {key}, first at entries[{keys[key]}]")
            continue
        keys[key] = i
        groups.setdefault((r["api"], r["code"]), []).append(r)
        r["_rank"] = api_names.index(r["api"]) if r["api"] in api_names else 0
        r["_where"] = where
        rows.append(r)
    for (api, code), members in groups.items():
        if not any(m["variant"] == 0 for m in members):
            err(f"{api}/{code}", "has no variant 0 (the primary row)")
    codes = {r["code"] for r in rows}
    for r in rows:
        for a in r["aliases"]:
            if a in codes and a != r["code"]:
                err(r["_where"], f"alias '{a}' is also a code of its own in this file")

    values = doc.get("code_values", {})
    if not isinstance(values, dict):
        err("code_values", "must be an object")
        values = {}
    seen = {}
    for code, v in values.items():
        if type(v) is not int or v <= 0 or v > 2**31 - 1:
            err(f"code_values[{code!r}]", "must be a positive 32-bit integer")
        elif v in seen:
            err(f"code_values[{code!r}]", f"value {v} already used by {seen[v]!r}")
        else:
            seen[v] = code
        if code not in codes:
            err(f"code_values[{code!r}]", "names no code in entries (values are never reused: keep the row)")
        if code.isdigit() and v != int(code):
            err(f"code_values[{code!r}]", "a numeric code's value must be the number itself")
    for code in sorted(codes - set(values)):
        err(f"code_values", f"code '{code}' has no value (run tools/gen_catalog.py --assign-values)")
    for r in rows:
        r["_value"] = values.get(r["code"], 0)
    return rows


def assign_values(doc):
    """Give codes without a value the next free number; numeric codes get their own number."""
    values = doc.setdefault("code_values", {})
    codes = []
    for row in doc.get("entries", []):
        c = row.get("code")
        if isinstance(c, str) and c not in values and c not in codes:
            codes.append(c)
    used = set(values.values())
    # String codes count up from 1, or from 100000000 where numeric codes live below that.
    # A provider with numeric codes (Qianfan, Zhipu, MiniMax) keeps values below 100000000 for them.
    numeric = any(isinstance(r.get("code"), str) and r["code"].isdigit() for r in doc.get("entries", []))
    base = 100000000 if numeric else 1
    nxt = max([v for v in used if v >= base] + [base - 1]) + 1
    for c in codes:
        if c.isdigit():
            values[c] = int(c)
        else:
            while nxt in used:
                nxt += 1
            values[c] = nxt
            used.add(nxt)
    return len(codes)


def cpp_lit(s):
    """A C++ string literal holding exactly the UTF-8 bytes of s."""
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "?":
            out.append("\\?")  # no trigraphs, ever
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            raise DataError(f"control character U+{ord(ch):04X} in {s!r}")
        else:
            out.append(ch)
    return '"%s"' % "".join(out)


def cpp_str(s):
    """A string_view initializer with its byte length, so no compiler evaluates strlen over the table."""
    if not s:
        return "{}"  # cheaper to compile than {"", 0}
    return "{%s, %d}" % (cpp_lit(s), len(s.encode("utf-8")))


class TextPool:
    """The catalogue's strings, each stored once: id 0 is the empty string; string i is the bytes
    [offsets[i], offsets[i + 1]) of the pool."""

    def __init__(self):
        self.ids = {"": 0}
        self.texts = [""]

    def id(self, s):
        if s not in self.ids:
            self.ids[s] = len(self.texts)
            self.texts.append(s)
            if len(self.texts) > 0xFFFF:
                raise DataError("more than 65535 distinct strings: widen catalog_text::id")
        return self.ids[s]

    def offsets(self):
        """len(texts) + 1 byte offsets: string i is [offsets[i], offsets[i + 1])."""
        out, at = [], 0
        for t in self.texts:
            out.append(at)
            at += len(t.encode("utf-8"))
        out.append(at)
        return out


MASK64 = (1 << 64) - 1
POOL_CHUNK = 60000  # bytes per string literal of the pool
CODE_SLOTS = 2048  # a power of two; at most 50 % full, so that a miss ends after ~2.5 probes (1024: 80 %, ~13)


def code_hash(code):
    """detail::code_hash in catalog.hpp, bit for bit: 8 little-endian bytes per step, then the tail. The
    provider is not hashed: the keys of one code sit in one probe chain, so that one hash tells every provider
    documenting it."""
    data = code.encode("utf-8")
    n = len(data)
    h = 0x9E3779B97F4A7C15 ^ n
    i = 0
    while i + 8 <= n:
        h = ((h ^ int.from_bytes(data[i:i + 8], "little")) * 0xFF51AFD7ED558CCD) & MASK64
        i += 8
    if i == n:
        tail = 0
    elif n >= 8:
        tail = int.from_bytes(data[n - 8:], "little")
    elif n >= 4:
        tail = int.from_bytes(data[:4], "little") | (int.from_bytes(data[n - 4:], "little") << 32)
    else:
        tail = int.from_bytes(data, "little")
    return ((h ^ tail) * 0xC4CEB9FE1A85EC53) & MASK64  # slot and tag are its top bits


CODE_SLOT_BITS = CODE_SLOTS.bit_length() - 1
CODE_TAG_HASH_BITS = 10  # detail::code_tag_of: 10 bits of the hash below the slot's, then the key's size in 6 bits


def code_slots(rows, alias_list, pool, key_at):
    """Open addressing (linear probing) over the first row of each (provider, code) and over each alias:
    (tag, row + 1 | 0x8000 for an alias, the key's offset in catalog_pool_0), or None for an empty slot."""
    if len(rows) >= 0x7FFF:
        raise DataError(f"{len(rows)} rows: code_slot::row_plus_1 has 15 bits")
    firsts = [i for i, r in enumerate(rows)
              if i == 0 or (r["_provider"], r["code"]) != (rows[i - 1]["_provider"], rows[i - 1]["code"])]
    keys = [(rows[i]["_provider"], rows[i]["code"], i, 0) for i in firsts]
    keys += [(p, a, row, 0x8000) for (p, a), row in alias_list]
    if max([len(k[1].encode("utf-8")) for k in keys] + [0]) >= 64:
        raise DataError("a code or alias of 64 bytes or more: code_slot::tag holds its size in 6 bits")
    if len(keys) * 2 > CODE_SLOTS:
        raise DataError(f"{len(keys)} codes and aliases: raise CODE_SLOTS in tools/gen_catalog.py")
    slots = [None] * CODE_SLOTS
    for p, code, row, alias in keys:
        h = code_hash(code)
        at = h >> (64 - CODE_SLOT_BITS)  # detail::code_slot_of
        while slots[at] is not None:
            at = (at + 1) & (CODE_SLOTS - 1)
        size = len(code.encode("utf-8"))
        tag = (h >> (64 - CODE_SLOT_BITS - CODE_TAG_HASH_BITS)) & ((1 << CODE_TAG_HASH_BITS) - 1)
        slots[at] = (tag << 6 | size, (row + 1) | alias, key_at(pool.id(code)))
    return slots


def emit_numbers(w, ctype, name, values, per_line):
    """`inline constexpr table<ctype, n> name{{…}};`, per_line values a line."""
    w(f"inline constexpr table<{ctype}, {len(values)}> {name}{{{{")
    for k in range(0, len(values), per_line):
        w("    " + " ".join(f"{v}," for v in values[k:k + per_line]))
    w("}};")


def sort_key(r):
    return (PROVIDERS.index(r["_provider"]), r["code"].encode("utf-8"), r["_rank"], r["variant"])


def generate(all_rows, inputs, apis):
    """The library's header and the CLI's notes header, as two strings."""
    rows = sorted(all_rows, key=sort_key)
    index = {id(r): i for i, r in enumerate(rows)}

    def primary_of(provider, code, api=None):
        # The first row of a code within its provider is variant 0 of the highest-priority api.
        for r in rows:
            if r["_provider"] == provider and r["code"] == code and (api is None or r["api"] == api):
                return index[id(r)]
        raise AssertionError

    aliases = {}
    for r in rows:
        for a in r["aliases"]:
            k = (r["_provider"], a)
            if k not in aliases or r["_rank"] < rows[aliases[k]]["_rank"]:
                aliases[k] = index[id(r)]
    alias_list = sorted(aliases.items(), key=lambda kv: (PROVIDERS.index(kv[0][0]), kv[0][1].encode("utf-8")))

    templates = []
    seen_t = set()
    for r in rows:
        m = re.fullmatch(r"([^{}]*)\{[^{}]+\}([^{}]*)", r["code"])
        if m and (r["_provider"], r["code"]) not in seen_t:
            seen_t.add((r["_provider"], r["code"]))
            templates.append((r["_provider"], m.group(1), m.group(2), primary_of(r["_provider"], r["code"])))

    ranges = []
    for p in PROVIDERS:
        idx = [i for i, r in enumerate(rows) if r["_provider"] == p]
        ranges.append((idx[0], idx[-1] + 1) if idx else (0, 0))

    # The string pool: codes and aliases first (hash probes compare them), then everything else.
    pool = TextPool()
    for r in rows:
        pool.id(r["code"])
    for (p, a), _ in alias_list:
        pool.id(a)
    key_ids = len(pool.texts)  # ids below this are codes and aliases: hash keys, read from catalog_pool_0
    max_code = max([len(r["code"].encode("utf-8")) for r in rows] +
                   [len(a.encode("utf-8")) for (_, a), _ in alias_list] + [0])
    table = []
    for r in rows:
        table.append([
            f"provider::{r['_provider']}", str(r["variant"]), pool.id(r["api"]), pool.id(r["code"]),
            str(r["http_status"]), pool.id(r["type"]), pool.id(r["message"]), pool.id(r["description"]),
            pool.id(r["match"] or r["message"]), f"category::{r['category']}",
            "true" if r["retryable"] else "false", f"retry_hint::{r['retry_hint']}",
            pool.id(" ".join(r["aliases"])), str(r["_value"]),
        ])
    template_ids = [(p, pool.id(pre), pool.id(suf), i) for p, pre, suf, i in templates]
    # Ties the CLI's notes to this table: the same rows in the same order.
    digest = zlib.crc32("\n".join(f"{r['_provider']} {r['api']} {r['code']} {r['variant']}"
                                  for r in rows).encode("utf-8"))

    L = []
    w = L.append
    w("// SPDX-License-Identifier: MIT")
    w("// GENERATED FILE — DO NOT EDIT.")
    w("// Generated by tools/gen_catalog.py from " + ", ".join(inputs) + ".")
    w("// To change a row, edit data/ and run `cmake --build <build> --target llmerr_regenerate`.")
    w("#ifndef LLMERR_GENERATED_CATALOG_TABLE_HPP")
    w("#define LLMERR_GENERATED_CATALOG_TABLE_HPP")
    w("")
    w("// Included by <llmerr/catalog.hpp> after catalog_entry is defined; not meant to be included alone.")
    w("// Strings are catalog_text ids into one string pool (catalog_pool_*; see detail::text_at).")
    w("// The maintainers' note, doubt and source of each row are in tools/generated/catalog_notes.hpp (CLI only).")
    w("")
    w("LLMERR_BEGIN_NAMESPACE")
    w("namespace detail {")
    w("")
    w("// clang-format off")
    w("// NOLINTBEGIN")
    w(f"// crc32 of the rows' (provider, api, code, variant) in table order; tools/generated/catalog_notes.hpp checks it.")
    w(f"inline constexpr std::uint32_t catalog_digest = 0x{digest:08x}u;")
    w("")
    w("// No code or alias is longer than this many bytes: lookups skip longer strings without hashing them.")
    w(f"inline constexpr std::size_t catalog_max_code_size = {max_code};")
    w("")
    # A string found inside a longer one (a `match` inside its message, a code inside a message) is stored
    # only as that slice of it; the others ("bases") are stored back to back, longest first decides which.
    encoded = [t.encode("utf-8") for t in pool.texts]
    order = sorted(range(1, len(encoded)), key=lambda i: (-len(encoded[i]), i))
    # Codes and aliases first, and only inside one another: a hash slot reaches its key in catalog_pool_0.
    bases, joined = set(), b""
    for keys_only in (True, False):
        for i in order:
            # (No string holds a NUL: no match runs across the separator.)
            if (i < key_ids) == keys_only and encoded[i] not in joined:
                bases.add(i)
                joined += b"\0" + encoded[i]
    # Bases in id order, cut into chunks of at most POOL_CHUNK bytes (at string boundaries): a string literal
    # longer than 65 535 bytes is beyond what compilers must accept (clang -Wpedantic, MSVC C1091).
    chunks, where = [[]], {}
    chunk_size = 0
    for i in sorted(bases):
        n = len(encoded[i])
        if chunk_size + n > POOL_CHUNK and chunks[-1]:
            chunks.append([])
            chunk_size = 0
        where[i] = (len(chunks) - 1, chunk_size)
        chunks[-1].append(pool.texts[i])
        chunk_size += n
    chunk_bytes = [b"".join(t.encode("utf-8") for t in c) for c in chunks]
    base_ids = sorted(bases)
    for i in order:  # slices: inside the first base (in id order) holding them
        if i in where:
            continue
        base = next(b for b in base_ids if encoded[i] in encoded[b] and (b < key_ids or i >= key_ids))
        where[i] = (where[base][0], where[base][1] + encoded[base].find(encoded[i]))
    if len(chunks) > 4 or max(len(e) for e in encoded) >= 1 << 14:
        raise DataError("the string pool outgrew catalog_text_slices' encoding (4 chunks, 16 383 bytes a string)")
    # Ids as the program holds them: the bases in pool order (each chunk after the first opened by an empty
    # string at its start), so that a base is [end of the previous id, its own end) of its chunk: two bytes a
    # string; then the slices, four bytes each (chunk, offset, size).
    new_id, ends, chunk_first = {0: 0}, [0], []
    for c in range(len(chunks)):
        if c > 0:
            chunk_first.append(len(ends))
            ends.append(0)
        for i in sorted((i for i in bases if where[i][0] == c), key=lambda i: where[i][1]):
            new_id[i] = len(ends)
            ends.append(where[i][1] + len(encoded[i]))
    slices = []
    for i in range(1, len(encoded)):
        if i not in bases:
            new_id[i] = len(ends) + len(slices)
            slices.append(where[i][1] << 16 | where[i][0] << 14 | len(encoded[i]))
    if len(ends) + len(slices) > 0xFFFF:
        raise DataError("more than 65535 string ids: widen catalog_text::id")
    total = sum(len(d) for d in chunk_bytes)
    w(f"// Every string of the catalogue, each stored once: {len(pool.texts)} strings in {total} bytes, of which")
    w(f"// {len(pool.texts) - 1 - len(bases)} are slices of a longer one (a pattern inside its message), the others back to back,")
    w(f"// in {len(chunks)} chunk(s) of at most {POOL_CHUNK} bytes.")
    for c, chunk in enumerate(chunks):
        w(f"inline constexpr char catalog_pool_{c}[] =")
        lits = [cpp_lit(t) for t in chunk] or ['""']
        for k, lit in enumerate(lits):
            w("    " + lit + (";" if k + 1 == len(lits) else ""))
    w(f"inline constexpr table<const char*, {len(chunks)}> catalog_pool_chunks{{{{" +
      ", ".join(f"catalog_pool_{c}" for c in range(len(chunks))) + "}};")
    w(f"inline constexpr table<std::uint32_t, {len(chunks)}> catalog_pool_sizes{{{{" +
      ", ".join(str(len(d)) for d in chunk_bytes) + "}};")
    w("// catalog_pool_chunks[c] without loading it: the last dependent load before a lookup compares bytes.")
    w("[[nodiscard]] constexpr const char* catalog_pool_chunk([[maybe_unused]] unsigned c) noexcept {")
    w("    return " + "".join(f"c == {c} ? catalog_pool_{c} : " for c in range(len(chunks) - 1)) +
      f"catalog_pool_{len(chunks) - 1};")
    w("}")
    w("")
    w("// String i < catalog_text_ends.size() is [catalog_text_ends[i - 1], catalog_text_ends[i]) of chunk")
    w("// catalog_text_chunk(i) (string 0 is the empty string, and so is the first of each later chunk).")
    emit_numbers(w, "std::uint16_t", "catalog_text_ends", [str(e) for e in ends], 12)
    w("[[nodiscard]] constexpr unsigned catalog_text_chunk([[maybe_unused]] std::size_t id) noexcept {")
    w("    return " + "".join(f"id >= {f} ? {len(chunk_first) - k} : " for k, f in enumerate(reversed(chunk_first))) + "0;")
    w("}")
    w("// String catalog_text_ends.size() + j is catalog_pool_chunk(t >> 14 & 3) + (t >> 16), (t & 0x3FFF) bytes,")
    w("// where t = catalog_text_slices[j]: a string found inside another, four bytes each.")
    emit_numbers(w, "std::uint32_t", "catalog_text_slices", [f"0x{t:08x}" for t in slices] or ["0"], 8)
    w("")
    w("// provider, variant, api, code, http_status, type, message, description, match, category, retryable, retry_hint,")
    w("// aliases, value")
    w(f"inline constexpr table<catalog_entry, {len(rows)}> catalog_rows{{{{")
    for f in table:
        w("    {" + ", ".join(f"{{{new_id[x]}}}" if isinstance(x, int) else x for x in f) + "},")
    w("}};")
    w("")
    w("// [begin, end) of each provider's rows in catalog_rows, indexed by llmerr::provider.")
    w(f"inline constexpr table<index_range, {len(PROVIDERS) + 1}> provider_rows{{{{")
    w("    index_range{0, 0},")
    for p, (b, e) in zip(PROVIDERS, ranges):
        w(f"    index_range{{{b}, {e}}},  // {p}")
    w("}};")
    w("")
    w("// Each provider's API surfaces or groups, in lookup priority order (data/*.json \"apis\").")
    api_rows = [(p, a) for p in PROVIDERS for a in apis.get(p, [])]
    w(f"inline constexpr table<api_info, {len(api_rows)}> catalog_apis{{{{")
    for p, a in api_rows:
        w(f"    api_info{{provider::{p}, {cpp_str(a['name'])}, {cpp_str(a['description'])}}},")
    w("}};")
    w("")
    w("// Templated codes (`MissingParameter.{parameter}`) as prefix and suffix around the placeholder.")
    w(f"inline constexpr table<template_entry, {max(len(templates), 1)}> catalog_templates{{{{")
    for p, pre, suf, i in template_ids:
        w(f"    template_entry{{provider::{p}, {{{new_id[pre]}}}, {{{new_id[suf]}}}, {i}}},")
    if not templates:
        w("    template_entry{provider::unknown, {0}, {0}, 0},")
    w("}};")
    w("// Whether `code` is template i's prefix, then anything, then its suffix: compared with literals, so that a")
    w("// lookup that misses reads no string table for them.")
    w("[[nodiscard]] constexpr bool catalog_template_matches(std::size_t i, std::string_view code) noexcept {")
    if not templates:
        w("    return (void)i, (void)code, false;  // no template in this catalogue")
    else:
        w("    switch (i) {")
        for k, (p, pre, suf, i) in enumerate(templates):
            n_pre, n_suf = len(pre.encode("utf-8")), len(suf.encode("utf-8"))
            test = f"code.size() > {n_pre + n_suf}"
            if n_pre:
                test += f" && code.substr(0, {n_pre}) == std::string_view({cpp_lit(pre)}, {n_pre})"
            if n_suf:
                test += f" && code.substr(code.size() - {n_suf}) == std::string_view({cpp_lit(suf)}, {n_suf})"
            w(f"        case {k}: return {test};")
        w("        default: return false;")
        w("    }")
    w("}")
    w("")
    w("// The first row of each (provider, code), and the row listing each alias (DashScope OpenAI-compatible ↔")
    w("// native spellings), hashed with detail::code_hash: slot = its top bits, then the next slots (linear")
    w("// probing); {10 hash bits below the slot's << 6 | the key's size, row + 1 (| 0x8000 for an alias), where the")
    w("// code or alias starts in catalog_pool_0};")
    def key_at(i):
        chunk, offset = where[i]
        if chunk != 0 or offset > 0xFFFF:
            raise DataError(f"code {pool.texts[i]!r} is not in catalog_pool_0: code_slot::key_at cannot reach it")
        return offset

    slots = code_slots(rows, alias_list, pool, key_at)
    w(f"// {{}} when empty. {sum(1 for x in slots if x)} keys in {CODE_SLOTS} slots (at most 50 % full).")
    w(f"inline constexpr table<code_slot, {len(slots)}> catalog_code_slots{{{{")
    for k in range(0, len(slots), 8):
        w("    " + " ".join(f"{{0x{s[0]:04x}, {s[1]}, {s[2]}}}," if s else "{}," for s in slots[k:k + 8]))
    w("}};")
    w("// NOLINTEND")
    w("// clang-format on")
    w("")
    w("}  // namespace detail")
    w("LLMERR_END_NAMESPACE")
    w("")
    w("#endif  // LLMERR_GENERATED_CATALOG_TABLE_HPP")
    header = "\n".join(L) + "\n"

    N = []
    w = N.append
    w("// SPDX-License-Identifier: MIT")
    w("// GENERATED FILE — DO NOT EDIT.")
    w("// Generated by tools/gen_catalog.py from " + ", ".join(inputs) + ".")
    w("// To change a row, edit data/ and run `cmake --build <build> --target llmerr_regenerate`.")
    w("//")
    w("// The maintainers' text of each catalogue row (note, doubt, source), for the llmerr command-line tool only:")
    w("// the library's table (<llmerr/catalog.hpp>) leaves it out, so that programs do not carry it.")
    w("#ifndef LLMERR_TOOLS_GENERATED_CATALOG_NOTES_HPP")
    w("#define LLMERR_TOOLS_GENERATED_CATALOG_NOTES_HPP")
    w("")
    w("#include <array>        // std::array")
    w("#include <cstddef>      // std::size_t")
    w("#include <string_view>  // std::string_view")
    w("")
    w("#include <llmerr/catalog.hpp>")
    w("")
    w("namespace llmerr_cli {")
    w("")
    w("struct entry_notes {")
    w("    std::string_view note;    // why the label departs from the code's name, status or category default")
    w("    std::string_view doubt;   // what is uncertain about this entry; empty when nothing is")
    w("    std::string_view source;  // seed file or documentation address the entry comes from")
    w("};")
    w("")
    w(f"static_assert(llmerr::detail::catalog_digest == 0x{digest:08x}u,")
    w("              \"tools/generated/catalog_notes.hpp and <llmerr/catalog.hpp> come from different data: \"")
    w("              \"run tools/gen_catalog.py\");")
    w("")
    w("// clang-format off")
    w("// NOLINTBEGIN")
    w("// One per row of llmerr::entries(), in the same order.")
    w(f"inline constexpr std::array<entry_notes, {len(rows)}> catalog_notes{{{{")
    for r in rows:
        w(f"    {{{cpp_str(r['note'])}, {cpp_str(r['doubt'])}, {cpp_str(r['source'])}}},")
    w("}};")
    w("// NOLINTEND")
    w("// clang-format on")
    w("")
    w("// The notes of `e`, a row of llmerr::entries().")
    w("inline const entry_notes& notes_of(const llmerr::catalog_entry& e) noexcept {")
    w("    return catalog_notes[static_cast<std::size_t>(&e - llmerr::entries().begin())];")
    w("}")
    w("")
    w("}  // namespace llmerr_cli")
    w("")
    w("#endif  // LLMERR_TOOLS_GENERATED_CATALOG_NOTES_HPP")
    notes = "\n".join(N) + "\n"
    return header, notes


def readme_with_table(docs):
    """README.md with the lines between README_BEGIN and README_END replaced by the catalogue's counts: rows,
    codes and rows per API group of each provider, as data/ has them."""
    with open(os.path.join(ROOT, README), encoding="utf-8", newline="") as f:
        text = f.read()
    begin, end = text.find(README_BEGIN), text.find(README_END)
    if begin < 0 or end < begin:
        raise DataError(f"{README}: no '{README_BEGIN}' … '{README_END}' block for the catalogue table")
    total = sum(len(docs[p][1]["entries"]) for p in PROVIDERS)
    lines = [README_BEGIN,
             f"{total} rows from the providers' error-code pages and SDKs (`data/*.json`, browsable in",
             "[`data/CATALOG.md`](data/CATALOG.md)):", "",
             "| provider | rows | codes | API groups |", "|---|---|---|---|"]
    for p in PROVIDERS:
        doc = docs[p][1]
        rows = doc["entries"]
        per_api = {a["name"]: 0 for a in doc["apis"]}
        for r in rows:
            per_api[r["api"]] = per_api.get(r["api"], 0) + 1
        title = doc["provider_info"]["title"].split(" (")[0]
        groups = ", ".join(f"{a} {n}" for a, n in per_api.items() if n)
        lines.append(f"| `{p}`: {title} | {len(rows)} | {len(set(r['code'] for r in rows))} | {groups} |")
    return text[:begin] + "\n".join(lines) + "\n" + text[end:]


def generate_providers(infos, inputs):
    """include/llmerr/generated/providers.hpp (the enum and the names) and provider_vocabulary.hpp (hosts and
    words), as two strings."""
    head = ["// SPDX-License-Identifier: MIT",
            "// GENERATED FILE — DO NOT EDIT.",
            "// Generated by tools/gen_catalog.py from the provider_info of " + ", ".join(inputs) + ".",
            "// To add a provider, add its data file (data/README.md) and run "
            "`cmake --build <build> --target llmerr_regenerate`."]
    L = list(head)
    w = L.append
    w("#ifndef LLMERR_GENERATED_PROVIDERS_HPP")
    w("#define LLMERR_GENERATED_PROVIDERS_HPP")
    w("")
    w("// Included by <llmerr/provider.hpp>; not meant to be included alone.")
    w("")
    w("LLMERR_BEGIN_NAMESPACE")
    w("")
    w("// clang-format off")
    w("// Who sent an error. A value never changes once released (data/<name>.json, provider_info.id).")
    w("enum class provider : std::uint8_t {")
    w("    unknown = 0,  // not known, or the evidence was ambiguous")
    for p in PROVIDERS:
        w(f"    {p} = {infos[p]['id']},  // {infos[p]['title']}")
    w("};")
    w("")
    w("namespace detail {")
    w("")
    w(f"inline constexpr std::size_t provider_count = {len(PROVIDERS) + 1};  // with unknown")
    w("// Every provider but unknown, in the order of their values.")
    w(f"inline constexpr provider known_providers[{len(PROVIDERS)}] = {{" +
      ", ".join(f"provider::{p}" for p in PROVIDERS) + "};")
    w("// [p]: to_string(p).")
    w(f"inline constexpr std::string_view provider_names[provider_count] = {{{cpp_str('unknown')}, " +
      ", ".join(cpp_str(p) for p in PROVIDERS) + "};")
    w("// [p]: the name of p's std::error_category.")
    w(f"inline constexpr const char* provider_category_names[provider_count] = {{\"llmerr.unknown\", " +
      ", ".join(cpp_lit("llmerr." + p) for p in PROVIDERS) + "};")
    w("// [p]: who p is, for people.")
    w("inline constexpr std::string_view provider_titles[provider_count] = {")
    w("    " + cpp_str("unknown provider") + ",")
    for p in PROVIDERS:
        w("    " + cpp_str(infos[p]["title"]) + ",")
    w("};")
    w("// clang-format on")
    w("")
    w("}  // namespace detail")
    w("LLMERR_END_NAMESPACE")
    w("")
    w("#endif  // LLMERR_GENERATED_PROVIDERS_HPP")
    providers = "\n".join(L) + "\n"

    V = list(head)
    w = V.append
    w("#ifndef LLMERR_GENERATED_PROVIDER_VOCABULARY_HPP")
    w("#define LLMERR_GENERATED_PROVIDER_VOCABULARY_HPP")
    w("")
    w("// Included by <llmerr/url.hpp> and <llmerr/detail/provider_signals.hpp>; not meant to be included alone.")
    w("")
    w("LLMERR_BEGIN_NAMESPACE")
    w("namespace detail {")
    w("")
    w("// A pattern is bytes [begin, begin + size) of provider_host_pool: no pointer, so no load-time relocation.")
    w("struct host_pattern {")
    w("    std::uint16_t begin;  // labels; \"*\" = one label, \"**\" = any number, \"x*\" = a label beginning with x")
    w("    std::uint8_t size;")
    w("    provider p;")
    w("};")
    w("")
    w("// A word is bytes [begin, begin + size) of provider_word_pool: no pointer, so no load-time relocation.")
    w("struct provider_word {")
    w("    std::uint16_t begin;")
    w("    std::uint8_t size;  // the word is lowercase; found case-insensitively")
    w("    provider p;")
    w("};")
    w("")
    w("// clang-format off")
    w("// The hosts of each provider's APIs (provider_from_url).")
    emit_pool(w, "provider_host_pool", "host_pattern", "provider_hosts",
              [(h, p) for p in PROVIDERS for h in infos[p].get("hosts", [])], "host pattern")
    w("")
    w("// Hosts, products, model families and client fingerprints only one provider has under its own name: each")
    w("// that a text names is a vote for its provider (provider_by_words).")
    emit_pool(w, "provider_word_pool", "provider_word", "provider_words",
              [(x, p) for p in PROVIDERS for x in infos[p].get("words", [])], "provider word")
    w("")
    w("// Codes a provider's error bodies carry whatever the error (provider_info.body_codes): the code names the")
    w("// provider unless one that documents the code has the message (provider_by_body_code).")
    body_codes = [(c["code"], p) for p in PROVIDERS for c in infos[p].get("body_codes", [])]
    claimed = {}
    for c, p in body_codes:
        if claimed.setdefault(c, p) != p:
            raise DataError(f"body code {c!r} is claimed by {claimed[c]} and {p}")
    emit_pool(w, "provider_body_code_pool", "provider_word", "provider_body_codes", body_codes, "body code")
    w("// clang-format on")
    w("")
    w("}  // namespace detail")
    w("LLMERR_END_NAMESPACE")
    w("")
    w("#endif  // LLMERR_GENERATED_PROVIDER_VOCABULARY_HPP")
    vocabulary = "\n".join(V) + "\n"
    return providers, vocabulary


def emit_pool(w, pool, struct, table, items, what):
    """Writes items [(text, provider)] as `char pool[]`, their bytes one after another, and `struct table[]`, one
    {begin, size, provider} per item: no pointer, so no load-time relocation. With no item, one of size 0."""
    rows, at = [], 0
    for x, p in items:
        n = len(x.encode("utf-8"))
        if n > 255:
            raise DataError(f"{what} {x!r} is longer than 255 bytes")
        rows.append((at, n, p, x))
        at += n
    if at >= 0x10000:
        raise DataError(f"{what}s exceed 64 KiB")
    w(f"inline constexpr char {pool}[] =")
    lits = [cpp_lit(x) for x, _ in items] or ['""']
    for k, lit in enumerate(lits):
        w("    " + lit + (";" if k + 1 == len(lits) else ""))
    w(f"inline constexpr {struct} {table}[{max(len(items), 1)}] = {{")
    for b, n, p, x in rows:
        w(f"    {{{b}, {n}, provider::{p}}},  // {x}")
    if not items:
        w("    {0, 0, provider::unknown},")
    w("};")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="fail if a committed header differs")
    ap.add_argument("--output", help="write the library's header here instead of include/")
    ap.add_argument("--notes-output", help="write the CLI's notes header here instead of tools/generated/")
    ap.add_argument("--assign-values", action="store_true", help="give new codes stable values")
    ap.add_argument("--providers", help="comma-separated: only these providers' rows (with --output)")
    args = ap.parse_args()
    if args.providers is not None and (args.check or args.assign_values or not args.output):
        print("gen_catalog: --providers writes a subset table: it needs --output, not --check or --assign-values",
              file=sys.stderr)
        return 2

    try:
        PROVIDERS[:] = discover()
        docs = {p: load(p) for p in PROVIDERS}
    except DataError as e:
        print(f"gen_catalog: {e}", file=sys.stderr)
        return 1
    if args.assign_values:
        for p, (rel, doc) in docs.items():
            n = assign_values(doc)
            if n:
                with open(os.path.join(ROOT, rel), "w", encoding="utf-8", newline="\n") as f:
                    json.dump(doc, f, ensure_ascii=False, indent=2)
                    f.write("\n")
                print(f"{rel}: assigned values to {n} new code(s)")
    try:
        validator = schema_validator()
    except DataError as e:
        if args.providers is None:
            print(f"gen_catalog: {e}", file=sys.stderr)
            return 1
        # A program's subset of data that llmerr's own build validated: the schema check is the maintainers'.
        validator = None
    errors, rows = [], []
    for p, (rel, doc) in docs.items():
        if validator is not None:
            schema_errors(validator, rel, doc, errors)
        validate_info(rel, doc, errors)
        for r in validate(rel, doc, p, errors):
            r["_provider"] = p
            rows.append(r)
    kept = PROVIDERS
    if args.providers is not None:
        kept = [p for p in args.providers.replace(";", ",").split(",") if p]
        errors += [f"--providers: no data/{p}.json" for p in kept if p not in PROVIDERS]
        kept = [p for p in PROVIDERS if p in kept]  # in the order of their values
        rows = [r for r in rows if r["_provider"] in kept]
    if errors:
        for e in errors:
            print(f"gen_catalog: {e}", file=sys.stderr)
        print(f"gen_catalog: {len(errors)} error(s); nothing written", file=sys.stderr)
        return 1
    try:
        text, notes = generate(rows, [docs[p][0].replace(os.sep, "/") for p in kept],
                               {p: docs[p][1]["apis"] for p in kept})
    except DataError as e:
        print(f"gen_catalog: {e}", file=sys.stderr)
        return 1
    inputs = [docs[p][0].replace(os.sep, "/") for p in PROVIDERS]
    providers, vocabulary = generate_providers({p: docs[p][1]["provider_info"] for p in PROVIDERS}, inputs)
    outputs = [(OUTPUT, text, args.output), (NOTES_OUTPUT, notes, args.notes_output),
               (PROVIDERS_OUTPUT, providers, None), (VOCABULARY_OUTPUT, vocabulary, None)]
    if not (args.output or args.notes_output):  # (an installed copy has no README, and --output writes no other file)
        try:
            outputs.append((README, readme_with_table(docs), None))
        except (DataError, OSError) as e:
            print(f"gen_catalog: {e}", file=sys.stderr)
            return 1
    if args.check:
        stale = False
        for rel, content, _ in outputs:
            try:
                with open(os.path.join(ROOT, rel), encoding="utf-8", newline="") as f:
                    current = f.read()
            except OSError:
                current = None
            if current != content:
                print(f"gen_catalog: {rel} is stale: run `python3 tools/gen_catalog.py` "
                      f"(or build the llmerr_regenerate target) and commit the result", file=sys.stderr)
                stale = True
        if stale:
            return 1
        print(f"gen_catalog: {len(rows)} rows of {len(PROVIDERS)} providers valid; the generated headers are up to date")
        return 0
    for rel, content, override in outputs:
        if (args.output or args.notes_output) and not override:
            continue  # --output / --notes-output write only what they name
        out = override or os.path.join(ROOT, rel)
        tmp = out + ".tmp"
        os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(content)
        os.replace(tmp, out)
        print(f"gen_catalog: {len(rows)} rows -> {os.path.relpath(out, os.getcwd())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
