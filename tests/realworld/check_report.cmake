# SPDX-License-Identifier: MIT
# Fails when tests/realworld/REPORT.md is not what tools/realworld_report.py writes from the current parser's
# results: the README's accuracy claims quote that file. Regenerate with
#   build/<preset>/tests/realworld_score > /tmp/r.json && python3 tools/realworld_report.py /tmp/r.json
execute_process(COMMAND "${SCORE}" OUTPUT_FILE "${CMAKE_CURRENT_BINARY_DIR}/realworld_results.json"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "realworld_score failed: ${rc}")
endif()
execute_process(COMMAND "${PYTHON}" "${SOURCE_DIR}/tools/realworld_report.py"
                        "${CMAKE_CURRENT_BINARY_DIR}/realworld_results.json" --check
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "tests/realworld/REPORT.md is stale: regenerate it (see this script's header)")
endif()
