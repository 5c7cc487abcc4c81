// SPDX-License-Identifier: MIT
// Test helper: reads data/*.json and the bundled samples with nlohmann, independently of tools/gen_catalog.py.
#ifndef LLMERR_TESTS_DATA_FILES_HPP
#define LLMERR_TESTS_DATA_FILES_HPP

#include <algorithm>   // std::sort
#include <filesystem>  // std::filesystem::directory_iterator
#include <fstream>     // std::ifstream
#include <iterator>    // std::istreambuf_iterator
#include <map>         // std::map
#include <stdexcept>   // std::runtime_error
#include <string>      // std::string
#include <utility>     // std::move, std::pair
#include <vector>      // std::vector

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

// The providers of data/*.json (every file but schema.json), as the files say: name and provider_info.id,
// in the order of their ids.
inline std::vector<std::pair<std::string, int>> data_providers() {
    std::vector<std::pair<std::string, int>> out;
    for (const auto& f : std::filesystem::directory_iterator(std::filesystem::path(LLMERR_DATA_DIR))) {
        const std::string file = f.path().filename().string();
        if (f.path().extension() != ".json" || file == "schema.json") continue;
        const nlohmann::json doc = nlohmann::json::parse(read_file(f.path().string()));
        out.emplace_back(doc.at("provider").get<std::string>(), doc.at("provider_info").at("id").get<int>());
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    return out;
}

// One bundled sample: data/samples/NAME.body and its NAME.meta.json.
struct sample {
    std::string name, body;
    nlohmann::json meta;
};

// Every bundled sample, sorted by name.
inline std::vector<sample> all_samples() {
    std::vector<sample> out;
    const std::filesystem::path dir = std::filesystem::path(LLMERR_DATA_DIR) / "samples";
    const std::string suffix = ".meta.json";
    for (const auto& f : std::filesystem::directory_iterator(dir)) {
        const std::string file = f.path().filename().string();
        if (file.size() <= suffix.size() || file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        const std::string name = file.substr(0, file.size() - suffix.size());
        out.push_back(
            {name, read_file((dir / (name + ".body")).string()), nlohmann::json::parse(read_file(f.path().string()))});
    }
    std::sort(out.begin(), out.end(), [](const sample& a, const sample& b) { return a.name < b.name; });
    return out;
}

// The samples that are error responses (their meta's `expect` is not null), sorted by name.
inline std::vector<sample> error_samples() {
    std::vector<sample> out;
    for (sample& s : all_samples()) {
        if (!s.meta["expect"].is_null()) out.push_back(std::move(s));
    }
    return out;
}

// A sample's "headers" member as a map, as parse() takes it.
inline std::map<std::string, std::string> headers_of(const nlohmann::json& meta) {
    std::map<std::string, std::string> h;
    for (const auto& [k, v] : meta["headers"].items()) h[k] = v.get<std::string>();
    return h;
}

}  // namespace testdata

#endif  // LLMERR_TESTS_DATA_FILES_HPP
