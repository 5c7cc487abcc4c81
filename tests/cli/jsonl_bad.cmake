# SPDX-License-Identifier: MIT
# Every kind of bad JSONL line is reported with its number and skipped; good lines around them are kept.
# The log is written here (not committed) because it needs a byte order mark, a CRLF line and no final
# newline.
cmake_minimum_required(VERSION 3.21)
file(MAKE_DIRECTORY "${WORK}")
set(log "${WORK}/bad.jsonl")
string(REPEAT "x" 300 long)
string(ASCII 13 cr)
string(ASCII 239 187 191 bom)  # a UTF-8 byte order mark (EF BB BF), accepted at the start of the first line
file(WRITE "${log}"
  "${bom}{\"status\":400,\"provider\":\"ark\",\"body\":\"{\\\"error\\\":{\\\"code\\\":\\\"MissingParameter\\\",\\\"message\\\":\\\"m\\\"}}\"}\n" # 1 ok, after a BOM
  "\n"                                                      # 2 empty: ignored
  "not json at all\n"                                       # 3
  "[1,2]\n"                                                 # 4
  "{\"status\":429}\n"                                      # 5
  "{\"body\":42}\n"                                         # 6
  "{\"body\":\"{}\"} trailing\n"                            # 7
  "{\"status\":\"abc\",\"body\":\"x\"}\n"                   # 8
  "{\"body\":\"${long}\"}\n"                                # 9 longer than --max-line-bytes 200
  "{\"status\":200,\"body\":\"{\\\"choices\\\":[]}\"}\n"    # 10 ok, no error
  "{\"status\":503,\"headers\":{\"Retry-After\":2,\"x-request-id\":\"rid-11\"},\"body\":\"\"}${cr}\n" # 11 ok, CRLF
  "{\"body\":\"x\"\n"                                       # 12 truncated
  "{\"status\":500,\"body\":[\"x\"]}\n"                     # 13
  "{\"status\":500,\"provider\":\"dashscope\",\"body\":\"oops\"}")  # 14 ok, no final newline

execute_process(COMMAND "${LLMERR}" classify --jsonl "${log}" --max-line-bytes 200
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(failed "")
if(NOT rc EQUAL 1)
  string(APPEND failed "exit code ${rc}, expected 1\n")
endif()
foreach(expect
    "bad.jsonl:3: skipped: not JSON"
    "bad.jsonl:4: skipped: not a JSON object [(]an array[)]"
    "bad.jsonl:5: skipped: no \"body\""
    "bad.jsonl:6: skipped: \"body\" is a number, not a string"
    "bad.jsonl:7: skipped: not JSON"
    "bad.jsonl:8: skipped: \"status\" is not an HTTP status"
    "bad.jsonl:9: skipped: line longer than 200 bytes"
    "bad.jsonl:12: skipped: not JSON"
    "bad.jsonl:13: skipped: \"body\" is an array, not a string"
    "\ntotal +4 "
    "9 bad lines skipped")
  if(NOT err MATCHES "${expect}")
    string(APPEND failed "stderr does not match: ${expect}\n")
  endif()
endforeach()
if(err MATCHES "bad.jsonl:(1|2|10|11|14):")
  string(APPEND failed "a good or empty line was reported\n")
endif()
string(REGEX MATCHALL "\"line\":[0-9]+" lines "${out}")
if(NOT lines STREQUAL "\"line\":1;\"line\":10;\"line\":11;\"line\":14")
  string(APPEND failed "results for ${lines}, expected lines 1, 10, 11, 14\n")
endif()
# The results, member by member (the order of the members is not part of the format).
set(want_1 error=ON provider=ark http_status=400 code=MissingParameter evidence=exact_code documented_status=400)
set(want_10 error=OFF http_status=200)
set(want_11 error=ON http_status=503 retry_after_ms=2000 request_id=rid-11)
set(want_14 error=ON provider=dashscope http_status=500 message=oops)
string(REGEX MATCHALL "[^\n]+" result_lines "${out}")
foreach(result IN LISTS result_lines)
  string(JSON n GET "${result}" line)
  foreach(pair IN LISTS want_${n})
    string(REPLACE "=" ";" pair "${pair}")
    list(GET pair 0 key)
    list(GET pair 1 want)
    string(JSON got ERROR_VARIABLE missing GET "${result}" ${key})
    if(missing OR NOT got STREQUAL want)
      string(APPEND failed "line ${n}: ${key} is '${got}', expected '${want}'\n")
    endif()
  endforeach()
endforeach()
if(failed)
  message(FATAL_ERROR "${failed}--- stdout:\n${out}\n--- stderr:\n${err}")
endif()
