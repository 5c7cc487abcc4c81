# SPDX-License-Identifier: MIT
# `llmerr classify` reading the body from a terminal says so on stderr (a one-line hint: end with Ctrl-D),
# and says nothing of the kind when standard input is a file. Usage: python3 tty_hint.py LLMERR BODY
import os
import pty
import subprocess
import sys

llmerr, body_path = sys.argv[1], sys.argv[2]
with open(body_path, "rb") as f:
    body = f.read()
hint = b"reading the response body from the terminal; end with Ctrl-D"
failed = []

# Standard input a terminal (the slave side of a pseudo-terminal): type the body, then Ctrl-D.
master, slave = pty.openpty()
proc = subprocess.Popen([llmerr, "classify", "--status", "400", "-"], stdin=slave, stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE)
os.close(slave)
os.write(master, body.replace(b"\n", b" ") + b"\n\x04")
out, err = proc.communicate(timeout=60)
os.close(master)
if proc.returncode != 0:
    failed.append("terminal: exit code %d" % proc.returncode)
if hint not in err:
    failed.append("terminal: no hint on stderr: %r" % err)
if b"\ncode " not in out:
    failed.append("terminal: no classification on stdout: %r" % out)

# Standard input a file: no hint.
with open(body_path, "rb") as f:
    done = subprocess.run([llmerr, "classify", "--status", "400", "-"], stdin=f, capture_output=True, timeout=60)
if done.returncode != 0 or hint in done.stderr:
    failed.append("file: exit code %d, stderr %r" % (done.returncode, done.stderr))

if failed:
    print("\n".join(failed))
    sys.exit(1)
