# SPDX-License-Identifier: MIT
# cmake -DSOURCE_DIR=<src> -P check_readme.cmake
# Every ```cpp block of README.md whose first line is `// examples/<file>` must equal that file, which CI
# compiles and runs: the README's examples cannot rot.
file(READ "${SOURCE_DIR}/README.md" readme)
string(REPLACE ";" "<semicolon>" readme "${readme}")
string(REGEX MATCHALL "```cpp\n// examples/[^\n]+\n([^`]|`[^`]|``[^`])*```" blocks "${readme}")
list(LENGTH blocks count)
if(count EQUAL 0)
  message(FATAL_ERROR "README.md quotes no example")
endif()
foreach(block IN LISTS blocks)
  string(REPLACE "<semicolon>" ";" block "${block}")
  string(REGEX MATCH "^```cpp\n// (examples/[^\n ]+)" _ "${block}")
  set(path "${CMAKE_MATCH_1}")
  string(REGEX REPLACE "^```cpp\n// examples/[^\n]+\n" "" code "${block}")
  string(REGEX REPLACE "```$" "" code "${code}")
  file(READ "${SOURCE_DIR}/${path}" actual)
  # The README omits the file's SPDX line and banner comment; compare from the first #include on.
  string(FIND "${actual}" "#include" at)
  string(SUBSTRING "${actual}" ${at} -1 actual)
  string(FIND "${code}" "#include" at)
  string(SUBSTRING "${code}" ${at} -1 code)
  if(NOT code STREQUAL actual)
    message(FATAL_ERROR "README.md's copy of ${path} differs from the file; copy the file into the README")
  endif()
  message(STATUS "README quotes ${path} verbatim")
endforeach()
