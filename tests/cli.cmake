# SPDX-License-Identifier: MIT
# Tests of <llmerr/format.hpp>, <llmerr/json.hpp> and the `llmerr` command-line tool. Included at the end of
# tests/CMakeLists.txt (after llmerr_add_test and LLMERR_DATA_DIR are defined).

if(NOT TARGET test_format)
  llmerr_add_test(test_format test_format.cpp)
endif()

# The CLI's JSONL record parser against nlohmann (a header of tools/, testable without building the tool).
llmerr_add_test(test_jsonl_record cli/test_jsonl_record.cpp)
target_include_directories(test_jsonl_record PRIVATE "${PROJECT_SOURCE_DIR}/tools" "${CMAKE_CURRENT_SOURCE_DIR}")

if(NOT TARGET llmerr_cli)
  return()  # LLMERR_BUILD_TOOLS=OFF
endif()

set(_cli_dir "${CMAKE_CURRENT_LIST_DIR}/cli")
set(_samples "${LLMERR_DATA_DIR}/samples")

# llmerr_cli_check(<name> RC <code> ARGS <args...> [INPUT <file>] [OUT <regex>...] [ERR <regex>...]
#                  [NOT_OUT <regex>] [JSON <path=value>...])
# Runs llmerr with ARGS and checks its exit code, stdout and stderr (tests/cli/check.cmake).
function(llmerr_cli_check name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "RC;INPUT;NOT_OUT" "ARGS;OUT;ERR;JSON")
  set(defs -DLLMERR=$<TARGET_FILE:llmerr_cli> -DRC=${arg_RC})
  # Lists travel as strings joined by a control character (US, 0x1f): add_test would split them at ';'.
  string(ASCII 31 sep)
  foreach(kind ARGS OUT ERR JSON)
    if(DEFINED arg_${kind})
      string(REPLACE ";" "${sep}" joined "${arg_${kind}}")
      list(APPEND defs "-D${kind}=${joined}")
    endif()
  endforeach()
  if(DEFINED arg_INPUT)
    list(APPEND defs "-DINPUT=${arg_INPUT}")
  endif()
  if(DEFINED arg_NOT_OUT)
    list(APPEND defs "-DNOT_OUT=${arg_NOT_OUT}")
  endif()
  add_test(NAME cli:${name} COMMAND ${CMAKE_COMMAND} ${defs} -P "${_cli_dir}/check.cmake")
  set_tests_properties(cli:${name} PROPERTIES LABELS cli)
endfunction()

# Every bundled sample, readable and --json, against the classification its meta file expects.
file(GLOB _cli_metas LIST_DIRECTORIES false "${_samples}/*.meta.json")
list(SORT _cli_metas)
foreach(meta IN LISTS _cli_metas)
  get_filename_component(name "${meta}" NAME)
  string(REPLACE ".meta.json" "" name "${name}")
  add_test(NAME cli:sample:${name}
    COMMAND ${CMAKE_COMMAND} -DLLMERR=$<TARGET_FILE:llmerr_cli> -DSAMPLES=${_samples} -DNAME=${name}
            -P "${_cli_dir}/classify_sample.cmake")
  set_tests_properties(cli:sample:${name} PROPERTIES LABELS cli)
endforeach()

# The sample log (3 bad lines on purpose), and a generated log of every kind of bad line.
add_test(NAME cli:jsonl_sample_log
  COMMAND ${CMAKE_COMMAND} -DLLMERR=$<TARGET_FILE:llmerr_cli> -DSAMPLES=${_samples} -P "${_cli_dir}/jsonl.cmake")
add_test(NAME cli:jsonl_bad_lines
  COMMAND ${CMAKE_COMMAND} -DLLMERR=$<TARGET_FILE:llmerr_cli> -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli
          -P "${_cli_dir}/jsonl_bad.cmake")
add_test(NAME cli:list_counts
  COMMAND ${CMAKE_COMMAND} -DLLMERR=$<TARGET_FILE:llmerr_cli> -DDATA=${LLMERR_DATA_DIR}
          -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli -P "${_cli_dir}/list.cmake")
set_tests_properties(cli:jsonl_sample_log cli:jsonl_bad_lines cli:list_counts PROPERTIES LABELS cli)

# data/CATALOG.md is what `llmerr list --format markdown` prints now.
add_test(NAME catalog_md_fresh
  COMMAND ${CMAKE_COMMAND} -DLLMERR=$<TARGET_FILE:llmerr_cli> -DOUTPUT=${CMAKE_CURRENT_BINARY_DIR}/CATALOG.md
          -DCHECK=${PROJECT_SOURCE_DIR}/data/CATALOG.md -P "${PROJECT_SOURCE_DIR}/tools/catalog_md.cmake")
set_tests_properties(catalog_md_fresh PROPERTIES LABELS cli)

# The demo target's script runs to the end.
add_test(NAME cli:demo
  COMMAND ${CMAKE_COMMAND} -DLLMERR=$<TARGET_FILE:llmerr_cli> -DSAMPLES=${_samples}
          -P "${PROJECT_SOURCE_DIR}/tools/demo.cmake")
set_tests_properties(cli:demo PROPERTIES LABELS cli)

# Help, version, usage errors.
llmerr_cli_check(version RC 0 ARGS --version OUT "^llmerr ${PROJECT_VERSION}\n$")
llmerr_cli_check(help RC 0 ARGS --help OUT "Usage:" "classify" "lookup" "list" "Exit status" "  4  lookup")
llmerr_cli_check(help_command RC 0 ARGS help classify OUT "--jsonl FILE" "--summary-only")
llmerr_cli_check(command_help RC 0 ARGS lookup --help OUT "llmerr lookup [[]OPTIONS[]] PROVIDER CODE")
llmerr_cli_check(no_arguments RC 2 ARGS "" ERR "missing command")
llmerr_cli_check(unknown_command RC 2 ARGS frobnicate ERR "unknown command 'frobnicate'" "--help")
llmerr_cli_check(unknown_option RC 2 ARGS list --bogus ERR "unknown option '--bogus'" "Try 'llmerr list --help'")
llmerr_cli_check(unknown_provider RC 2 ARGS classify --provider mistral "${_samples}/ark_missing_parameter.body"
  ERR "unknown provider 'mistral'" "Try 'llmerr classify --help'")
llmerr_cli_check(unknown_provider_lookup RC 2 ARGS lookup mistral InvalidApiKey ERR "unknown provider 'mistral'")
llmerr_cli_check(unknown_category RC 2 ARGS list --category nope ERR "unknown category 'nope'")
llmerr_cli_check(unknown_format RC 2 ARGS list --format yaml ERR "unknown format 'yaml'")
llmerr_cli_check(missing_option_value RC 2 ARGS classify --status ERR "option --status needs an argument")
llmerr_cli_check(missing_option_value_before_option RC 2 ARGS classify --provider --json ERR "--provider needs an argument")
llmerr_cli_check(missing_positional RC 2 ARGS lookup ark ERR "CODE is required" "Try 'llmerr lookup --help'")
llmerr_cli_check(invalid_status RC 2 ARGS classify --status 4290 ERR "invalid HTTP status '4290'")
llmerr_cli_check(invalid_header RC 2 ARGS classify --header nocolon ERR "invalid header 'nocolon'")
llmerr_cli_check(summary_only_needs_jsonl RC 2 ARGS classify --summary-only ERR "--summary-only needs --jsonl")
llmerr_cli_check(status_with_jsonl RC 2 ARGS classify --jsonl "${_samples}/log.jsonl" --status 429
  ERR "--status cannot be used with --jsonl")
llmerr_cli_check(unreadable_file RC 3 ARGS classify "${CMAKE_CURRENT_BINARY_DIR}/no/such/file.body" ERR "cannot open")
llmerr_cli_check(unreadable_directory RC 3 ARGS classify "${CMAKE_CURRENT_BINARY_DIR}" ERR "cannot read")
if(CMAKE_HOST_UNIX)  # read(2) of a directory fails with EISDIR; the message says so
  llmerr_cli_check(unreadable_jsonl_directory RC 3 ARGS classify --jsonl "${CMAKE_CURRENT_BINARY_DIR}"
    ERR "cannot read '[^']+': Is a directory")
endif()
llmerr_cli_check(unreadable_jsonl RC 3 ARGS classify --jsonl "${CMAKE_CURRENT_BINARY_DIR}/no/such.jsonl" ERR "cannot open")
llmerr_cli_check(meta_not_json RC 3 ARGS classify --meta "${_samples}/generic_nginx_502_html.body"
  "${_samples}/generic_nginx_502_html.body" ERR "is not a JSON object")

# classify: stdin, explicit status and headers (Retry-After: 7 s = 7000 ms; the header's id wins over none).
llmerr_cli_check(classify_stdin RC 0 ARGS classify --status 429 - INPUT "${_samples}/dashscope_native_allocation_quota_tpm.body"
  OUT "\ncode +Throttling.AllocationQuota\n" "\ncategory +rate_limited\n")
llmerr_cli_check(classify_headers RC 0
  ARGS classify --provider ark --status 429 --header "Retry-After: 7" --header "x-request-id: abc-123"
       "${_samples}/ark_quota_exceeded_queue.body"
  OUT "\nretry after +7000 ms\n" "\nHTTP status +429\n")
llmerr_cli_check(classify_headers_json RC 0
  ARGS classify --json --status 503 --header "retry-after-ms: 1500" --header "x-should-retry: false" -
  INPUT "${_samples}/generic_empty_504.body"
  JSON "error=ON" "retry_after_ms=1500" "should_retry=OFF" "retryable=OFF" "http_status=503")
llmerr_cli_check(classify_no_error RC 0 ARGS classify --status 200 "${_samples}/qianfan_v2_ok_chat.body"
  OUT "^no error: HTTP 200")

# lookup (the catalog.hpp example: this message is DashScope's free-quota variant).
llmerr_cli_check(lookup_variant RC 0
  ARGS lookup dashscope Throttling.AllocationQuota --message "Free allocated quota exceeded."
  OUT "^dashscope / [a-z_]+ / Throttling.AllocationQuota [(]variant [1-9]" "\n  category +quota_exhausted\n"
      "\n  retryable +no\n" "\n  description +[^-\n]" "other variants:")
llmerr_cli_check(lookup_json RC 0 ARGS lookup ark AuthenticationError --json
  JSON "provider=ark" "code=AuthenticationError" "category=authentication" "retryable=OFF" "http_status=401")
llmerr_cli_check(lookup_prefix RC 0 ARGS lookup dashscope Throttling.SomethingNew
  OUT "^dashscope / [a-z_]+ / Throttling [(]" "asked for +Throttling.SomethingNew")
llmerr_cli_check(lookup_api RC 0 ARGS lookup qianfan 336501 --api v1 OUT "^qianfan / v1 / 336501 ")
llmerr_cli_check(lookup_not_found RC 4 ARGS lookup ark NoSuchCodeAnywhere ERR "no catalogue entry for ark code 'NoSuchCodeAnywhere'")
llmerr_cli_check(lookup_not_in_api RC 4 ARGS lookup qianfan 336501 --api iam ERR "no catalogue entry")

# list
llmerr_cli_check(list_table RC 0 ARGS list --provider ark --category rate_limited
  OUT "^provider +api +code +var +http +category" "\nark +inference +[A-Za-z.]+ +[0-9]+ +429 +rate_limited +yes "
  NOT_OUT "(dashscope|qianfan|invalid_request)")
llmerr_cli_check(list_csv RC 0 ARGS list --provider qianfan --api iam --format csv
  OUT "^provider,api,code,variant,http_status,type,category,retryable,retry_hint,message,description,match,aliases,note,doubt,source,value\n"
      "\nqianfan,iam,")
llmerr_cli_check(list_markdown RC 0 ARGS list --provider dashscope --format markdown
  OUT "\n## dashscope " "\n### dashscope / inference\n" "\n[|] code [|] variant [|] HTTP [|] category [|] retryable [|] hint [|] message [|] 描述 [|] notes [|]\n"
  NOT_OUT "\n## (ark|qianfan) ")
llmerr_cli_check(list_unknown_api RC 2 ARGS list --api nope ERR "unknown api 'nope'")

# help COMMAND, help --help, help alone
llmerr_cli_check(help_alone RC 0 ARGS help OUT "^llmerr — " "Usage: llmerr [[]OPTIONS[]] SUBCOMMAND" "Exit status:"
  NOT_OUT "Usage: llmerr help")
llmerr_cli_check(help_help RC 0 ARGS help --help OUT "llmerr help [[]OPTIONS[]] [[]COMMAND[]]" "classify, lookup, list")
llmerr_cli_check(help_list RC 0 ARGS help list OUT "llmerr list [[]OPTIONS[]]" "--format F" "markdown")
llmerr_cli_check(help_unknown RC 2 ARGS help frobnicate ERR "unknown command 'frobnicate'")
llmerr_cli_check(help_exit_status RC 0 ARGS classify --help OUT "--exit-status" "5 an error not to retry" "6 a retryable")
llmerr_cli_check(unexpected_argument RC 2 ARGS lookup ark InvalidApiKey extra ERR "unexpected argument 'extra'")
llmerr_cli_check(exit_status_with_jsonl RC 2 ARGS classify --jsonl "${_samples}/log.jsonl" --exit-status
  ERR "--exit-status cannot be used with --jsonl")
llmerr_cli_check(header_then_file RC 0 ARGS classify --header "x-request-id: hdr-1" --status 400
  "${_samples}/ark_missing_parameter.body" OUT "\ncode +MissingParameter\n")

# The HTTP status: without --status none was received; the catalogue's documented one is shown as such.
llmerr_cli_check(status_documented RC 0 ARGS classify "${_samples}/ark_missing_parameter.body"
  OUT "\nHTTP status +— [(]documented: 400[)]\n")
llmerr_cli_check(status_documented_json RC 0 ARGS classify --json "${_samples}/ark_missing_parameter.body"
  JSON "http_status=null" "documented_status=400" "code=MissingParameter")
llmerr_cli_check(status_received RC 0 ARGS classify --status 429 "${_samples}/ark_missing_parameter.body"
  OUT "\nHTTP status +429\n" NOT_OUT "documented: ")
llmerr_cli_check(status_received_json RC 0 ARGS classify --json --status 429 "${_samples}/ark_missing_parameter.body"
  JSON "http_status=429" "documented_status=400")
llmerr_cli_check(status_none RC 0 ARGS classify --json "${_samples}/generic_nginx_502_html.body"
  JSON "http_status=null" "documented_status=null")

# Evidence: how the verdict was reached.
llmerr_cli_check(evidence_text RC 0 ARGS classify --status 400 "${_samples}/ark_missing_parameter.body"
  OUT "\nevidence +exact_code [(]")
llmerr_cli_check(evidence_json RC 0 ARGS classify --json --status 400 "${_samples}/ark_missing_parameter.body"
  JSON "evidence=exact_code")
llmerr_cli_check(evidence_status_only RC 0 ARGS classify --json --status 503 "${_samples}/generic_empty_504.body"
  JSON "evidence=http_status")

# classify --exit-status: 0 no error, 5 an error not to retry, 6 a retryable error; without it, 0.
llmerr_cli_check(exit_status_final RC 5 ARGS classify --exit-status --status 400 "${_samples}/ark_missing_parameter.body"
  OUT "\nretryable +no")
llmerr_cli_check(exit_status_retryable RC 6 ARGS classify --exit-status --json --status 503 - INPUT "${_samples}/generic_empty_504.body"
  JSON "retryable=ON")
llmerr_cli_check(exit_status_no_error RC 0 ARGS classify --exit-status --status 200 "${_samples}/qianfan_v2_ok_chat.body"
  OUT "^no error: ")
llmerr_cli_check(exit_status_off RC 0 ARGS classify --status 503 "${_samples}/generic_empty_504.body"
  OUT "\nretryable +yes")

# Every write checked: a full disk, a closed stdout, a broken pipe (SIGPIPE ignored) give exit 3.
find_program(LLMERR_SH sh)
if(UNIX AND LLMERR_SH)
  set(_write_cases
    "full|list"
    "full|list --format json"
    "full|classify --json ${_samples}/ark_missing_parameter.body"
    "full|classify ${_samples}/ark_missing_parameter.body"
    "full|classify --jsonl ${_samples}/log.jsonl"
    "full|classify --summary-only --jsonl ${_samples}/log.jsonl"
    "full|lookup ark AuthenticationError"
    "full|--help"
    "full|help classify"
    "full|--version"
    "closed|list"
    "closed|classify --json ${_samples}/ark_missing_parameter.body"
    "closed|classify --jsonl ${_samples}/log.jsonl"
    "closed|lookup ark AuthenticationError --json"
    "closed|--help"
    "pipe|list --format json")
  string(ASCII 31 _sep)
  foreach(_case IN LISTS _write_cases)
    string(REPLACE "|" ";" _case "${_case}")
    list(GET _case 0 _how)
    list(GET _case 1 _args)
    string(REPLACE " " "${_sep}" _joined "${_args}")
    string(REPLACE "${_samples}/" "" _id "${_args}")
    string(REGEX REPLACE "[^A-Za-z0-9_.-]+" "_" _id "${_id}")
    add_test(NAME cli:write_error:${_how}:${_id}
      COMMAND ${CMAKE_COMMAND} -DLLMERR=$<TARGET_FILE:llmerr_cli> -DHOW=${_how} "-DARGS=${_joined}"
              -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli -P "${_cli_dir}/write_error.cmake")
    set_tests_properties(cli:write_error:${_how}:${_id} PROPERTIES LABELS cli)
  endforeach()
  # The output must outgrow the pipe for the broken-pipe cases to be deterministic.
  add_test(NAME cli:write_error:pipe_output_size
    COMMAND sh -c "test $(\"$0\" list --format json | wc -c) -gt 262144" $<TARGET_FILE:llmerr_cli>)
  set_tests_properties(cli:write_error:pipe_output_size PROPERTIES LABELS cli)
  # A lookup that finds nothing writes nothing: a closed stdout is no error then (exit 4, not 3).
  add_test(NAME cli:closed_stdout_nothing_written
    COMMAND sh -c "\"$0\" lookup ark NoSuchCodeAnywhere >&- 2>/dev/null; test $? -eq 4" $<TARGET_FILE:llmerr_cli>)
  set_tests_properties(cli:closed_stdout_nothing_written PROPERTIES LABELS cli)
endif()

# Terminal safety of the readable block.
add_test(NAME cli:terminal_escapes
  COMMAND ${CMAKE_COMMAND} -DLLMERR=$<TARGET_FILE:llmerr_cli> -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli
          -P "${_cli_dir}/terminal.cmake")
set_tests_properties(cli:terminal_escapes PROPERTIES LABELS cli)

# The man page and the shell completions against the help.
add_test(NAME cli:manual_and_completions
  COMMAND ${CMAKE_COMMAND} -DLLMERR=$<TARGET_FILE:llmerr_cli> -DTOOLS=${PROJECT_SOURCE_DIR}/tools
          -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli -P "${_cli_dir}/manual.cmake")
set_tests_properties(cli:manual_and_completions PROPERTIES LABELS cli)

# The install: program, man page, completions (in the stage the packaging tests install to), and a
# stripped install.
if(LLMERR_INSTALL)
  add_test(NAME cli:install_layout
    COMMAND ${CMAKE_COMMAND} -DSTAGE=${CMAKE_CURRENT_BINARY_DIR}/stage -DBUILD=${PROJECT_BINARY_DIR}
            -DSTRIP_STAGE=${CMAKE_CURRENT_BINARY_DIR}/cli/stage-stripped -P "${_cli_dir}/install.cmake")
  set_tests_properties(cli:install_layout PROPERTIES FIXTURES_REQUIRED llmerr_staged LABELS "cli;packaging")
endif()

# The hint on stderr when the body is read from a terminal (a pseudo-terminal made by Python's pty module).
find_package(Python3 COMPONENTS Interpreter QUIET)
if(UNIX AND Python3_Interpreter_FOUND)
  add_test(NAME cli:terminal_input_hint
    COMMAND Python3::Interpreter "${_cli_dir}/tty_hint.py" $<TARGET_FILE:llmerr_cli>
            "${_samples}/ark_missing_parameter.body")
  set_tests_properties(cli:terminal_input_hint PROPERTIES LABELS cli TIMEOUT 120)
endif()
