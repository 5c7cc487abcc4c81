# SPDX-License-Identifier: MIT
# Dependencies: find_package first; FetchContent only when absent and LLMERR_FETCH_DEPENDENCIES is ON,
# so that an ordinary build never touches the network.
include(GNUInstallDirs)

set(LLMERR_NLOHMANN_JSON_MIN_VERSION 3.10.0)

if(NOT TARGET nlohmann_json::nlohmann_json)
  find_package(nlohmann_json ${LLMERR_NLOHMANN_JSON_MIN_VERSION} CONFIG QUIET)
  if(NOT nlohmann_json_FOUND)
    if(LLMERR_FETCH_DEPENDENCIES)
      include(FetchContent)
      FetchContent_Declare(nlohmann_json
        URL https://github.com/nlohmann/json/releases/download/v3.11.3/json.tar.xz
        URL_HASH SHA256=d6c65aca6b1ed68e7a182f4757257b107ae403032760ed6ef121c9d55e81757d)
      # nlohmann_json installs itself beside llmerr only when llmerr is installed (its JSON_Install option,
      # which it reads as a plain variable under CMP0077). Offline: -DFETCHCONTENT_SOURCE_DIR_NLOHMANN_JSON=<dir>.
      set(CMAKE_POLICY_DEFAULT_CMP0077 NEW)
      set(JSON_Install ${LLMERR_INSTALL})
      set(JSON_BuildTests OFF)
      FetchContent_MakeAvailable(nlohmann_json)
      unset(JSON_Install)
      unset(JSON_BuildTests)
      unset(CMAKE_POLICY_DEFAULT_CMP0077)
      set(LLMERR_NLOHMANN_JSON_FETCHED TRUE)
    else()
      message(FATAL_ERROR
        "llmerr needs nlohmann_json >= ${LLMERR_NLOHMANN_JSON_MIN_VERSION}: install it (Debian/Ubuntu: "
        "apt-get install nlohmann-json3-dev), point CMAKE_PREFIX_PATH at it, or configure with "
        "-DLLMERR_FETCH_DEPENDENCIES=ON to download it.")
    endif()
  endif()
endif()
