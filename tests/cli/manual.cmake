# SPDX-License-Identifier: MIT
# The man page (tools/llmerr.1) and the bash and zsh completions (tools/completions/) know every option the
# help lists (`llmerr --help`, `llmerr help COMMAND`); the bash completion completes commands, options and
# their values; the man page renders without warnings and the zsh script parses, where groff and zsh exist.
cmake_minimum_required(VERSION 3.21)
file(READ "${TOOLS}/llmerr.1" man)
file(READ "${TOOLS}/completions/llmerr.bash" bash_completion)
file(READ "${TOOLS}/completions/_llmerr" zsh_completion)
set(failed "")
set(total 0)
foreach(command "" classify lookup list help)
  if(command STREQUAL "")
    execute_process(COMMAND "${LLMERR}" --help RESULT_VARIABLE rc OUTPUT_VARIABLE help)
  else()
    execute_process(COMMAND "${LLMERR}" help ${command} RESULT_VARIABLE rc OUTPUT_VARIABLE help)
  endif()
  if(NOT rc EQUAL 0)
    string(APPEND failed "llmerr help ${command}: exit ${rc}\n")
  endif()
  # Option lines: "  -h,--help   ...", "  --status N   ...".
  string(REGEX MATCHALL "\n  (-[A-Za-z],)?--[a-z][a-z-]*" lines "${help}")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^\n  (-[A-Za-z],)?" "" option "${line}")
    math(EXPR total "${total} + 1")
    string(REPLACE "-" "\\\\-" roff "${option}")  # the man page writes --status as \-\-status
    if(NOT man MATCHES "${roff}([^a-z-]|$)")
      string(APPEND failed "llmerr.1 does not document ${option} (llmerr help ${command})\n")
    endif()
    if(NOT bash_completion MATCHES "[ \"]${option}[ \"\n]")
      string(APPEND failed "the bash completion does not offer ${option} (llmerr help ${command})\n")
    endif()
    if(NOT zsh_completion MATCHES "[{,'\"*]${option}[[,}]")
      string(APPEND failed "the zsh completion does not offer ${option} (llmerr help ${command})\n")
    endif()
  endforeach()
endforeach()
if(total LESS 15)
  string(APPEND failed "only ${total} options found in the help texts: is the help format recognised?\n")
endif()
# Every exit status of `llmerr --help` is in the man page's EXIT STATUS.
execute_process(COMMAND "${LLMERR}" --help OUTPUT_VARIABLE help)
string(REGEX MATCHALL "\n  [0-9]  " codes "${help}")
list(LENGTH codes code_count)
if(code_count LESS 7)
  string(APPEND failed "llmerr --help lists ${code_count} exit statuses, expected 0-6\n")
endif()
foreach(code IN LISTS codes)
  string(STRIP "${code}" code)
  if(NOT man MATCHES "\n[.]TP\n[.]B ${code}\n")
    string(APPEND failed "llmerr.1: exit status ${code} not documented\n")
  endif()
endforeach()

find_program(GROFF groff)
if(GROFF)
  execute_process(COMMAND "${GROFF}" -man -Tutf8 -ww -z "${TOOLS}/llmerr.1" RESULT_VARIABLE rc ERROR_VARIABLE warnings)
  if(NOT rc EQUAL 0 OR NOT warnings STREQUAL "")
    string(APPEND failed "groff -man -ww: exit ${rc}\n${warnings}\n")
  endif()
endif()

find_program(BASH bash)
if(BASH)
  # Each case: the words typed so far (the last one being completed), then what COMPREPLY must be.
  set(script [=[
source "$1"
t() {
  local want=$1; shift
  COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
  _llmerr
  local got="${COMPREPLY[*]}"
  [[ $got == "$want" ]] || { echo "completing '$*': got '$got', expected '$want'"; fail=1; }
}
fail=0
t "classify lookup list help -h --help -V --version" llmerr ""
t "classify" llmerr cl
t "--provider" llmerr classify --prov
t "--exit-status" llmerr classify --exit
t "ark dashscope qianfan" llmerr classify --provider ""
t "dashscope" llmerr list --provider da
t "rate_limited" llmerr list --category rate
t "table json csv markdown" llmerr list --format ""
t "ark dashscope qianfan" llmerr lookup ""
t "" llmerr lookup ark ""
t "--message" llmerr lookup ark X --mes
t "classify" llmerr help cla
exit $fail
]=])
  file(WRITE "${WORK}/completion_test.sh" "${script}")
  execute_process(COMMAND "${BASH}" "${WORK}/completion_test.sh" "${TOOLS}/completions/llmerr.bash"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    string(APPEND failed "bash completion:\n${out}${err}\n")
  endif()
endif()

find_program(ZSH zsh)
if(ZSH)
  execute_process(COMMAND "${ZSH}" -n "${TOOLS}/completions/_llmerr" RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    string(APPEND failed "zsh -n _llmerr: ${err}\n")
  endif()
endif()

if(failed)
  message(FATAL_ERROR "${failed}")
endif()
