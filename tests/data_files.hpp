// SPDX-License-Identifier: MIT
// Test helper: reads data/*.json and samples with nlohmann, independently of tools/gen_catalog.py.
#ifndef LLMERR_TESTS_DATA_FILES_HPP
#define LLMERR_TESTS_DATA_FILES_HPP

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace testdata {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline nlohmann::json provider_file(const std::string& provider) {
    return nlohmann::json::parse(read_file(std::string(LLMERR_DATA_DIR) + "/" + provider + ".json"));
}

}  // namespace testdata

#endif  // LLMERR_TESTS_DATA_FILES_HPP
