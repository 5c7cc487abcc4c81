// SPDX-License-Identifier: MIT
// Classify a real HTTP response from cpp-httplib. A loopback server plays DashScope's 429 so the example
// runs offline; point the client at https://dashscope.aliyuncs.com in real use.
#include <llmerr/llmerr.hpp>

#include <httplib.h>

#include <chrono>
#include <iostream>
#include <thread>

int main() {
    httplib::Server server;  // stands in for DashScope
    server.Post("/api/v1/services/aigc/text-generation/generation", [](const httplib::Request&, httplib::Response& r) {
        r.status = 429;
        r.set_header("x-request-id", "4ef1c4c6-4cb5-9b43-8d0c-2a8f2d53a1c7");
        r.set_header("Retry-After", "2");
        r.set_content(R"({"request_id":"4ef1c4c6-4cb5-9b43-8d0c-2a8f2d53a1c7","code":"Throttling.AllocationQuota",)"
                      R"("message":"Free allocated quota exceeded."})",
                      "application/json");
    });
    const int port = server.bind_to_any_port("127.0.0.1");
    std::thread serving([&] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));

    httplib::Client client("127.0.0.1", port);
    auto res =
        client.Post("/api/v1/services/aigc/text-generation/generation", R"({"model":"qwen-plus"})", "application/json");
    int exit_code = 1;
    if (!res) {
        std::cerr << "transport error: " << httplib::to_string(res.error()) << '\n';
    } else if (auto err = llmerr::find_error(res->status, res->body, res->headers)) {
        std::cout << llmerr::to_string(err->provider) << ' ' << err->code << " -> " << llmerr::to_string(err->category)
                  << (err->retryable ? ", retry" : ", do not retry") << " (request " << err->request_id << ")\n";
        exit_code = err->category == llmerr::category::quota_exhausted && !err->retryable ? 0 : 1;
    }
    server.stop();
    serving.join();
    return exit_code;
}
