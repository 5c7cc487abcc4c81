# SPDX-License-Identifier: MIT
# llmerr_use_providers(<target> <provider>...)
#
# Compiles <target> against a catalogue of only the named providers' codes (data/<provider>.json): a program
# that talks to Ark, DashScope and Qianfan does not carry DeepSeek's or OpenAI's rows in its binary or parse
# them in every TU. llmerr::provider keeps every value, and the parser still recognises every provider
# (by URL, header, vocabulary); a code of a provider left out is kept as sent and classified by the status and
# the message's words, as an undocumented code is.
#
#   llmerr_use_providers(my_gateway ark dashscope qianfan)
#
# The table is written at build time by tools/gen_catalog.py --providers (Python 3.8+), into the build tree,
# and put first on <target>'s include path (PRIVATE). Every target of one program must use the same set of
# providers, as with any setting that changes an inline variable: the catalogue is one table per program.
function(llmerr_use_providers target)
  if(NOT TARGET "${target}")
    message(FATAL_ERROR "llmerr_use_providers: no target named '${target}'")
  endif()
  if(NOT ARGN)
    message(FATAL_ERROR "llmerr_use_providers(${target}): name at least one provider")
  endif()
  # Where tools/gen_catalog.py and data/ are: the installed package's share/llmerr (llmerrConfig.cmake says), or
  # the source tree this file is in.
  get_property(_root GLOBAL PROPERTY LLMERR_CATALOG_ROOT)
  if(NOT _root)
    get_filename_component(_root "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/.." ABSOLUTE)
  endif()
  foreach(_p IN LISTS ARGN)
    if(NOT _p MATCHES "^[a-z0-9_]+$" OR NOT EXISTS "${_root}/data/${_p}.json")
      message(FATAL_ERROR "llmerr_use_providers(${target}): no provider '${_p}' (no data/${_p}.json)")
    endif()
  endforeach()
  find_package(Python3 3.8 COMPONENTS Interpreter REQUIRED)
  set(_names ${ARGN})
  list(SORT _names)
  list(REMOVE_DUPLICATES _names)
  list(JOIN _names "," _joined)
  list(JOIN _names "_" _key)
  set(_dir "${CMAKE_BINARY_DIR}/llmerr_providers/${_key}")
  set(_out "${_dir}/llmerr/generated/catalog_table.hpp")
  if(NOT TARGET "llmerr_providers_${_key}")
    file(GLOB _data "${_root}/data/*.json")
    add_custom_command(OUTPUT "${_out}"
      COMMAND Python3::Interpreter "${_root}/tools/gen_catalog.py" --providers "${_joined}" --output "${_out}"
      DEPENDS "${_root}/tools/gen_catalog.py" ${_data}
      COMMENT "llmerr: the catalogue of ${_joined}"
      VERBATIM)
    add_custom_target("llmerr_providers_${_key}" DEPENDS "${_out}")
  endif()
  add_dependencies("${target}" "llmerr_providers_${_key}")
  target_include_directories("${target}" BEFORE PRIVATE "${_dir}")
endfunction()
