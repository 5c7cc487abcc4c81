# SPDX-License-Identifier: MIT
# Text from a response cannot drive the terminal: `llmerr classify` (readable block) prints every field of
# the response (code, request id, type, param, message) with C0 controls, DEL, C1 controls (U+0080–U+009F,
# UTF-8 C2 80..C2 9F: C2 9B is CSI) and invalid UTF-8 escaped. The bodies are written here: they hold
# control characters, which a committed file should not.
cmake_minimum_required(VERSION 3.21)
file(MAKE_DIRECTORY "${WORK}")
string(ASCII 27 esc)
string(ASCII 7 bel)
string(ASCII 127 del)
string(ASCII 194 155 csi)  # U+009B in UTF-8
string(ASCII 255 ff)       # never valid in UTF-8
string(ASCII 194 lone_c2)   # a lead byte without its continuation

# JSON: controls as \u escapes (raw ones are invalid JSON), which the parser decodes.
file(WRITE "${WORK}/terminal.body"
  [[{"error":{"code":"Bad\u001b[2J","message":"first\nsecond\u0007 \u009b31m red\r\u001b[1Aforged","type":"t\u001b]0;title\u0007","param":"p\u007f\u0085"}}]])
# Plain text: raw controls and invalid UTF-8 in the message.
file(WRITE "${WORK}/terminal.txt" "gateway ${esc}[31mred${esc}[0m ${bel}${del} ${csi}2J ${ff}${lone_c2} end")

set(failed "")
# Bytes the output must not hold (hex, at a byte boundary): ESC, BEL, CR, DEL, C2 80..C2 9F, FF.
set(forbidden "1b" "07" "0d" "7f" "c2[89][0-9a-f]" "ff")
# Runs llmerr classify with the arguments given; `out` receives its stdout. (Regexes and arguments are
# not passed as lists: a '[' in a list element stops CMake from splitting the list there.)
function(classify)
  execute_process(COMMAND "${LLMERR}" classify ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  file(WRITE "${WORK}/terminal.out" "${out}")
  file(READ "${WORK}/terminal.out" hex HEX)
  if(NOT rc EQUAL 0)
    string(APPEND failed "exit code ${rc}\n")
  endif()
  foreach(byte IN LISTS forbidden)
    if(hex MATCHES "^(..)*${byte}")
      string(APPEND failed "the output holds the byte(s) ${byte}\n")
    endif()
  endforeach()
  set(failed "${failed}" PARENT_SCOPE)
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()
function(expect re)  # (a function: a macro would parse the backslashes of `re` once more)
  if(NOT out MATCHES "${re}")
    set(failed "${failed}stdout does not match: ${re}\n--- stdout:\n${out}\n--- stderr:\n${err}\n" PARENT_SCOPE)
  endif()
endfunction()

classify(--provider ark --status 400 --header "x-request-id: id${esc}7${csi}" "${WORK}/terminal.body")
expect("\ncode +Bad[\\]x1b[[]2J\n")
expect("\nrequest id +id[\\]x1b7[\\]u009b\n")
expect("\ntype +t[\\]x1b[]]0;title[\\]x07\n")
expect("\nparam +p[\\]x7f[\\]u0085\n")
expect("\nmessage +first\n +second[\\]x07 [\\]u009b31m red[\\]x0d[\\]x1b[[]1Aforged\n")
classify(--status 502 "${WORK}/terminal.txt")
expect("\nmessage +gateway [\\]x1b[[]31mred[\\]x1b[[]0m [\\]x07[\\]x7f [\\]u009b2J [\\]xff[\\]xc2 end\n")
if(failed)
  message(FATAL_ERROR "${failed}")
endif()
