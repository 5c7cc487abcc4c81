// SPDX-License-Identifier: MIT
// parse(), find_error() and provider_from_url() on each provider's surfaces, and the rules between them.
#include <llmerr/parse.hpp>

#include <chrono>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "catch.hpp"

using llmerr::category;
using llmerr::envelope;
using llmerr::parse;
using llmerr::provider;

TEST_CASE("Ark: error object, request id inside the message", "[parse][ark]") {
    const auto e = parse(
        R"({"error":{"code":"InvalidParameter.Messages","message":"A parameter specified in the request is not valid: messages. Request id: 021732847391234abcdef","param":"messages","type":"BadRequest"}})",
        400);
    CHECK(e.provider == provider::ark);
    CHECK(e.code == "InvalidParameter.Messages");
    CHECK(e.entry->code == "InvalidParameter.{parameter}");
    CHECK(e.category == category::invalid_request);
    CHECK(e.param == "messages");
    CHECK(e.type == "BadRequest");
    CHECK(e.request_id == "021732847391234abcdef");
    CHECK(e.envelope == envelope::error_object);
}

TEST_CASE("DashScope native and compatible mode", "[parse][dashscope]") {
    SECTION("native, code prefix in the message selects the variant") {
        const auto e = parse(
            R"({"request_id":"54dc32fd-968b-4aed-b6a8-ae63d6fda4d5","code":"InvalidParameter","message":"<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, 129024]"})",
            400);
        CHECK(e.provider == provider::dashscope);
        CHECK(e.code == "InvalidParameter");
        CHECK(e.category == category::context_length_exceeded);
        CHECK(e.request_id == "54dc32fd-968b-4aed-b6a8-ae63d6fda4d5");
        CHECK(e.envelope == envelope::code_message);
    }
    SECTION("compatible mode wraps a native code in a generic one") {
        const auto e = parse(
            R"({"error":{"code":"internal_server_error","message":"<500> InternalError.Algo: An error occurred in model serving, error message is: [Request rejected by inference engine!]","param":null,"type":"internal_server_error"},"request_id":"r-1"})",
            500);
        CHECK(e.provider == provider::dashscope);
        CHECK(e.code == "internal_server_error");  // the raw code survives
        REQUIRE(e.entry != nullptr);
        CHECK(e.entry->code == "InternalError.Algo");
        CHECK(e.category == category::server_error);
        CHECK(e.retryable);
        CHECK(e.param.empty());
    }
    SECTION("the native code inside outweighs a code field only another provider documents") {
        // "ServiceUnavailable" is a Tencent Cloud common code (Hunyuan's catalogue); the "<503> InternalError.Algo"
        // framing is DashScope's.
        const auto e = parse(
            R"({"error":{"code":"ServiceUnavailable","message":"<503> InternalError.Algo: An error occurred in model serving, error message is: [Request rejected by inference engine!]","type":"ServiceUnavailable"}})",
            503);
        CHECK(e.provider == provider::dashscope);
        CHECK(e.code == "ServiceUnavailable");
        REQUIRE(e.entry != nullptr);
        CHECK(e.entry->code == "InternalError.Algo");
        CHECK(e.retryable);
        // Without the framing the code field names Hunyuan, as before.
        CHECK(
            parse(
                R"({"Response":{"Error":{"Code":"ServiceUnavailable","Message":"Service is unavailable now."},"RequestId":"r"}})",
                200)
                .provider == provider::hunyuan);
    }
    SECTION("compatible-mode alias with a rate-limit message") {
        const auto e = parse(
            R"({"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"},"request_id":"5f3b2a1c-0d4e-9a8b-b7c6-1e2f3a4b5c6d"})",
            429);
        REQUIRE(e.entry != nullptr);
        CHECK(e.entry->code == "Throttling.AllocationQuota");
        CHECK(e.category == category::rate_limited);
    }
}

TEST_CASE("Qianfan v1, v2 and IAM", "[parse][qianfan]") {
    SECTION("v1 error_code as a number, HTTP 200") {
        const auto e = parse(R"({"error_code":110,"error_msg":"Access token invalid or no longer valid"})", 200);
        CHECK(e.provider == provider::qianfan);
        CHECK(e.code == "110");
        CHECK(e.api == "v1");
        CHECK(e.http_status == 200);
        CHECK(e.category == category::authentication);
        CHECK_FALSE(e.retryable);
        CHECK(e.retry_hint == llmerr::retry_hint::refresh_credentials_once);
        CHECK(e.envelope == envelope::error_code);
    }
    SECTION("v1 error_code as a string") {
        const auto e = parse(R"({"error_code":"336501","error_msg":"Rate limit reached for RPM"})");
        CHECK(e.code == "336501");
        CHECK(e.category == category::rate_limited);
    }
    SECTION("the {code, msg} spelling of the rate-limit example") {
        const auto e = parse("{\n  \"code\": 336502,\n  \"msg\": \"Rate limit reached for TPM\"\n}", 200);
        CHECK(e.provider == provider::qianfan);
        CHECK(e.code == "336502");
        CHECK(e.category == category::rate_limited);
    }
    SECTION("v2") {
        const auto e = parse(
            R"({"error":{"code":"tpm_rate_limit_exceeded","message":"Rate limit reached for TPM","type":"rate_limit_exceeded"},"id":"as-bcmt5ct4dy"})",
            429);
        CHECK(e.provider == provider::qianfan);
        CHECK(e.api == "v2");
        CHECK(e.request_id == "as-bcmt5ct4dy");
        CHECK(e.retryable);
    }
    SECTION("IAM prefers the IAM meaning of a code shared with management APIs") {
        const auto e = parse(
            R"({"requestId":"8d4c2e9a-1f1b-4b5e-9a57-5a8f8c0e2b11","code":"InternalError","message":"We encountered an internal error Please try again."})",
            500);
        CHECK(e.provider == provider::qianfan);
        CHECK(e.api == "iam");
        CHECK(e.request_id == "8d4c2e9a-1f1b-4b5e-9a57-5a8f8c0e2b11");
    }
    SECTION("IAM failure only in X-Bce-Error-Code headers") {
        const std::map<std::string, std::string> h{{"X-Bce-Error-Code", "SignatureDoesNotMatch"},
                                                   {"X-Bce-Request-Id", "bce-1"}};
        const auto e = parse("", 400, h);
        CHECK(e.provider == provider::qianfan);
        CHECK(e.code == "SignatureDoesNotMatch");
        CHECK(e.category == category::authentication);
        CHECK(e.request_id == "bce-1");
    }
}

// Bodies as MiniMax and Tencent Cloud sent them (tests/realworld/cases: minimax-w004, hunyuan-w007), and
// success bodies of the same shapes.
TEST_CASE("MiniMax base_resp and Tencent Cloud Response.Error, inside HTTP 200", "[parse][minimax][hunyuan]") {
    SECTION("MiniMax: a non-zero status_code is an error") {
        const std::string body = R"({"base_resp":{"status_code":2049,"status_msg":"invalid api key"}})";
        const auto found = llmerr::find_error(200, body);
        REQUIRE(found);
        CHECK(found->envelope == llmerr::envelope::base_resp);
        CHECK(found->provider == provider::minimax);
        CHECK(found->code == "2049");
        CHECK(found->message == "invalid api key");
        CHECK(found->category == category::authentication);
        CHECK_FALSE(found->retryable);
        const auto spaced =
            parse("{\n  \"base_resp\": {\n    \"status_code\": 2049,\n    \"status_msg\": \"x\"\n  }\n}");
        CHECK(spaced.envelope == llmerr::envelope::base_resp);
        CHECK(spaced.code == "2049");
    }
    SECTION("MiniMax: status_code 0 is success") {
        CHECK_FALSE(llmerr::find_error(
            200,
            R"({"id":"1","choices":[{"message":{"content":"hi"}}],"base_resp":{"status_code":0,"status_msg":""}})"));
        CHECK_FALSE(llmerr::find_error(200, R"({"base_resp":{"status_code":0,"status_msg":"success"}})"));
    }
    SECTION("Tencent Cloud: a Response with an Error object") {
        const std::string body =
            R"({"Response":{"Error":{"Code":"MissingParameter","Message":"The request header is missing a required common parameter `X-TC-Version`."},"RequestId":"49c13a1c-2c2c-4956-a6a6-d490c7595b32"}})";
        const auto found = llmerr::find_error(200, body);
        REQUIRE(found);
        CHECK(found->envelope == llmerr::envelope::response_error);
        CHECK(found->provider == provider::hunyuan);
        CHECK(found->code == "MissingParameter");
        CHECK(found->request_id == "49c13a1c-2c2c-4956-a6a6-d490c7595b32");
        CHECK(found->category == category::invalid_request);
        // The key spelled with an escape is the same key.
        CHECK(llmerr::find_error(200, R"({"Response":{"\u0045rror":{"Code":"InternalError","Message":"x"}}})"));
    }
    SECTION("Tencent Cloud: a Response without Error is success; an Error elsewhere is not Tencent's") {
        CHECK_FALSE(llmerr::find_error(200, R"({"Response":{"Choices":[],"RequestId":"r-1"}})"));
        CHECK_FALSE(llmerr::find_error(200, R"({"data":{"Response":{"Error":{"Code":"X"}}}})"));
        CHECK_FALSE(llmerr::find_error(200, R"({"Response":{"Choices":[{"Error":{"Code":"X"}}]}})"));
    }
    SECTION("Hunyuan: a streamed chunk whose ErrorMsg has a code; null or 0 is a chunk that succeeded") {
        const std::string stream =
            "data: {\"Note\":\"x\",\"Choices\":[{\"Delta\":{\"Role\":\"assistant\",\"Content\":\"Hi\"}}],"
            "\"Created\":1733212800,\"Id\":\"a1\",\"ErrorMsg\":null}\n\n"
            "data: {\"Note\":\"x\",\"Choices\":[],\"Created\":1733212801,\"Id\":\"a1\","
            "\"ErrorMsg\":{\"Msg\":\"request model timeout\",\"Code\":4001}}\n\n";
        const auto found = llmerr::find_error(200, stream);
        REQUIRE(found);
        CHECK(found->from_stream);
        CHECK(found->provider == provider::hunyuan);
        CHECK(found->envelope == llmerr::envelope::response_error);
        CHECK(found->code == "4001");
        CHECK(found->api == "stream");
        CHECK(found->category == category::timeout);
        CHECK(found->retryable);
        CHECK(found->message == "request model timeout");
        // The key spelled with an escape is the same key.
        CHECK(llmerr::find_error(200, R"({"ErrorMsg":{"\u0043ode":4000,"Msg":"internal service error"}})"));
        CHECK_FALSE(llmerr::find_error(200, R"({"Choices":[],"ErrorMsg":null})"));
        CHECK_FALSE(llmerr::find_error(200, R"({"Choices":[],"ErrorMsg":{"Code":0,"Msg":""}})"));
        CHECK_FALSE(llmerr::find_error(200, R"({"data":{"ErrorMsg":{"Code":4000}}})"));
    }
}

TEST_CASE("SSE bodies and chunks", "[parse][sse]") {
    SECTION("DashScope native error frame with :HTTP_STATUS") {
        const std::string body =
            "id:1\nevent:error\n:HTTP_STATUS/400\ndata:{\"code\":\"InvalidParameter\",\"message\":\"<400> "
            "InternalError.Algo.InvalidParameter: Range of max_tokens should be [1, "
            "8192]\",\"request_id\":\"r-9\"}\n\n";
        const auto e = parse(body, 200);
        CHECK(e.from_stream);
        CHECK(e.http_status == 400);
        CHECK(e.provider == provider::dashscope);
        CHECK(e.request_id == "r-9");
        CHECK(e.category == category::invalid_request);
    }
    SECTION("an error chunk after content, keep-alives and CRLF") {
        const std::string body =
            ": keep-alive\r\n\r\n"
            "data: "
            "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}"
            "\r\n\r\n"
            "data: {\"error\":{\"code\":\"OutputTextSensitiveContentDetected\",\"message\":\"The request failed "
            "because "
            "the output text may contain sensitive information.\",\"param\":\"\",\"type\":\"BadRequest\"}}\r\n\r\n";
        const auto found = llmerr::find_error(200, body);
        REQUIRE(found.has_value());
        CHECK(found->provider == provider::ark);
        CHECK(found->category == category::content_filtered);
        CHECK(found->from_stream);
    }
    SECTION("a stream that ends with [DONE] holds no error") {
        const std::string body = "data: {\"choices\":[{\"delta\":{\"content\":\"ok\"}}]}\n\ndata: [DONE]\n\n";
        CHECK_FALSE(llmerr::find_error(200, body).has_value());
    }
    SECTION("Qianfan v1: a bare JSON error line inside a stream") {
        const std::string body =
            "data: "
            "{\"id\":\"as-1\",\"result\":\"你好\",\"is_end\":false}\n\n{\"error_code\":336100,\"error_msg\":\"try "
            "again later\"}\n";
        const auto found = llmerr::find_error(200, body);
        REQUIRE(found.has_value());
        CHECK(found->code == "336100");
        CHECK(found->category == category::overloaded);
    }
}

TEST_CASE("framing noise around the JSON", "[parse]") {
    const std::string ark =
        R"({"error":{"code":"AuthenticationError","message":"The API key in the request is missing or invalid.","type":"Unauthorized"}})";
    CHECK(parse("\xEF\xBB\xBF \r\n" + ark + "\n\n").code == "AuthenticationError");
    const auto prefixed = parse("Error code: 401 - " + ark);
    CHECK(prefixed.code == "AuthenticationError");
    CHECK(prefixed.http_status == 401);  // documented status, since none was passed
    CHECK(prefixed.category == category::authentication);
}

TEST_CASE("a body that is only a message", "[parse]") {
    SECTION("with a hint") {
        const auto e = parse("Open api daily request limit reached", 0, provider::qianfan);
        REQUIRE(e.entry != nullptr);
        CHECK(e.entry->code == "17");
        CHECK(e.code.empty());  // nothing invented: no code was sent
        CHECK(e.message == "Open api daily request limit reached");
    }
    SECTION("without a hint") {
        const auto e = parse("Invalid API-key provided.", 401);
        REQUIRE(e.entry != nullptr);
        CHECK(e.entry->code == "InvalidApiKey");
        CHECK(e.provider == provider::dashscope);
        CHECK(e.category == category::authentication);
    }
    SECTION("JSON with a message but no code") {
        const auto e = parse(R"({"message":"Free allocated quota exceeded."})", 429, provider::dashscope);
        CHECK(e.category == category::quota_exhausted);
    }
}

TEST_CASE("a body that is one JSON string", "[parse][siliconflow]") {
    SECTION("its text is the message; SiliconFlow documents the shape") {
        const auto e = parse(R"("Invalid token")", 401);
        CHECK(e.envelope == llmerr::envelope::json_string);
        CHECK(e.message == "Invalid token");
        CHECK(e.provider == provider::siliconflow);
        CHECK(e.category == category::authentication);
        CHECK_FALSE(e.retryable);
    }
    SECTION("escapes are decoded") {
        const auto e = parse(R"("Model \"x\" disabled. caf\u00e9")", 403);
        CHECK(e.envelope == llmerr::envelope::json_string);
        CHECK(e.message == "Model \"x\" disabled. caf\xc3\xa9");
    }
    SECTION("a provider the text names outweighs the shape") {
        const auto e = parse(R"x("Authentication Fails (api.deepseek.com)")x", 401);
        CHECK(e.envelope == llmerr::envelope::json_string);
        CHECK(e.provider == provider::deepseek);
    }
    SECTION("a JSON body sent as a string is classified by what it holds") {
        const auto e = parse(R"("{\"code\":\"InvalidApiKey\",\"message\":\"Invalid API-key provided.\"}")", 401);
        CHECK(e.code == "InvalidApiKey");
        CHECK(e.provider == provider::dashscope);
        CHECK(e.category == category::authentication);
    }
    SECTION("anything but exactly one valid JSON string is text, kept as sent") {
        for (const std::string_view body :
             {std::string_view(R"("a" "b")"), std::string_view(R"("a\")"), std::string_view(R"("bad \x escape")"),
              std::string_view("\"tab\there\""), std::string_view("\"\xff\""), std::string_view("\"")}) {
            const auto e = parse(body, 401);
            CHECK(e.envelope == llmerr::envelope::text);
            CHECK(e.message == body);
        }
    }
    SECTION("a long string is cut at the message cap") {
        const std::string body = "\"" + std::string(llmerr::max_message_bytes + 100, 'x') + "\"";
        const auto e = parse(body, 500);
        CHECK(e.envelope == llmerr::envelope::json_string);
        CHECK(e.truncated);
        CHECK(e.message.size() == llmerr::max_message_bytes);
    }
}

TEST_CASE("OpenAI's own serialisation names OpenAI when nothing else does", "[parse][openai]") {
    // Messages of our own; the layout is what OpenAI's servers send (two spaces, message, type, param, code).
    const auto body = [](std::string_view param, std::string_view type = "invalid_request_error",
                         std::string_view indent = "  ") {
        const std::string i(indent), ii = i + i;
        return "{\n" + i + "\"error\": {\n" + ii + "\"message\": \"Cannot cancel a batch that is already done.\",\n" +
               ii + "\"type\": \"" + std::string(type) + "\",\n" + ii + "\"param\": " + std::string(param) + ",\n" +
               ii + "\"code\": null\n" + i + "}\n}\n";
    };
    SECTION("param null or a name; indented by two, or by four as OpenAI's gateway sends some errors") {
        for (const std::string_view param : {std::string_view("null"), std::string_view("\"batch_id\"")}) {
            for (const std::string_view indent : {std::string_view("  "), std::string_view("    ")}) {
                const auto e = parse(body(param, "invalid_request_error", indent), 400);
                CHECK(e.provider == provider::openai);
                CHECK(e.envelope == envelope::error_object);
                CHECK(e.category == category::invalid_request);
            }
        }
    }
    SECTION("the same fields on one line, indented otherwise, or without param name nobody") {
        CHECK(
            parse(
                R"({"error":{"message":"Cannot cancel a batch that is already done.","type":"invalid_request_error","param":null,"code":null}})",
                400)
                .provider == provider::unknown);
        CHECK(parse(body("null", "invalid_request_error", "   "), 400).provider == provider::unknown);
        CHECK(parse(body("null", "invalid_request_error", "\t"), 400).provider == provider::unknown);
        CHECK(parse("{\n  \"error\": {\n    \"message\": \"Cannot cancel a batch.\",\n    \"type\": "
                    "\"invalid_request_error\"\n  }\n}",
                    400)
                  .provider == provider::unknown);
    }
    SECTION("a relay's own type or empty param is a relay's") {
        CHECK(parse(body("\"\"", "one_api_error"), 400).provider == provider::unknown);
        CHECK(parse(body("\"\""), 400).provider == provider::unknown);
        CHECK(parse(body("\"400\"", "upstream_error"), 400).provider == provider::unknown);
    }
    SECTION("weaker than anything the text says") {
        auto b = body("null");
        b.replace(b.find("Cannot"), 6, "api.deepseek.com: cannot");
        CHECK(parse(b, 400).provider == provider::deepseek);
        CHECK(parse(body("null"), 400, provider::dashscope).provider == provider::dashscope);
        // DeepSeek's four-space body carries the code every DeepSeek body carries.
        CHECK(parse("{\n    \"error\": {\n        \"message\": \"Authentication failed.\",\n        \"type\": "
                    "\"authentication_error\",\n        \"param\": null,\n        \"code\": "
                    "\"invalid_request_error\"\n    }\n}",
                    401)
                  .provider == provider::deepseek);
    }
}

TEST_CASE("SiliconFlow's documented envelope: five digits beside a null data", "[parse][siliconflow]") {
    // Codes SiliconFlow's catalogue does not list, in the body its API reference documents ({"code","message",
    // "data"}); messages of our own.
    SECTION("as sent, and as Python prints it") {
        CHECK(parse(R"({"code":40123,"message":"Something went wrong.","data":null})", 400).provider ==
              provider::siliconflow);
        CHECK(parse("{\n  \"code\": 40123,\n  \"message\": \"Something went wrong.\",\n  \"data\": null\n}", 400)
                  .provider == provider::siliconflow);
        const auto e = parse("Error code: 403 - {'code': 40123, 'message': 'Something went wrong.', 'data': None}");
        CHECK(e.provider == provider::siliconflow);
        CHECK(e.code == "40123");
    }
    SECTION("an app's status in a code, a data that holds something, or no data: nobody") {
        CHECK(parse(R"({"code":500,"message":"Something went wrong.","data":null})", 500).provider ==
              provider::unknown);
        CHECK(parse(R"({"code":40123,"message":"Something went wrong.","data":{"x":1}})", 400).provider ==
              provider::unknown);
        CHECK(parse(R"({"code":40123,"message":"Something went wrong."})", 400).provider == provider::unknown);
        CHECK(parse("Error code: 400 - {'code': 500, 'message': 'Something went wrong.', 'data': None}").provider ==
              provider::unknown);
    }
}

TEST_CASE("layouts that are not a provider's: vLLM's and Mistral's numbers, other request ids", "[parse]") {
    // {"object":"error",…}: Mistral writes "1300" there, a number Zhipu documents too.
    const auto mistral = parse(
        R"({"object":"error","message":"Too many calls.","type":"rate_limited","param":null,"code":"1300"})", 429);
    CHECK(mistral.provider == provider::unknown);
    CHECK(mistral.code == "1300");
    CHECK(mistral.category == category::rate_limited);
    // The same number in Zhipu's own layout is Zhipu's.
    CHECK(parse(R"({"error":{"code":"1300","message":"Something."}})", 403).provider == provider::zhipu);
    // DashScope's compatible mode keeps its UUID request_id beside an error object; another API's id does not
    // name DashScope.
    const std::string error = R"("error":{"message":"Something.","type":"invalid_request_error","code":"x_y"})";
    CHECK(parse(R"({"request_id":"9ad5f6e5-c95f-905a-8c49-cea387148724",)" + error + "}", 400).provider ==
          provider::dashscope);
    CHECK(parse(R"({"request_id":"req_01kjf0gsxyej1syt7a6t1dptd1",)" + error + "}", 400).provider == provider::unknown);
    // vLLM's layout as Python prints it: a self-hosted server's, where "Qwen" is the model's maker.
    const auto vllm = parse(
        "Error code: 404 - {'object': 'error', 'message': 'The model `/data/Qwen1.5-72B-Chat` "
        "does not exist.', 'type': 'NotFoundError', 'param': None, 'code': 404}");
    CHECK(vllm.provider == provider::unknown);
    CHECK(vllm.category == category::not_found);
    // The same words outside that layout still name DashScope's models' maker.
    CHECK(parse("Error code: 404 - {'message': 'The model `qwen-max-x` does not exist.'}").provider ==
          provider::dashscope);
}

TEST_CASE("what a client wraps around a body", "[parse][renderings]") {
    SECTION("Zhipu's [code][message][request id] after a client's prefix; its code as the type") {
        const auto e =
            parse("API Error: Request rejected (429) \xC2\xB7 [1302][Too many calls this minute.][2026061020420108]");
        CHECK(e.code == "1302");
        CHECK(e.provider == provider::zhipu);
        CHECK(e.category == category::rate_limited);
        // A bracketed number alone after a prefix is no code.
        CHECK(parse("Request failed [2048] while reading.").code != "2048");
        // Z.ai's Anthropic-format endpoint puts Zhipu's business code in the type.
        const auto z =
            parse(R"({"type":"error","error":{"type":"1113","message":"Something."},"request_id":"r"})", 429);
        CHECK(z.code == "1113");
        CHECK(z.provider == provider::zhipu);
        CHECK(z.category == category::billing);
    }
    SECTION("a logger's own message= after the error's (openai-python 0.x)") {
        const auto e = parse(
            "error_code=None error_message='Rate limit reached for requests per minute.' error_param=None "
            "error_type=requests message='OpenAI API error received' stream_error=False");
        CHECK(e.message == "Rate limit reached for requests per minute.");
        CHECK(e.category == category::rate_limited);
        CHECK(e.retryable);
        // A message inside the error's message is still the innermost.
        CHECK(parse(R"(error_message='relay: {"message": "Rate limit hit."}')").message == "Rate limit hit.");
    }
    SECTION("an error object whose own error is one level deeper: the body's words and codes are read") {
        const auto e = parse(R"(Failed: {"error":{"type":"error","sequence_number":2,"error":{"type":"x",)"
                             R"("code":"y","message":"Your input exceeds the context window of this model."}}})");
        CHECK(e.category == category::context_length_exceeded);
        CHECK_FALSE(e.retryable);
        CHECK(e.message.find("context window") != std::string::npos);
    }
}

TEST_CASE("words of libraries and proxies many APIs sit behind", "[parse][words]") {
    // Envoy's failures to reach the service: the service failed, not full.
    const auto envoy = parse("upstream connect error or disconnect/reset before headers. reset reason: overflow", 503);
    CHECK(envoy.category == category::server_error);
    CHECK(envoy.retryable);
    // Hugging Face TGI's length checks.
    CHECK(parse("Input validation error: `inputs` tokens + `max_new_tokens` must be <= 100. Given: 90 `inputs` "
                "tokens and 20 `max_new_tokens`")
              .category == category::context_length_exceeded);
    CHECK(parse("Input validation error: `inputs` must have less than 100 tokens. Given: 120", 422).category ==
          category::context_length_exceeded);
    // Content filters and usage policies.
    for (const char* m : {"This request has been blocked by our content filters.",
                          "The prompt triggered Azure OpenAI's content management policy.",
                          "Your prompt was flagged as potentially violating our usage policy."}) {
        const auto e = parse(std::string(R"({"error":{"code":"x_y","message":")") + m + R"("}})", 400);
        CHECK(e.category == category::content_filtered);
    }
    // OpenAI's SDK-typed invalid_prompt (no documented wording) refined by the same words.
    CHECK(parse(R"({"error":{"code":"invalid_prompt","message":"Flagged as violating our usage policy.",)"
                R"("type":"invalid_request_error","param":null}})",
                400, provider::openai)
              .category == category::content_filtered);
    // A fair usage policy limits frequency; it is no content policy.
    CHECK(parse(R"({"error":{"code":"x_y","message":"Your usage does not comply with the Fair Usage Policy."}})", 400)
              .category != category::content_filtered);
    // A per-minute limit at a 403 (an unverified account's): it passes within the minute.
    const auto rpm = parse("RPM limit exceeded. Please verify your identity to lift the restriction.", 403);
    CHECK(rpm.category == category::rate_limited);
    CHECK(rpm.retryable);
    // Go's encoding/json on a page that is not JSON: the service did not answer properly.
    const auto page = parse("CreateChatCompletion err=error, invalid character '<' looking for beginning of value");
    CHECK(page.category == category::server_error);
    CHECK(page.retryable);
    // A feature a server does not support yet; a model name it does not serve; a request it finds wrong.
    CHECK(parse("min_p is not yet supported with this decoding mode.", 400).category == category::unsupported);
    CHECK(parse("The supported API model names are a-1 or a-2, but you passed b-3.", 400).category ==
          category::not_found);
    CHECK(parse("There was an issue with your request. Please check your inputs and try again").category ==
          category::invalid_request);
    CHECK(parse("\xE6\xA8\xA1\xE5\x9E\x8B\xE5\x90\x8D\xE7\xA7\xB0\xE4\xB8\x8D\xE8\x83\xBD\xE4\xB8\xBA\xE7\xA9\xBA")
              .category == category::invalid_request);  // 模型名称不能为空
    // A token parameter's value over the model's limit is the request's number, not its size.
    CHECK(parse("max_tokens is too large: 9000. This model supports at most 4096 completion tokens.", 400).category ==
          category::invalid_request);
    CHECK(parse("Image is too large.", 400).category == category::payload_too_large);
    // JSON Schema's and serde's words for a request that does not validate.
    CHECK(parse("// API ERROR: 3 is greater than the maximum of 2 - 'temperature'").category ==
          category::invalid_request);
    CHECK(parse("Failed to deserialize the JSON body into the target type: messages[2]: bad").category ==
          category::invalid_request);
    // A rendering's words before the key its message was read after.
    CHECK(parse("Invalid assistant message: content or tool_calls must be set").category == category::invalid_request);
    // A retired model.
    CHECK(parse(R"({"error":{"code":"x_y","message":"The model `m` has been decommissioned."}})", 400).category ==
          category::not_found);
    // A model nobody serves, in a router's and Z.ai's words.
    CHECK(parse("400 deepseek-r1t-chimera:free is not a valid model ID").category == category::not_found);
    CHECK(parse("ZaiException - Unknown Model, please check the model code.").category == category::not_found);
    // A server still loading the model.
    const auto loading = parse("OpenAIException - Loading model");
    CHECK(loading.category == category::model_loading);
    CHECK(loading.retryable);
    // A request body over a limit in bytes.
    CHECK(parse("status code: 400, message: Exceeded limit on max bytes to request body : 6291456", 400).category ==
          category::payload_too_large);
    // An organisation the provider has not verified, and a moderation system's flag.
    CHECK(parse("400 Your organization must be verified to stream this model.", 400).category ==
          category::permission_denied);
    CHECK(parse("This content was flagged for possible cybersecurity risk.").category == category::content_filtered);
    // A wrong path, in OpenAI's and Cloudflare's words.
    CHECK(parse("Invalid URL (POST /v1/v1/chat/completions)").category == category::not_found);
    CHECK(parse("Could not route to /client/v4/accounts/x/ai/v1/chat/completions").category == category::not_found);
    // Content no variant takes, and a capability no endpoint offers.
    CHECK(parse("Failed to deserialize the JSON body into the target type: messages[9]: data did not match any "
                "variant of untagged enum ChatCompletionRequestContent")
              .category == category::unsupported);
    CHECK(parse("No endpoints found that support tool use.", 404).category == category::unsupported);
    // A role's value the request must fix stays the request's.
    CHECK(parse("Failed to deserialize the JSON body into the target type: messages[1].role: unknown variant "
                "`developer`, expected one of `system`, `user`",
                400)
              .category == category::invalid_request);
    // A relay's user quota is its balance.
    CHECK(parse(R"({"error":{"message":"image pre-consumed quota failed, user quota: $0.02, need quota: $0.08",)"
                R"("type":"new_api_error","code":"insufficient_user_quota"}})",
                403)
              .category == category::billing);
}

TEST_CASE("what names a client, a model or a version is no provider's code", "[parse][words]") {
    // A client's exception, qualified by its module, then as its repr prints it: LiteLLM's, whichever provider
    // it called (DashScope documents a "ServiceUnavailableError" of its own, a 400 for an empty message).
    const std::string litellm =
        "litellm.ServiceUnavailableError: ServiceUnavailableError: OpenAIException - Service Unavailable";
    const auto at_503 = parse(litellm, 503);
    CHECK(at_503.code != "ServiceUnavailableError");
    CHECK(at_503.provider == provider::unknown);
    CHECK(at_503.category == category::overloaded);
    CHECK(at_503.retryable);
    // Python requests' "504 Server Error: Gateway Timeout": the class's name restates the status, the reason
    // says more; a model's maker in a URL's path is not who answered.
    const auto gateway = parse(
        "504 Server Error: Gateway Timeout for url: "
        "https://api-inference.huggingface.co/models/Qwen/Qwen2.5-Coder-32B-Instruct/v1/chat",
        504);
    CHECK(gateway.category == category::timeout);
    CHECK(gateway.provider == provider::unknown);
    const auto busy = parse(
        "500 Server Error: Internal Server Error for url: https://x.example/models/Qwen/Qwen2.5-72B "
        "Model too busy, unable to get response in less than 120 second(s)",
        500);
    CHECK(busy.category == category::overloaded);
    // A host in a URL still names its provider.
    CHECK(
        parse("Error: 500 for url: https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions", 500).provider ==
        provider::dashscope);
    // A model's version is no compound code ("GLM-5.3" does not end in Qianfan's code 3).
    const auto version = parse(
        "zai rejected the request for GLM-5.3 1M (Coding Plan). (HTTP 400: modelCode: does not "
        "exist)");
    CHECK(version.code != "GLM-5.3");
    CHECK(version.provider != provider::qianfan);
    CHECK(version.category == category::not_found);
}

TEST_CASE("a row documented only in another language keeps its code's meaning", "[parse][zhipu]") {
    // Zhipu documents 1311 only in Chinese (当前订阅套餐暂未开放…权限: the plan does not include the model), and
    // sends it in English too: "subscription" in it does not make it a billing fault.
    const auto e = parse(
        R"({"error":{"code":"1311","message":"Your current subscription plan does not yet include access to GLM-5"}})",
        429);
    CHECK(e.provider == provider::zhipu);
    CHECK(e.code == "1311");
    CHECK(e.category == category::permission_denied);
    CHECK_FALSE(e.retryable);
}

TEST_CASE("the status's verdict, and the words that outweigh it", "[parse][retry]") {
    // "usage limits" alone reads as a used-up allowance; at a 429 whose message says to try again later, the
    // limit passes.
    const auto later = parse(R"({"error":"Too Many Requests","message":"You have exceeded your usage limits. )"
                             R"(Please try again later."})",
                             429);
    CHECK(later.category == category::rate_limited);
    CHECK(later.retryable);
    const auto cycle =
        parse(R"({"error":{"code":"x_y","message":"You have reached your usage limit for this cycle."}})", 429);
    CHECK(cycle.category == category::quota_exhausted);
    CHECK_FALSE(cycle.retryable);
    // A row found by resemblance ("Free allocated quota exceeded": a used-up allowance), its verdict overruled
    // by the same words: the evidence says the words decided, not the row (the fuzzers' invariant).
    const auto resembled =
        parse(R"({"error":{"message":"Free allocated quota exceeded. Please try again later."}})", 429);
    REQUIRE(resembled.entry != nullptr);
    CHECK(resembled.entry->category == category::quota_exhausted);
    CHECK(resembled.category == category::rate_limited);
    CHECK(resembled.retryable);
    CHECK(resembled.evidence == llmerr::evidence::message_words);
    CHECK(resembled.retry_hint == llmerr::retry_hint::none);
    // An input over the model's length fails again whoever answers it, even at a 500.
    const auto length =
        parse(R"({"error":{"message":"Requested input length 9000 exceeds maximum input length 8192"}})", 500);
    CHECK(length.category == category::context_length_exceeded);
    CHECK_FALSE(length.retryable);
    // The provider's own words that it is overloaded hold at a 4xx ({"detail":"Decode server is overloaded"} at
    // 400, as a FastAPI server sends it: a body with no message field is read as its message).
    const auto busy = parse(R"({"detail":"The decode server is overloaded"})", 400);
    CHECK(busy.category == category::overloaded);
    CHECK(busy.retryable);
    CHECK(busy.message == R"({"detail":"The decode server is overloaded"})");
    // A row that documents no category says nothing the status does not: a status received decides.
    const std::string failed = R"({"Response":{"Error":{"Code":"FailedOperation","Message":"Operation failed."},)"
                               R"("RequestId":"r"}})";
    const auto at_500 = parse(failed, 500);
    CHECK(at_500.code == "FailedOperation");
    CHECK(at_500.category == category::server_error);
    CHECK(at_500.retryable);
    // With no status, the row's documented verdict stands.
    const auto no_status = parse(failed);
    REQUIRE(no_status.entry != nullptr);
    CHECK(no_status.category == category::unknown);
    CHECK_FALSE(no_status.retryable);
    // A time to try again in, and no other word: a limit that passes.
    const auto in_time = parse("No deployments available for the selected model, Try again in 60 seconds.");
    CHECK(in_time.category == category::rate_limited);
    CHECK(in_time.retryable);
    // A rate limit whose time to try again in is hours away passes no retry within minutes; minutes away, it does.
    const std::string tpm = R"({"error":{"message":"Rate limit reached on tokens per min (TPM). Please try again in )";
    const auto hours = parse(tpm + R"(14h29m11.04s.","type":"tokens","code":"rate_limit_exceeded"}})", 429);
    CHECK(hours.category == category::quota_exhausted);
    CHECK_FALSE(hours.retryable);
    const auto minutes = parse(tpm + R"(7m12s.","type":"tokens","code":"rate_limit_exceeded"}})", 429);
    CHECK(minutes.category == category::rate_limited);
    CHECK(minutes.retryable);
    CHECK_FALSE(parse(R"({"message":"Rate limit hit. Please try again in 2 hours."})", 429).retryable);
    // {"code","msg"} is Qianfan's shape only with a code Qianfan documents.
    CHECK(parse(R"({"code":5000,"msg":"Something failed."})", 500).provider == provider::unknown);
    CHECK(parse(R"({"code":336501,"msg":"Rate limit reached for RPM"})", 429).provider == provider::qianfan);
    // A service that says its servers have issues.
    const auto issues =
        parse(R"({"code":5000,"msg":"We're currently experiencing server issues. Try again shortly."})");
    CHECK(issues.category == category::server_error);
    CHECK(issues.retryable);
    // A gateway that lost its connection upstream.
    const auto lost = parse(R"({"body":{"html-message":"Network connection lost."}})");
    CHECK(lost.category == category::server_error);
    CHECK(lost.retryable);
    // Other words of the caller's class still yield to a 5xx.
    const auto other = parse(R"({"error":{"message":"Invalid parameter: something"}})", 500);
    CHECK(other.category == category::server_error);
    CHECK(other.retryable);
}

TEST_CASE("a code OpenAI and DashScope both send: the message decides", "[parse][openai][dashscope]") {
    const auto body = [](const std::string& message) {
        return R"({"error":{"message":")" + message +
               R"(","type":"invalid_request_error","param":"x","code":"invalid_value"}})";
    };
    // OpenAI's wording for invalid_value (an enum value the endpoint does not take).
    CHECK(parse(body("Invalid value: 'fast'. Supported values are: 'low' and 'high'."), 400).provider ==
          provider::openai);
    // DashScope's documented wording for the same code.
    CHECK(parse(body("-5 is lesser than the minimum of 0 - 'seed'"), 400).provider == provider::dashscope);
    // Neither's: nobody, and the category all agree on.
    const auto e = parse(body("Something about x."), 400);
    CHECK(e.provider == provider::unknown);
    CHECK(e.category == category::invalid_request);
    CHECK_FALSE(e.retryable);
}

TEST_CASE("OpenAI's words that a compatible provider copies: OpenAI's, unless the status tells", "[parse][openai]") {
    // DashScope's compatible mode sends OpenAI's "You exceeded your current quota" at 429 for its throttling;
    // OpenAI sends it at 429 for an unpaid account. With no status, the words are OpenAI's: a used-up balance.
    const std::string words = "You exceeded your current quota, please check your plan and billing details.";
    const auto bare = parse(words);
    CHECK(bare.provider == provider::openai);
    CHECK(bare.category == category::billing);
    CHECK_FALSE(bare.retryable);
    const auto rendered = parse("RateLimitError: " + words);
    CHECK(rendered.provider == provider::openai);
    CHECK(rendered.category == category::billing);
    // At the 429 both send, the two meanings stay apart: the status decides, and nobody is named.
    const auto at_429 = parse(words, 429);
    CHECK(at_429.provider == provider::unknown);
    CHECK(at_429.category == category::rate_limited);
    CHECK(at_429.retryable);
    // The code alone, under a relay's translation of the words: OpenAI's meaning with no status, the status's at 429.
    const std::string translated = R"({"error":{"message":"您超出了当前配额，请检查您的计划和账单明细。",)"
                                   R"("type":"insufficient_quota","param":null,"code":null}})";
    CHECK(parse(translated).category == category::billing);
    CHECK(parse(translated, 429).category == category::rate_limited);
    // DashScope's copy says whose it is by the address it adds.
    CHECK(parse(words + " For details, see: https://help.aliyun.com/zh/model-studio/error-code").provider ==
          provider::dashscope);
}

TEST_CASE("unknown codes: status, then words, and structured fields beat words", "[parse]") {
    CHECK(parse(R"({"error":{"code":"brand_new_code","message":"something"}})", 429).category ==
          category::rate_limited);
    CHECK(parse(R"({"error":{"code":"brand_new_code","message":"something"}})", 503).category == category::overloaded);
    CHECK(parse(R"({"error":{"code":"brand_new_code","message":"Input data may contain inappropriate content"}})", 400)
              .category == category::content_filtered);
    CHECK(parse(R"({"error":{"code":"brand_new_code","message":"您的账户已欠费"}})", 400).category ==
          category::billing);
    CHECK(parse(R"({"error":{"code":"x","message":"This model's maximum context length is 8192 tokens"}})", 400)
              .category == category::context_length_exceeded);
    // Context length in other APIs' words.
    for (const char* m : {"The total length of all messages is too long.", "Input is too long for requested model.",
                          "The input token count (1048577) exceeds the maximum number of tokens allowed (1048576)."}) {
        CHECK(parse(std::string(R"({"error":{"code":"x","message":")") + m + R"("}})", 400).category ==
              category::context_length_exceeded);
    }
    CHECK(parse("upstream request timeout", 504).category == category::timeout);
    // A catalogued code keeps its meaning whatever its message says.
    CHECK(parse(R"({"request_id":"r","code":"Arrearage","message":"rate limit timeout sensitive"})", 400).category ==
          category::billing);
    // A number inside a message never becomes a status.
    const auto e = parse("HTTP 429 Too Many Requests, retry in 500 ms");
    CHECK(e.http_status == 0);
    CHECK(e.category == category::rate_limited);
    // The raw code and message survive.
    const auto raw = parse(R"({"code":"Totally.New","message":"新的错误"})", 418);
    CHECK(raw.code == "Totally.New");
    CHECK(raw.message == "新的错误");
    CHECK(raw.entry == nullptr);
    CHECK(raw.category == category::invalid_request);
}

TEST_CASE("provider detection says unknown rather than guess", "[parse]") {
    // AccessDenied is documented by all three providers: the shape alone does not say who.
    const auto e = parse(R"({"error":{"code":"AccessDenied","message":"Access denied."}})", 403);
    CHECK(e.provider == provider::unknown);
    CHECK(e.entry == nullptr);
    CHECK(e.category == category::permission_denied);  // all three agree on what it means
    // A short number is anybody's code.
    CHECK(parse(R"({"error":{"code":"1","message":"Unknown error"}})", 500).provider == provider::unknown);
    CHECK(parse(R"({"error":{"code":"336501","message":"Rate limit reached for RPM"}})", 429).provider ==
          provider::qianfan);
    // A hint wins.
    CHECK(parse(R"({"error":{"code":"AccessDenied","message":"Access denied."}})", 403, provider::dashscope).provider ==
          provider::dashscope);
}

TEST_CASE("headers: request ids, Retry-After forms, x-should-retry", "[parse][headers]") {
    const std::string body = R"({"request_id":"","code":"Throttling","message":"Requests throttling triggered."})";
    SECTION("seconds, any header container, any case") {
        const std::vector<std::pair<std::string, std::string>> v{{"RETRY-AFTER", "7"}, {"X-Request-Id", "hdr"}};
        const auto e = parse(body, 429, v);
        REQUIRE(e.retry_after.has_value());
        CHECK(e.retry_after->count() == 7000);
        CHECK(e.request_id == "hdr");
        const std::unordered_map<std::string, std::string> u{{"retry-after", "1.5"}};
        CHECK(parse(body, 429, u).retry_after->count() == 1500);
        const std::multimap<std::string, std::string> mm{{"x-client-request-id", "client"}, {"x-request-id", "server"}};
        CHECK(parse(body, 429, mm).request_id == "server");
    }
    SECTION("retry-after-ms wins over Retry-After") {
        const std::map<std::string, std::string> h{{"Retry-After", "9"}, {"retry-after-ms", "250"}};
        CHECK(parse(body, 429, h).retry_after->count() == 250);
    }
    SECTION("HTTP-date, relative to now") {
        namespace chr = std::chrono;
        const auto now = chr::system_clock::time_point(chr::seconds(784111777));  // Sun, 06 Nov 1994 08:49:37 GMT
        for (const char* date :
             {"Sun, 06 Nov 1994 08:50:07 GMT", "Sunday, 06-Nov-94 08:50:07 GMT", "Sun Nov  6 08:50:07 1994"}) {
            INFO(date);
            llmerr::detail::header_info h;
            llmerr::detail::read_header(h, "Retry-After", date, now);
            REQUIRE(h.retry_after.has_value());
            CHECK(h.retry_after->count() == 30000);
        }
        llmerr::detail::header_info past;
        llmerr::detail::read_header(past, "Retry-After", "Sun, 06 Nov 1994 08:00:00 GMT", now);
        CHECK(past.retry_after->count() == 0);
        llmerr::detail::header_info junk;
        llmerr::detail::read_header(junk, "Retry-After", "soon", now);
        CHECK_FALSE(junk.retry_after.has_value());
        llmerr::detail::header_info huge;
        llmerr::detail::read_header(huge, "Retry-After", "99999999999999999999", now);
        CHECK(huge.retry_after->count() == llmerr::detail::max_retry_after_ms);
    }
    SECTION("x-should-retry overrides the catalogue") {
        const std::map<std::string, std::string> no{{"x-should-retry", "false"}};
        const auto e = parse(body, 429, no);
        CHECK_FALSE(e.retryable);
        CHECK(e.should_retry == false);
        const std::map<std::string, std::string> yes{{"X-Should-Retry", "true"}};
        CHECK(parse(R"({"error":{"code":"MissingParameter","message":"m"}})", 400, yes).retryable);
    }
    SECTION("a provider's own response headers name it when the body does not") {
        // An OpenAI-shaped body several providers send word for word.
        const std::string shared =
            R"({"error":{"message":"Unknown parameter: 'quality'.","type":"invalid_request_error","param":"quality","code":"unknown_parameter"}})";
        CHECK(parse(shared, 400).provider == provider::unknown);
        const std::map<std::string, std::string> openai{{"Openai-Organization", "user-x"},
                                                        {"Openai-Processing-Ms", "87"}};
        CHECK(parse(shared, 400, openai).provider == provider::openai);
        const std::map<std::string, std::string> openai_id{{"X-Request-Id", "req_f3aa46fca70f6e573cbd6c099b79e7ff"}};
        const auto by_id = parse(shared, 400, openai_id);
        CHECK(by_id.provider == provider::openai);
        CHECK(by_id.request_id == "req_f3aa46fca70f6e573cbd6c099b79e7ff");
        const std::map<std::string, std::string> deepseek{{"X-Ds-Trace-Id", "2637f52200f69f38b5ad8be4e5c29fb9"}};
        const auto ds = parse(shared, 400, deepseek);
        CHECK(ds.provider == provider::deepseek);
        CHECK(ds.request_id == "2637f52200f69f38b5ad8be4e5c29fb9");
        // Azure OpenAI's UUID request ids, and an id that only looks like OpenAI's, name nobody.
        const std::map<std::string, std::string> azure{{"x-request-id", "7acf5821-70fa-4fab-b202-ba3700578d08"},
                                                       {"apim-request-id", "aebd8320-f701-4e7d-801f-2955f84e3811"}};
        CHECK(parse(shared, 400, azure).provider == provider::unknown);
        const std::map<std::string, std::string> other{{"x-request-id", "req_011CSHoEeqs5C35K2UUqR7Fy"}};
        CHECK(parse(shared, 400, other).provider == provider::unknown);
        // The raw header block, as libcurl hands it over, reads the same.
        CHECK(parse(shared, 400, llmerr::raw_headers{"HTTP/1.1 400 Bad Request\r\nopenai-version: 2020-10-01\r\n\r\n"})
                  .provider == provider::openai);
    }
}

TEST_CASE("find_error on success bodies", "[parse][find_error]") {
    CHECK_FALSE(
        llmerr::find_error(
            200,
            R"({"id":"chatcmpl-1","object":"chat.completion","choices":[{"message":{"content":"{\"error\":1}"}}]})")
            .has_value());
    CHECK_FALSE(llmerr::find_error(200, R"({"output":{"text":"hi"},"usage":{},"request_id":"r"})").has_value());
    CHECK_FALSE(llmerr::find_error(200, R"({"code":0,"message":"success","data":{}})").has_value());
    CHECK_FALSE(llmerr::find_error(204, "").has_value());
    CHECK_FALSE(llmerr::find_error(200, R"({"error":null,"result":"ok"})").has_value());
    CHECK(
        llmerr::find_error(200, R"({"error_code":17,"error_msg":"Open api daily request limit reached"})").has_value());
    CHECK(llmerr::find_error(200, R"({"id":"as-1","error":{"code":"x","message":"y"}})").has_value());
    CHECK(llmerr::find_error(500, "").has_value());
    CHECK(llmerr::find_error(0, "Service Unavailable").has_value());
    CHECK_FALSE(llmerr::find_error(0, R"({"choices":[]})").has_value());
}

// find_error skips the scan of a body that cannot name an error key or event (detail::may_hold_error):
// keys spelled with escapes, error events in any case, and long bodies (the 32-byte blocks) must still count.
TEST_CASE("find_error on 2xx: escaped keys, event names, long bodies", "[parse][find_error]") {
    CHECK(llmerr::find_error(200, R"({"\u0065rror":{"message":"m"}})").has_value());
    CHECK(llmerr::find_error(200, R"({"err\u006Fr":{"message":"m"}})").has_value());
    CHECK(llmerr::find_error(200, R"({"error\u005fcode":336501,"error_msg":"x"})").has_value());
    CHECK(llmerr::find_error(200, R"({"c\u006fde":"Throttling","message":"m"})").has_value());
    CHECK(llmerr::find_error(200, "event: ERROR\ndata: {\"message\":\"m\"}\n\n").has_value());
    CHECK(llmerr::find_error(200, "event:error\r\ndata: x\r\n\r\n").has_value());
    CHECK_FALSE(llmerr::find_error(200, "event: errors\ndata: {}\n\n").has_value());
    // A nested "code" passes the quick test and is then rejected by the scan.
    CHECK_FALSE(llmerr::find_error(200, R"({"choices":[{"finish_reason":"stop"}],"usage":{"code":"x"}})").has_value());
    for (std::size_t pad = 0; pad < 70; ++pad) {
        const std::string filler(pad, 'a');
        const std::string err = R"({"x":")" + filler + R"(","code":"InvalidApiKey","message":"m"})";
        const std::string ok = R"({"x":")" + filler + R"(","codes":"InvalidApiKey","message":"m"})";
        CHECK(llmerr::find_error(200, err).has_value());
        CHECK_FALSE(llmerr::find_error(200, ok).has_value());
        CHECK(llmerr::find_error(200, "data: {\"p\":\"" + filler + "\"}\n\nevent: error\ndata: {}\n\n").has_value());
    }
}

TEST_CASE("provider_from_url", "[url]") {
    static_assert(llmerr::provider_from_url("https://ark.cn-beijing.volces.com/api/v3") == provider::ark);
    CHECK(llmerr::provider_from_url("ark.ap-southeast.bytepluses.com") == provider::ark);
    CHECK(llmerr::provider_from_url("https://dashscope.aliyuncs.com/compatible-mode/v1") == provider::dashscope);
    CHECK(llmerr::provider_from_url("https://dashscope-intl.aliyuncs.com/api/v1/services") == provider::dashscope);
    CHECK(llmerr::provider_from_url("coding.dashscope.aliyuncs.com") == provider::dashscope);
    CHECK(llmerr::provider_from_url("https://qianfan.baidubce.com/v2/chat/completions") == provider::qianfan);
    CHECK(llmerr::provider_from_url(
              "https://aip.baidubce.com/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/x?access_token=t") ==
          provider::qianfan);
    CHECK(llmerr::provider_from_url("HTTPS://ARK.CN-BEIJING.VOLCES.COM:443/") == provider::ark);
    CHECK(llmerr::provider_from_url("https://user@dashscope.aliyuncs.com.") == provider::dashscope);
    CHECK(llmerr::provider_from_url("https://ark.cn-beijing.volces.com.evil.example/") == provider::unknown);
    CHECK(llmerr::provider_from_url("https://evil.example/?u=dashscope.aliyuncs.com") == provider::unknown);
    CHECK(llmerr::provider_from_url("https://notaip.baidubce.com") == provider::unknown);
    CHECK(llmerr::provider_from_url("") == provider::unknown);
    CHECK(llmerr::provider_from_url("[::1]:8080") == provider::unknown);
}
