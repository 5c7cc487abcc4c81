// SPDX-License-Identifier: MIT
// llmerr benchmarks — the bundled sample responses (data/samples/*.body with their .meta.json).
#ifndef LLMERR_BENCH_SAMPLES_HPP
#define LLMERR_BENCH_SAMPLES_HPP

#include <algorithm>   // std::sort
#include <cstdio>      // std::fprintf
#include <cstdlib>     // std::exit
#include <filesystem>  // std::filesystem
#include <fstream>     // std::ifstream
#include <iterator>    // std::istreambuf_iterator
#include <string>      // std::string
#include <vector>      // std::vector

#include <nlohmann/json.hpp>

namespace llmerr_bench {

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", path.string().c_str());
        std::exit(2);
    }
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct sample {
    std::string name;
    std::string body;
    int status = 0;
    bool is_error = false;  // meta "expect" is not null
};

// All samples, sorted by name. LLMERR_DATA_DIR is set by bench/CMakeLists.txt.
inline const std::vector<sample>& samples() {
    static const std::vector<sample> all = [] {
        std::vector<sample> out;
        const std::filesystem::path dir = std::filesystem::path(LLMERR_DATA_DIR) / "samples";
        for (const auto& f : std::filesystem::directory_iterator(dir)) {
            const std::string file = f.path().filename().string();
            const std::string suffix = ".meta.json";
            if (file.size() <= suffix.size() || file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0) {
                continue;
            }
            sample s;
            s.name = file.substr(0, file.size() - suffix.size());
            s.body = read_file(dir / (s.name + ".body"));
            const nlohmann::json meta = nlohmann::json::parse(read_file(f.path()));
            s.status = meta.value("status", 0);
            s.is_error = !meta["expect"].is_null();
            out.push_back(std::move(s));
        }
        std::sort(out.begin(), out.end(), [](const sample& a, const sample& b) { return a.name < b.name; });
        return out;
    }();
    return all;
}

inline const sample& sample_named(const std::string& name) {
    for (const sample& s : samples()) {
        if (s.name == name) return s;
    }
    std::fprintf(stderr, "no sample %s\n", name.c_str());
    std::exit(2);
}

}  // namespace llmerr_bench

#endif  // LLMERR_BENCH_SAMPLES_HPP
