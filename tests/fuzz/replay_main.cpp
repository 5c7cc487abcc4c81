// SPDX-License-Identifier: MIT
// llmerr fuzzing — a main() for builds without libFuzzer (LLMERR_FUZZ_LINKMAIN): runs LLVMFuzzerTestOneInput
// on every file named on the command line, and on every file inside each directory named, so the committed
// corpus replays as an ordinary test under any compiler.
//
//   fuzz_replay_parse tests/fuzz/corpus/fuzz_parse tests/fuzz/regressions/fuzz_parse
#include <algorithm>   // std::sort
#include <cstddef>     // std::size_t
#include <cstdint>     // std::uint8_t
#include <cstdio>      // std::printf, std::fprintf
#include <filesystem>  // std::filesystem
#include <fstream>     // std::ifstream
#include <iterator>    // std::istreambuf_iterator
#include <memory>      // std::unique_ptr
#include <string>      // std::string
#include <vector>      // std::vector

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

int replay(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", file.string().c_str());
        return 1;
    }
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    // A copy of exactly `size` bytes on the heap, so AddressSanitizer sees any read past the end.
    const std::unique_ptr<std::uint8_t[]> copy(new std::uint8_t[bytes.size() + (bytes.empty() ? 1 : 0)]);
    std::copy(bytes.begin(), bytes.end(), copy.get());
    LLVMFuzzerTestOneInput(copy.get(), bytes.size());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path arg(argv[i]);
        std::error_code ec;
        if (std::filesystem::is_directory(arg, ec)) {
            for (const auto& entry : std::filesystem::directory_iterator(arg)) {
                if (entry.is_regular_file()) files.push_back(entry.path());
            }
        } else if (std::filesystem::exists(arg, ec)) {
            files.push_back(arg);
        } else {
            std::fprintf(stderr, "no such file or directory: %s\n", argv[i]);
            return 1;
        }
    }
    std::sort(files.begin(), files.end());
    int failures = 0;
    for (const auto& f : files) failures += replay(f);
    std::printf("replayed %zu inputs\n", files.size() - static_cast<std::size_t>(failures));
    if (files.empty()) std::fprintf(stderr, "no inputs: is the corpus missing?\n");
    return failures == 0 && !files.empty() ? 0 : 1;
}
