#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Doxygen INPUT_FILTER (docs/Doxyfile): the headers document their names with plain `//` comments — a block
# just above a declaration, or a comment after a member on its line. Doxygen reads only `///`, so this turns
# those comments into `///` and `///<` on the fly; the headers stay as they are. Comments inside function
# The file's opening banner (comments before its first line of code: it documents the header, with examples
# that are not Doxygen markup) and `//` inside string literals are left alone.
import re
import sys

# `<`, `>` and `&` in a comment are text ("std::vector<…>", "<number>"), not HTML.
def text(comment: str) -> str:
    return re.sub(r"([<>&])", r"\\\1", comment)


TRAILING = re.compile(r'^(?P<code>[^"/]*?[;,{}])\s*//(?!/)\s?(?P<text>.*)$')

def main(path: str) -> None:
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out = []
    banner = True
    for line in lines:
        stripped = line.lstrip()
        if banner and (not stripped or stripped.startswith("//")):
            out.append(line)
            continue
        banner = False
        if stripped.startswith("//") and not stripped.startswith("///"):
            indent = line[: len(line) - len(stripped)]
            out.append(indent + "///" + text(stripped[2:]))
            continue
        m = TRAILING.match(line)
        if m and '"' not in m.group("code"):
            out.append(f'{m.group("code")} ///< {text(m.group("text"))}')
            continue
        out.append(line)
    sys.stdout.write("\n".join(out))

if __name__ == "__main__":
    main(sys.argv[1])
