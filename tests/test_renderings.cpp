// SPDX-License-Identifier: MIT
// The forms errors really reach programs in (client renderings, wrappers, compound codes, bare messages) and
// the rules that classify them: the most specific documented code wins, weak evidence never contradicts the
// status class, the provider comes from vocabulary, and llm_error::evidence says how the verdict was reached.
// The texts follow the shapes of real reports (tests/realworld/ has the reports themselves).
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include <llmerr/llmerr.hpp>

#include "catch.hpp"

using llmerr::category;
using llmerr::evidence;
using llmerr::parse;
using llmerr::provider;

TEST_CASE("a compound code resolves to the most specific documented code inside it", "[parse][renderings]") {
    // DashScope's SDKs: "<400> InternalError.Algo.InvalidParameter: …" is the caller's mistake, not a 500.
    const auto e = parse("<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, 30720]");
    CHECK(e.provider == provider::dashscope);
    CHECK(e.code == "InternalError.Algo.InvalidParameter");
    CHECK(e.http_status == 400);
    CHECK(e.category == category::context_length_exceeded);
    CHECK_FALSE(e.retryable);
    CHECK(e.evidence == evidence::compound_code);

    const auto m = parse(
        "[API Error: 400 <400> InternalError.Algo.DataInspectionFailed: Input text data may contain "
        "inappropriate content.]");
    CHECK(m.category == category::content_filtered);
    CHECK_FALSE(m.retryable);
    CHECK(m.message == "Input text data may contain inappropriate content.");
}

TEST_CASE("a family or prefix never contradicts the status class", "[parse][renderings]") {
    // An undocumented InternalError.Algo.* with a 4xx written before it: the caller's side, whatever the prefix.
    const auto e = parse("<400> InternalError.Algo.SomethingNew: the input is malformed");
    CHECK(e.code == "InternalError.Algo.SomethingNew");
    CHECK(e.http_status == 400);
    CHECK(e.category == category::invalid_request);
    CHECK_FALSE(e.retryable);
    CHECK(e.evidence == evidence::http_status);
    // The same family with a 5xx keeps its documented meaning.
    const auto s = parse("<500> InternalError.Algo.SomethingNew: an error in the algorithm");
    CHECK(s.category == category::server_error);
    CHECK(s.retryable);
    CHECK(s.evidence == evidence::code_family);
    // Words alone do not turn a 400 into a retryable server error.
    const auto w = parse(R"({"error":{"message":"internal server error in validation","type":"x"}})", 400);
    CHECK(w.category == category::invalid_request);
    CHECK_FALSE(w.retryable);
}

TEST_CASE("client renderings give their code, message, status and request id", "[parse][renderings]") {
    SECTION("openai-python: Error code: N - {python dict}") {
        const auto e = parse(
            "openai.BadRequestError: Error code: 400 - {'error': {'code': 'InvalidParameter', 'message': "
            "'The parameter `max_tokens` specified in the request are not valid. Request id: "
            "0217280951205813c183a1fb82c613f4d4485b7d388d5b4d02e7e', 'param': '', 'type': "
            "'BadRequest'}}");
        CHECK(e.provider == provider::ark);  // Ark's request-id format and `type` word
        CHECK(e.code == "InvalidParameter");
        CHECK(e.http_status == 400);
        CHECK(e.category == category::invalid_request);
        CHECK(e.type == "BadRequest");
        CHECK(e.request_id == "0217280951205813c183a1fb82c613f4d4485b7d388d5b4d02e7e");
        CHECK(e.envelope == llmerr::envelope::rendering);
    }
    SECTION("DashScope Python SDK: status_code, code, message") {
        const auto e = parse(
            "sync_call Failed, status_code: 400, code: Arrearage, message: Access denied, please make "
            "sure your account is in good standing.");
        CHECK(e.provider == provider::dashscope);
        CHECK(e.code == "Arrearage");
        CHECK(e.http_status == 400);
        CHECK(e.category == category::billing);
        CHECK(e.message == "Access denied, please make sure your account is in good standing.");
    }
    SECTION("DashScope Java SDK re-serialisation") {
        const auto e =
            parse(R"(com.alibaba.dashscope.exception.ApiException: {"statusCode":403,"message":"Access denied.",)"
                  R"("code":"AccessDenied","isJson":true,"requestId":"bb33ef98-29c4-902b-8306-08658c6c71aa"})");
        CHECK(e.provider == provider::dashscope);  // not Qianfan IAM, whose body has the same keys
        CHECK(e.code == "AccessDenied");
        CHECK(e.category == category::permission_denied);
    }
    SECTION("JS util.inspect object") {
        const auto e = parse(
            "ProviderBizError: {\n  code: 'InvalidEndpoint.NotFound',\n  message: 'The request targeted "
            "an endpoint that does not exist or is invalid.',\n  param: '',\n  type: 'NotFound'\n}");
        CHECK(e.provider == provider::ark);
        CHECK(e.code == "InvalidEndpoint.NotFound");
        CHECK(e.category == category::not_found);
    }
    SECTION("qianfan Python SDK text") {
        const auto e = parse(
            "qianfan.errors.APIError: api return error, req_id: as-3gka9qjt2p code: 336003, msg: the "
            "length of messages must be an odd number");
        CHECK(e.provider == provider::qianfan);
        CHECK(e.code == "336003");
        CHECK(e.request_id == "as-3gka9qjt2p");
        CHECK(e.message == "the length of messages must be an odd number");
        CHECK(e.category == category::invalid_request);
    }
    SECTION("a Qianfan v1 body printed as a Python dict") {
        const auto e =
            parse("response text={'error_code': 336000, 'error_msg': 'Internal error', 'id': 'as-pvj2b5gaq8'}");
        CHECK(e.provider == provider::qianfan);
        CHECK(e.code == "336000");
        CHECK(e.category == category::server_error);
        CHECK(e.retryable);
    }
    SECTION("a body escaped once inside a wrapper's string") {
        const auto e =
            parse(R"({"error":{"message":"upstream: {\"code\":\"InvalidApiKey\",\"message\":\"Invalid API-key )"
                  R"(provided.\",\"request_id\":\"01415ff3-53f4-989d-83c0-3eb61fa1418e\"}","type":"upstream_error"}})");
        CHECK(e.provider == provider::dashscope);
        CHECK(e.category == category::authentication);
        CHECK_FALSE(e.retryable);
    }
    SECTION("a relay's 502 around the provider's <400>") {
        const auto e =
            parse(R"({"error":{"message":"<400> InternalError.Algo.InvalidParameter: The \"function.arguments\" )"
                  R"(parameter of the code model must be in JSON format.","type":"upstream_error","code":502}})",
                  502);
        CHECK(e.code == "InternalError.Algo.InvalidParameter");  // the provider's code, not the relay's number
        CHECK(e.http_status == 502);                             // as received
        CHECK(e.category == category::invalid_request);
        CHECK_FALSE(e.retryable);
    }
    SECTION("a code written before its message, no key") {
        const auto e = parse("InvalidParameter:User and assistant need to appear alternately in the message");
        CHECK(e.code == "InvalidParameter");
        CHECK(e.category == category::invalid_request);
    }
}

TEST_CASE("the provider comes from the code's vocabulary before the body's shape", "[parse][renderings]") {
    // An Ark code in a flat {code, message, request_id} object — DashScope native's shape — is Ark's.
    const auto e =
        parse(R"({"code":"InvalidEndpointOrModel.NotFound","message":"The model or endpoint doubao-seed-1.6 )"
              R"(does not exist or you do not have access to it.","request_id":"202507290717200000C752EF37"})",
              404);
    CHECK(e.provider == provider::ark);
    CHECK(e.category == category::not_found);
    CHECK(e.evidence == evidence::exact_code);
}

TEST_CASE("Baidu's OAuth token endpoint", "[parse][renderings]") {
    const auto e = parse(R"({"error_description":"unknown client id","error":"invalid_client"})");
    CHECK(e.provider == provider::qianfan);
    CHECK(e.code == "invalid_client");
    CHECK(e.message == "unknown client id");
    CHECK(e.category == category::authentication);
    CHECK_FALSE(e.retryable);
    CHECK(e.envelope == llmerr::envelope::error_string);
}

TEST_CASE("gateway statuses: 502 is a server error, 503 overload, 504 timeout", "[parse][renderings]") {
    const std::string page = "<html><head><title>Bad Gateway</title></head><body>nginx</body></html>";
    CHECK(parse(page, 502).category == category::server_error);
    CHECK(parse(page, 503).category == category::overloaded);
    CHECK(parse(page, 504).category == category::timeout);
    for (int s : {502, 503, 504}) CHECK(parse(page, s).retryable);
}

TEST_CASE("a relay's own failure is classified by what it says, not by the status it chose", "[parse][renderings]") {
    const auto e = parse(R"({"error":{"message":"get request url failed: unsupported relay mode 2 for doubao","type":)"
                         R"("one_api_error","param":"","code":"do_request_failed"}})",
                         500);
    CHECK(e.category == category::unsupported);
    CHECK_FALSE(e.retryable);
    // A rebranded fork names its type after itself: still a relay's own failure, its 500 says nothing.
    const auto fork = parse(R"x({"error":{"message":"limit_error (request id: 2026032317520838305)","type":)x"
                            R"("rix_api_error","param":"","code":"rate_limit"}})",
                            500);
    CHECK(fork.category == category::rate_limited);
    CHECK(fork.retryable);
    // OpenAI's and Anthropic's own `api_error` is the provider's server error: the 500 holds.
    CHECK(parse(R"({"error":{"message":"limit_error","type":"api_error","code":"rate_limit"}})", 500).category ==
          category::server_error);
}

TEST_CASE("a message without a code: documented patterns, then resemblance, then words", "[parse][renderings]") {
    SECTION("the documented message, misspelt") {
        const auto e = parse("ERROR the request targetted an endpoint that does not exsit or is invalid");
        CHECK(e.provider == provider::ark);
        CHECK(e.category == category::not_found);
        CHECK(e.evidence == evidence::message_similarity);
    }
    SECTION("a documented message of anyone's words, cut short and misspelt: the words, not the provider") {
        // Ark's "The request failed because your account has an overdue balance.": every word of it is in the
        // messages of three or more providers.
        const auto e = parse("ERROR request failed because your acount has an overdue balanc");
        CHECK(e.provider == provider::unknown);
        CHECK(e.category == category::billing);
        CHECK_FALSE(e.retryable);
    }
    SECTION("a Chinese description, paraphrased inside a log line") {
        const auto e = parse("调用失败：当前账号欠费，如需继续调用请前往火山交易中心充值");
        CHECK(e.provider == provider::ark);
        CHECK(e.category == category::billing);
        CHECK(e.evidence == evidence::message_similarity);
    }
    SECTION("words only, the earliest deciding") {
        const auto e = parse("Streaming request timeout after 46s. Try reducing input length.");
        CHECK(e.category == category::timeout);
        CHECK(e.retryable);
        CHECK(e.evidence == evidence::message_words);
    }
    SECTION("nothing at all") {
        const auto e = parse("something happened");
        CHECK(e.category == category::unknown);
        CHECK(e.evidence == evidence::none);
    }
}

TEST_CASE("evidence names", "[evidence]") {
    for (std::size_t i = 0; i < llmerr::evidence_count; ++i) {
        const auto v = static_cast<evidence>(i);
        CHECK(llmerr::evidence_from_string(llmerr::to_string(v)) == v);
    }
    CHECK(llmerr::to_string(evidence::compound_code) == "compound_code");
    CHECK_FALSE(llmerr::evidence_from_string("guess").has_value());
    CHECK(parse("", 429).evidence == evidence::http_status);
    CHECK(parse(R"({"code":"InvalidApiKey","message":"Invalid API-key provided.","request_id":"x"})", 401).evidence ==
          evidence::exact_code);
    CHECK(
        parse(
            R"({"error":{"code":"invalid_api_key","message":"Incorrect API key provided."},"request_id":"1b2c3d4e-0000-4a1b-8c2d-3e4f5a6b7c8d"})",
            401)
            .evidence == evidence::alias);
}

TEST_CASE("DashScope's \"<400> Code: message\" at the start of a body is a rendering, not markup",
          "[parse][renderings]") {
    const auto e = parse("<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, 30720]");
    CHECK(e.envelope == llmerr::envelope::rendering);
    CHECK(e.message == "Range of input length should be [1, 30720]");
    CHECK(parse("<html><body>oops</body></html>", 500).envelope == llmerr::envelope::html);
    CHECK(parse("<!DOCTYPE html><html></html>", 500).envelope == llmerr::envelope::html);
}

TEST_CASE("DashScope's asynchronous task that failed inside an HTTP 200", "[parse][renderings]") {
    const std::string body =
        R"({"request_id":"7574ee8f-38a3-4b1e-9280-11c33ab46e51","output":{"task_id":"e6b0c3b7",)"
        R"("task_status":"FAILED","code":"DataInspectionFailed","message":"Input data may contain )"
        R"(inappropriate content."},"usage":{"image_count":0}})";
    const auto e = llmerr::find_error(200, body);
    REQUIRE(e.has_value());
    CHECK(e->envelope == llmerr::envelope::task);
    CHECK(e->provider == provider::dashscope);
    CHECK(e->code == "DataInspectionFailed");
    CHECK(e->category == category::content_filtered);
    CHECK(e->request_id == "7574ee8f-38a3-4b1e-9280-11c33ab46e51");
    const std::string running = R"({"request_id":"r","output":{"task_id":"t","task_status":"RUNNING"}})";
    CHECK_FALSE(llmerr::find_error(200, running).has_value());
}

TEST_CASE("words count only where they fit the status", "[parse][renderings]") {
    SECTION("a 503 that says too many requests because of system capacity is an overload") {
        const auto e =
            parse(R"({"code":"Unlisted","message":"Too many requests: throttled due to system capacity"})", 503);
        CHECK(e.category == category::overloaded);
        CHECK(e.retryable);
        // The text decided (its words, or DashScope's documented "… throttled due to system capacity limits"
        // it resembles: an undocumented code leaves the wording to decide), not the status.
        CHECK((e.evidence == evidence::message_words || e.evidence == evidence::message_similarity));
    }
    SECTION("the same words at 429 are a rate limit") {
        const auto e =
            parse(R"({"code":"Unlisted","message":"Too many requests: throttled due to system capacity"})", 429);
        CHECK(e.category == category::rate_limited);
    }
    SECTION("429 also carries capacity: an upstream saturated is an overload") {
        const auto e =
            parse(R"({"error":{"message":"upstream load saturated, retry later","type":"upstream_error"}})", 429);
        CHECK(e.category == category::overloaded);
        CHECK(e.retryable);
    }
    SECTION("a catch-all word of the caller's class says less than a 4xx with a meaning of its own") {
        const auto refused =
            parse("websockets.exceptions.InvalidStatus: server rejected WebSocket connection: HTTP 403", 403);
        CHECK(refused.category == category::permission_denied);
        const auto limited = parse(R"({"code":"Unlisted","message":"invalid: missing quota headroom"})", 429);
        CHECK(limited.category == category::rate_limited);
        CHECK(limited.retryable);
        // At a plain 400 the same words still decide, and a specific word still beats the status.
        CHECK(parse(R"({"code":"Unlisted","message":"invalid value"})", 400).evidence == evidence::message_words);
        CHECK(parse(R"({"code":"Unlisted","message":"model does not exist"})", 403).category == category::not_found);
    }
    SECTION("a 500 never becomes a caller's fault on words alone") {
        const auto e = parse(R"({"code":"Unlisted","message":"unsupported relay mode"})", 500);
        CHECK(e.category == category::server_error);
        CHECK(e.retryable);
        CHECK(e.evidence == evidence::http_status);
    }
}

TEST_CASE("words that name a sub-kind refine a catch-all code", "[parse][renderings]") {
    SECTION("a size in pixels over a limit is payload_too_large") {
        const auto e = parse(
            R"({"error":{"code":"InvalidParameter","message":"Image 0 failed: Image exceeds the maximum allowed total pixels.","type":"BadRequest"}})",
            400, provider::ark);
        CHECK(e.category == category::payload_too_large);
        CHECK_FALSE(e.retryable);
    }
    SECTION("a size under a limit is not") {
        const auto e = parse(
            R"({"error":{"code":"InvalidParameter","message":"image size must be at least 3686400 pixels","type":"BadRequest"}})",
            400, provider::ark);
        CHECK(e.category == category::invalid_request);
    }
    SECTION("a type the endpoint does not know is unsupported, also when only the wording resembles the doc's") {
        const auto e = parse("The parameter `include` specified in the request are not valid: unknown type: x.y.", 400);
        CHECK(e.category == category::unsupported);
    }
    SECTION("credentials named as identifiers or a pair") {
        CHECK(parse(R"({"error":true,"message":"missing BAIDU_API_KEY or BAIDU_SECRET_KEY in env"})").category ==
              category::authentication);
        CHECK(parse("AK(bce-v3***) is not correct, please check! AK/SK should be obtained from the console").category ==
              category::authentication);
        CHECK(parse("sdk.errors.InvalidTokenError: no permission, get a valid access token").category ==
              category::authentication);
    }
    SECTION("Spring's 404 for a path it does not serve") {
        CHECK(parse("BadRequestError: No static resource v1/chat/completions/chat/completions.").category ==
              category::not_found);
    }
}

TEST_CASE("a documented code at a 404 its wording does not fit is a wrong path", "[parse][renderings]") {
    // Ark documents InvalidAction as a state conflict at 400; at 404 with other words it is a URL that is not there.
    const auto e = parse(
        R"({"error":{"code":"InvalidAction","message":"The specified action is invalid: /api/v3/x/v1/x","type":"NotFound"}})",
        404, provider::ark);
    CHECK(e.category == category::not_found);
    CHECK(e.evidence == evidence::http_status);
    // The documented wording keeps the documented meaning, whatever the status.
    const auto d = parse(
        R"({"error":{"code":"InvalidAction","message":"The requested action is not valid for the current resource state."}})",
        404, provider::ark);
    CHECK(d.category == category::conflict);
}

TEST_CASE("an envelope with no fields of its own is a wrapper: what it holds is read", "[parse][renderings]") {
    const auto e = parse(
        R"({"error":{"headers":{"content-type":"application/json"},"error_code":336006,"error_msg":"the length of messages must be an odd number","id":"as-abc"},"provider":"wenxin"})");
    CHECK(e.provider == provider::qianfan);
    CHECK(e.code == "336006");
    CHECK(e.category == category::invalid_request);
}

TEST_CASE("rendered values in curly quotes and escaped values cut short are read", "[parse][renderings]") {
    const auto c = parse(
        "error: code: \xE2\x80\x9CInvalidApiKey\xE2\x80\x9D, message: \xE2\x80\x9CInvalid API-key "
        "provided.\xE2\x80\x9D");
    CHECK(c.code == "InvalidApiKey");
    CHECK(c.category == category::authentication);
    const auto t = parse(R"(log: {\"code\":\"InvalidApiKey\",\"message\":\"Invalid API-key provided.\tSee docs\"})");
    CHECK(t.message.find('\t') != std::string::npos);
    CHECK(t.category == category::authentication);
    const auto x = parse(
        R"(failed: {\"code\":\"Arrearage\",\"message\":\"Access denied, please make sure\r\nyour account is in good standing)");
    CHECK(x.code == "Arrearage");
    CHECK(x.category == category::billing);
}

TEST_CASE("a text that names two providers equally names neither", "[parse][renderings]") {
    CHECK(parse("fallback failed: dashscope timed out, then qianfan timed out").provider == provider::unknown);
    CHECK(parse("fallback failed: dashscope timed out, then qianfan (wenxin) timed out").provider == provider::qianfan);
}

TEST_CASE("a rendered message wrapped over indented lines is read whole, quoted upstream JSON included",
          "[parse][renderings]") {
    const auto e = parse(
        "[API Error: <500> InternalError.Algo.SomeNewFailure: the upstream said \n"
        "    [{\"status_code\":503,\"status_message\":\"Your requests are throttled \n"
        "    due to system capacity limits.\"}]]");
    CHECK(e.message.find("system capacity") != std::string::npos);
    CHECK(e.category == category::overloaded);
    CHECK(e.retryable);
    // An unindented next line is another log line, not the message's.
    const auto f = parse("<400> InternalError.Algo.InvalidParameter: bad input\nINFO next request sent");
    CHECK(f.message == "bad input");
}

// The rules that came with the providers of 0.2 (issue #13). Each input is the shape of a real case of
// tests/realworld (minimax-w024/w017, moonshot-w013/w016, deepseek-w014/w034, qianfan-033), reduced.
TEST_CASE("a documented code in parentheses at the end of the message", "[parse][renderings][providers]") {
    // MiniMax's compatible endpoints: the status_code after the status_msg. Its documented wording names
    // the provider; the code's row beats the 5xx status class.
    const auto e =
        parse(R"x({"type":"error","error":{"type":"api_error","message":"insufficient balance (1008)"}})x", 500);
    CHECK(e.provider == provider::minimax);
    CHECK(e.code == "1008");
    CHECK(e.category == category::billing);
    CHECK_FALSE(e.retryable);
    // Not a code: a number in a call, or not at the end.
    CHECK(llmerr::detail::trailing_paren_code("tool id(12345)").empty());
    CHECK(llmerr::detail::trailing_paren_code("failed (1008) at step 2").empty());
    CHECK(llmerr::detail::trailing_paren_code("invalid api key (2049).") == "2049");
}

TEST_CASE("the type stands for the code when the code field names no row", "[parse][renderings][providers]") {
    // Moonshot documents its errors by type; a client put its class name in the code.
    const auto e = parse(
        R"({"error":{"code":"openai.PermissionDeniedError","message":"Your account is not active, exceeded current quota","type":"exceeded_current_quota_error"}})",
        403);
    CHECK(e.provider == provider::moonshot);
    CHECK(e.code == "openai.PermissionDeniedError");  // the code field survives as sent
    REQUIRE(e.entry != nullptr);
    CHECK(e.entry->code == "exceeded_current_quota_error");
    // With no code field, the type is the code.
    CHECK(parse(R"({"error":{"message":"x","type":"engine_overloaded_error"}})", 429).code ==
          "engine_overloaded_error");
    CHECK(e.category == category::billing);
    // A type several providers send does not decide the provider when the code is documented elsewhere.
    const auto f = parse(
        R"({"error":{"message":"Insufficient Balance","type":"unknown_error","code":"invalid_request_error"}})", 402);
    CHECK(f.category == category::billing);
}

TEST_CASE("a provider's documented status row counts only when the message says what it documents",
          "[parse][renderings][providers]") {
    const auto e =
        parse(R"x({"error":{"message":"Authentication Fails (no such user)","type":"authentication_error"}})x", 401,
              provider::deepseek);
    REQUIRE(e.entry != nullptr);
    CHECK(e.entry->code == "401");
    CHECK(e.evidence == evidence::message_similarity);  // the documented message, found through the status
    // The same status with other words: the words decide, not the row.
    const auto f =
        parse(R"({"error":{"message":"Content Exists Risk","type":"invalid_request_error"}})", 400, provider::deepseek);
    CHECK(f.category == category::content_filtered);
}

TEST_CASE("a generic documented phrase does not name a provider", "[parse][renderings][providers]") {
    // "invalid api key" is MiniMax's documented wording, and every client's: it says authentication, not who.
    const auto e = parse("RuntimeError: request timeout");
    CHECK(e.provider == provider::unknown);
    CHECK(e.category == category::timeout);
    CHECK(llmerr::detail::names_its_provider(*llmerr::lookup(provider::dashscope, "InvalidApiKey")));
}

TEST_CASE("words of the new providers' messages", "[parse][renderings][providers]") {
    CHECK(parse("deepseek-reasoner does not support successive user or assistant messages", 400).category ==
          category::invalid_request);
    CHECK(parse("The request was rejected because it was considered high risk", 400).category ==
          category::content_filtered);
    CHECK(parse("The SecretId is not found, please ensure that your SecretId is correct.").category ==
          category::authentication);
    CHECK(parse("Weekly/Monthly Limit Exhausted. Your limit will reset at 2026-06-25", 429).category ==
          category::quota_exhausted);
    CHECK(parse("cause: Prompt exceeds max length", 400).category == category::context_length_exceeded);
}

TEST_CASE("the gram index counts the grams a message shares with every documented text, as a merge would",
          "[parse][similarity]") {
    namespace d = llmerr::detail;
    // The documented texts of the catalogue, and messages that resemble some of them and not others.
    std::vector<std::vector<std::uint32_t>> texts;
    for (const auto& e : llmerr::entries()) {
        texts.push_back(d::grams_of(d::fold_for_similarity(e.message, true)));
        texts.push_back(d::grams_of(d::fold_for_similarity(e.description, true)));
    }
    texts.emplace_back();  // an empty text counts nothing
    const d::gram_index index(texts);
    REQUIRE(index.size() == texts.size());
    const char* messages[] = {
        "ERROR request failed because your acount has an overdue balanc",
        "调用失败：当前账号欠费，如需继续调用请前往火山交易中心充值",
        "You exceeded your current quota, please check your plan and billing details.",
        "The parameter max_tokens specified in the request are not valid: integer above maximum value",
        "",
        "zzzz qqqq nothing documented at all",
    };
    for (const char* m : messages) {
        const std::vector<std::uint32_t> grams = d::grams_of(d::fold_for_similarity(m, false));
        const std::vector<std::uint32_t> shared = index.shared(grams);
        REQUIRE(shared.size() == texts.size());
        std::size_t mismatches = 0, some = 0;
        for (std::size_t t = 0; t < texts.size(); ++t) {
            std::vector<std::uint32_t> both;  // the naive count: a set intersection
            std::set_intersection(grams.begin(), grams.end(), texts[t].begin(), texts[t].end(),
                                  std::back_inserter(both));
            mismatches += shared[t] != both.size() ? 1U : 0U;
            some += both.empty() ? 0U : 1U;
            CHECK(index.grams(t) == texts[t].size());
        }
        CHECK(mismatches == 0);
        if (grams.size() > 20) CHECK(some > 0);
    }
    CHECK(d::resemblance(14, 14, 100) == 1000);
    CHECK(d::resemblance(13, 100, 100) == 0);  // too few shared
    CHECK(d::resemblance(20, 40, 13) == 0);    // the smaller set too small
    CHECK(d::resemblance(28, 40, 56) == 700);
}

TEST_CASE("the gram index reports every text that reaches the floor, and the pair index files every pattern",
          "[parse][renderings][similarity]") {
    namespace d = llmerr::detail;
    // The counts' report of texts reaching `least` (resemble_documented's candidates): exactly the texts whose
    // count is at least `least`, each once.
    const d::gram_index& index = d::documented_gram_index();
    for (const char* m : {"You exceeded your current quota, please check your plan and billing details.",
                          "Incorrect API key provided", "当前分组上游负载已饱和，请稍后再试", "x"}) {
        const std::vector<std::uint32_t> grams = d::grams_of(d::fold_for_similarity(m, false));
        for (const std::uint32_t least : {1U, 14U, 24U}) {
            std::vector<std::uint32_t> reached;
            const std::vector<std::uint32_t> shared =
                index.shared(grams, least, [&](std::uint32_t t) { reached.push_back(t); });
            std::vector<std::uint32_t> expected;
            for (std::uint32_t t = 0; t < shared.size(); ++t) {
                if (shared[t] >= least) expected.push_back(t);
            }
            std::sort(reached.begin(), reached.end());
            CHECK(reached == expected);
        }
    }
    // match_documented's candidates: a message the pattern matches (its literal segments, joined by other
    // text) reaches the row through one of the message's byte pairs, or the pattern has none.
    const d::pattern_pair_index& by_pair = d::documented_pattern_pairs();
    const std::vector<d::pattern_segments>& patterns = d::documented_patterns();
    std::size_t filed = 0;
    for (std::size_t row = 0; row < patterns.size(); ++row) {
        if (patterns[row].literal < 12) continue;
        std::string text;
        for (const std::string& segment : patterns[row].lowered) text += segment + " 7 ";
        const d::lowered_message m(text);
        REQUIRE(d::match_segments(patterns[row], m) == patterns[row].literal);
        bool reached = false;
        for (unsigned b = 0; b <= 256 && !reached; ++b) {
            const bool has_pair = b == 256 || ((m.pairs().bits[b >> 6] >> (b & 63U)) & 1U) != 0;
            for (std::size_t k = by_pair.first[b]; k < by_pair.first[b + 1] && has_pair; ++k)
                reached = reached || by_pair.rows[k] == row;
        }
        INFO(llmerr::entries()[row].code << " " << llmerr::entries()[row].message);
        CHECK(reached);
        ++filed;
    }
    CHECK(filed == by_pair.rows.size());
    CHECK(filed > 300);
}

TEST_CASE("an HTTP status written as the code is a relay's, not a code the providers agree on", "[parse][renderings]") {
    // Zhipu, DeepSeek and OpenAI document "500" as server_error; a proxy writing "code":500 around an upstream
    // 429 means the 429 (the shape of a report against qwen-code-oai-proxy).
    const auto e =
        parse(R"({"error":{"message":"Request failed with status code 429","type":"api_error","code":500}})");
    CHECK(e.category == category::rate_limited);
    CHECK(e.retryable);
    CHECK(e.code == "500");
    // With no status received or written, the code stands for it.
    const auto a = parse(R"({"error":{"code":"401","message":"令牌已过期或验证不正确！"}})");
    CHECK(a.category == category::authentication);
    CHECK_FALSE(a.retryable);
    const auto s = parse(R"({"error":{"code":"503","message":"try later"}})");
    CHECK(s.retryable);
}

TEST_CASE("the status's own reason phrase yields to a more specific word", "[parse][renderings][words]") {
    // Moonshot's 403 for a concurrency limit, as a client printed it.
    const auto e = parse(
        "Access forbidden (403): You've reached your concurrent request limit. Please wait for your ongoing "
        "requests to finish and try again.",
        403);
    CHECK(e.category == category::rate_limited);
    CHECK(e.retryable);
    // Alone, the reason phrase still says what it says.
    CHECK(parse("Access forbidden (403): no access to this workspace", 403).category == category::permission_denied);
    CHECK(parse("404 Not Found", 404).category == category::not_found);
}

TEST_CASE("a four-digit business code as a client printed it names the provider that documents it",
          "[parse][renderings]") {
    const auto e = parse("Error code: 429 - {'error': {'code': '1113', 'message': '余额不足或无可用资源包,请充值。'}}");
    CHECK(e.provider == provider::zhipu);
    CHECK(e.code == "1113");
    CHECK(e.category == category::billing);
    CHECK_FALSE(e.retryable);
}

TEST_CASE("words of SiliconFlow, vLLM, OpenAI and Hunyuan messages", "[parse][renderings][words]") {
    // SiliconFlow 30011 (undocumented code), vLLM's context limit, OpenAI's safety system and spending cap.
    CHECK(parse("Error code: 403 - {'code': 30011, 'message': 'The selected model requires paid balance. Your paid "
                "balance is insufficient. Please top up and try again.', 'data': None}")
              .category == category::billing);
    CHECK(parse(R"({"code":20015,"message":"length of prompt_tokens (189152) must be less than max_seq_len (65536)."})",
                400)
              .category == category::context_length_exceeded);
    CHECK(parse("Your request was rejected as a result of our safety system.", 400).category ==
          category::content_filtered);
    CHECK(parse(R"({"error":{"code":"billing_hard_limit_reached","message":"Billing hard limit has been reached"}})")
              .category == category::quota_exhausted);
    CHECK(parse(R"({"error":{"id":"75dd","message":"请求格式有误","type":"runtime_error","code":"4003"}})").category ==
          category::invalid_request);
}

TEST_CASE("iFlytek Spark's header frames, inside an upgraded connection", "[parse][spark]") {
    const std::string frame =
        R"({"header":{"code":11200,"message":"AppIdNoAuthError:(12:17:04.432) tokens.total","sid":"cht000b5e72@dx18b988c77afb81b540","status":2}})";
    const auto found = llmerr::find_error(200, frame);
    REQUIRE(found);
    CHECK(found->envelope == llmerr::envelope::header);
    CHECK(found->provider == provider::spark);
    CHECK(found->code == "11200");
    CHECK(found->request_id == "cht000b5e72@dx18b988c77afb81b540");
    CHECK(found->category == category::permission_denied);
    CHECK_FALSE(found->retryable);
    // A success frame: code 0.
    CHECK_FALSE(llmerr::find_error(
        200, R"({"header":{"code":0,"message":"Success","sid":"cht1","status":2},"payload":{"choices":{"text":[]}}})"));
    // The key escaped is the same key.
    const auto escaped = parse(R"({"header":{"\u0063ode":10013,"message":"x","sid":"cht2"}})", 200);
    CHECK(escaped.envelope == llmerr::envelope::header);
    CHECK(escaped.category == category::content_filtered);
    // A "header" nested elsewhere is not Spark's.
    CHECK_FALSE(llmerr::find_error(200, R"({"data":{"header":{"code":10013,"message":"x"}}})"));
}

TEST_CASE("a relay's wrapper keeps both codes: its own in code, the provider's in upstream_code",
          "[parse][renderings][relay]") {
    // new-api around DashScope (a real body, tests/realworld dashscope-100).
    const auto e = parse(
        R"J({"error":{"message":"\u003c400\u003e InternalError.Algo.InvalidParameter: messages with role \"tool\" must be a response to a preceeding message with \"tool_calls\". (request id: 2024120807241690514551374593572)","type":"upstream_error","param":"400","code":"bad_response_status_code"}})J");
    CHECK(e.provider == provider::dashscope);
    CHECK(e.code == "bad_response_status_code");
    CHECK(e.upstream_code == "InternalError.Algo.InvalidParameter");
    CHECK(e.category == category::invalid_request);
    CHECK_FALSE(e.retryable);
    // MiniMax's code at the end of the message, under a relay's word code.
    const auto m = parse(
        R"J({"error":{"message":"insufficient balance (1008)","type":"new_api_error","code":"bad_response_status_code"}})J",
        500);
    CHECK(m.provider == provider::minimax);
    CHECK(m.code == "bad_response_status_code");
    CHECK(m.upstream_code == "1008");
    CHECK(m.category == category::billing);
    // With no code field, the provider's code is the code (MiniMax through Anthropic's shape).
    const auto a = parse(
        R"J({"type":"error","error":{"type":"invalid_request_error","message":"invalid params, invalid chat setting (2013)"},"request_id":"06142ae5cb30b18d07e2e27902262cea"})J",
        400);
    CHECK(a.code == "2013");
    CHECK(a.upstream_code.empty());
    // No wrapper: nothing upstream.
    const auto plain = parse(R"J({"code":"InvalidApiKey","message":"Invalid API-key provided."})J", 401);
    CHECK(plain.code == "InvalidApiKey");
    CHECK(plain.upstream_code.empty());
    // A bare number in the code field (a relay's status) yields the code field to the provider's own.
    const auto n = parse(
        R"J({"error":{"message":"<400> InternalError.Algo.InvalidParameter: The \"function.arguments\" parameter of the code model must be in JSON format.","type":"upstream_error","code":502}})J",
        502);
    CHECK(n.code == "InternalError.Algo.InvalidParameter");
    CHECK(n.upstream_code.empty());
}

TEST_CASE("a code its provider's bodies always carry names it, unless a provider documenting it has the message",
          "[parse][provider]") {
    // DeepSeek answers every error with error.code "invalid_request_error" (data/deepseek.json body_codes).
    const auto deepseek = parse(
        R"({"error":{"message":"Insufficient Balance","type":"unknown_error","param":null,"code":"invalid_request_error"}})",
        402);
    CHECK(deepseek.provider == provider::deepseek);
    CHECK(deepseek.category == category::billing);
    // DashScope's compatible mode documents that code with this message: the documented wording decides.
    const auto dashscope = parse(
        R"({"error":{"message":"you must provide a model parameter.","type":"invalid_request_error","param":null,"code":"invalid_request_error"}})",
        400);
    CHECK(dashscope.provider == provider::dashscope);
    // The word written in a message or a type is no code field.
    CHECK(parse("HTTP 400 invalid_request_error: invalid params, tool id not found").provider != provider::deepseek);
}

TEST_CASE("an undocumented five-digit code names the provider whose numbering block it falls in", "[parse][provider]") {
    // SiliconFlow documents 20012; 20015 is in its block, and in nobody else's.
    const auto e =
        parse(R"({"code":20015,"message":"The parameter is invalid. Please check again.","data":null})", 400);
    CHECK(e.provider == provider::siliconflow);
    CHECK(e.code == "20015");
    CHECK(e.category == category::invalid_request);
    // Four digits are not read so: Cloudflare's "error code: 1015" sits among Zhipu's and MiniMax's codes.
    CHECK(parse(R"({"code":1015,"message":"You are being rate limited"})", 429).provider == provider::unknown);
    // A block no provider numbers in names nobody.
    CHECK(parse(R"({"code":77015,"message":"x y z"})", 400).provider == provider::unknown);
}

TEST_CASE("a documented number of the provider the text names, written in the text, is its code",
          "[parse][renderings][spark]") {
    const auto e = parse("Socket error: 11200 AppIdNoAuthError");  // "AppIdNoAuthError": Spark's own word
    CHECK(e.provider == provider::spark);
    CHECK(e.code == "11200");
    CHECK(e.category == category::permission_denied);
    CHECK(parse("syncOutput: 11200:AppIdNoAuthError:(21:00:00.909) tokens.total").code == "11200");
    // Not a number inside a longer one, a date or an id; not one the named provider does not document.
    CHECK(parse("xfyun failed at 2024-11200 AppIdNoAuthError").code.empty());
    CHECK(parse("xfyun failed: id 112001 AppIdNoAuthError").code.empty());
    CHECK(parse("xfyun failed: 99999 AppIdNoAuthError").code.empty());
}

TEST_CASE("a body pasted with curled quotes is read as with straight ones", "[parse][renderings]") {
    const auto e = parse(
        "\xE8\xAF\xB7\xE6\xB1\x82\xE5\xA4\xB1\xE8\xB4\xA5\xEF\xBC\x9A"  // 请求失败：
        "{\xE2\x80\x9C"
        "error\xE2\x80\x9D:{\xE2\x80\x9C"
        "code\xE2\x80\x9D:\xE2\x80\x9C"
        "1214\xE2\x80\x9D,\xE2\x80\x9C"
        "message\xE2\x80\x9D:\xE2\x80\x9C"
        "messages empty\xE2\x80\x9D}}");
    CHECK(e.provider == provider::zhipu);
    CHECK(e.code == "1214");
    CHECK(e.category == category::invalid_request);
    // With a straight double quote in the text, curled ones are text: "“model”" is no key.
    CHECK(parse("{\"error\":{\"message\":\"bad \xE2\x80\x9C"
                "model\xE2\x80\x9D\"}}")
              .message ==
          "bad \xE2\x80\x9C"
          "model\xE2\x80\x9D");
}

TEST_CASE("an Anthropic-format body with a request_id is not DashScope's", "[parse][provider]") {
    // MiniMax, Moonshot, Zhipu and DeepSeek also answer in Anthropic's format, request_id included.
    CHECK(
        parse(
            R"({"type":"error","error":{"type":"api_error","message":"qzx vbn"},"request_id":"0663f0aa-1389-9ca9-a92a-3e732f675686"})",
            500)
            .provider == provider::unknown);
    // DashScope's compatible mode: an OpenAI-style error beside its native request_id (a UUID).
    CHECK(
        parse(
            R"({"error":{"message":"qzx vbn","type":"invalid_request_error"},"request_id":"4d496c94-1389-9ca9-a92a-3e732f675686"})",
            400)
            .provider == provider::dashscope);
}

TEST_CASE("the provider's own word that a retry may pass makes the error retryable", "[parse][words]") {
    const auto e = parse(
        R"({"error":{"message":"Your request was rejected as a result of our safety system. If you believe this was done in error, your request may succeed if retried, or by adjusting your prompt.","type":"invalid_request_error","param":null,"code":"content_policy_violation"}})",
        400);
    CHECK(e.category == category::content_filtered);
    CHECK(e.retryable);
    CHECK_FALSE(parse(R"({"error":{"message":"rejected by our safety system","type":"invalid_request_error"}})", 400)
                    .retryable);
}

TEST_CASE("words of prompts over the window and values out of range", "[parse][words]") {
    CHECK(parse("Context overflow: prompt too large for the model.").category == category::context_length_exceeded);
    CHECK(parse("prompt is too long: 210000 tokens > 200000 maximum", 400).category ==
          category::context_length_exceeded);
    CHECK(parse("frequency_penalty must be between 1 and 2", 400).category == category::invalid_request);
    CHECK(parse("temperature out of range").category == category::invalid_request);
    CHECK(parse("Image too large").category == category::payload_too_large);  // the size words still hold
}

TEST_CASE("the code in parentheses that ends a message, before an appended request id", "[parse][renderings]") {
    // MiniMax's compatible endpoints write their status_code so; a client or relay may append the request id.
    const auto e = parse(
        "HTTP 400 invalid_request_error: invalid params, tool result's tool id(call_1) not found (2013) "
        "(request_id:05db5ded497bacba57c1e30ef4778e05)");
    CHECK(e.provider == provider::minimax);
    CHECK(e.upstream_code == "2013");
    CHECK(e.category == category::invalid_request);  // MiniMax's "invalid params", not the words "not found"
    // Not any parenthesised group: a request id without a number before it leaves the code unread.
    CHECK(parse("invalid params, bad tool (request id: 2024052205154849566903051439722)").upstream_code.empty());
}

TEST_CASE("a business code written after 'Code' without a separator, and base_resp as a client printed it",
          "[parse][renderings]") {
    const auto e = parse("failed to create chat stream completion: HTTP 400 (Code 20015): Field required");
    CHECK(e.code == "20015");
    CHECK(e.provider == provider::siliconflow);  // its numbering block
    // A short number after "code" is an exit code or a status, not a business code.
    CHECK(parse("process exited with code 137").code.empty());

    const auto m = parse("{'base_resp': {'status_code': 2049, 'status_msg': 'invalid api key'}}");
    CHECK(m.provider == provider::minimax);
    CHECK(m.code == "2049");
    CHECK(m.message == "invalid api key");
    CHECK(m.category == category::authentication);
    CHECK(m.http_status == 0);  // a status_code of 2049 is no HTTP status
}

TEST_CASE("a body broken inside its message is read as a rendering: message, code, type", "[parse][salvage]") {
    // A line break pasted into the message makes the JSON invalid; the fields after it still count.
    const auto e = parse(
        "500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"insufficient balance\n     "
        "(1008)\"},\"request_id\":\"06147e2edcc0f11467bd60776cf6ded0\"}");
    CHECK(e.salvaged);
    CHECK(e.message == "insufficient balance\n     (1008)");
    CHECK(e.provider == provider::minimax);
    CHECK(e.code == "1008");
    CHECK(e.category == category::billing);  // documented code 1008 outweighs the relay's 500
    CHECK_FALSE(e.retryable);
    CHECK(e.request_id == "06147e2edcc0f11467bd60776cf6ded0");
    const auto t =
        parse("{\"error\":{\"message\":\"Invalid\n Authentication\",\"type\":\"invalid_authentication_error\"}}", 401);
    CHECK(t.message == "Invalid\n Authentication");
    CHECK(t.type == "invalid_authentication_error");
    CHECK(t.provider == provider::moonshot);  // its documented identifier, sent as the type
}

TEST_CASE("with no code, providers that agree on the type decide the category", "[parse][provider]") {
    // OpenAI-style bodies put the code in the type and send "code":null; every provider documenting
    // invalid_api_key (directly or as an alias) calls it an authentication failure.
    const auto e = parse(R"({"error":{"message":"qzx vbn","type":"invalid_api_key","code":null}})");
    CHECK(e.provider == provider::unknown);
    CHECK(e.category == category::authentication);
    CHECK(e.evidence == evidence::exact_code);
    // Providers that disagree (DashScope calls insufficient_quota throttling, OpenAI billing) leave it to the
    // status and the words where a status is received; with none, the code is OpenAI's, which the others copy.
    const std::string quota = R"({"error":{"message":"qzx vbn","type":"insufficient_quota","code":null}})";
    CHECK(parse(quota, 429).evidence != evidence::exact_code);
    CHECK(parse(quota, 429).category == category::rate_limited);
    const auto no_status = parse(quota);
    CHECK(no_status.evidence == evidence::exact_code);
    CHECK(no_status.category == category::billing);
    CHECK(no_status.provider == provider::unknown);
}

TEST_CASE("a business code written after an HTTP status written as a code is the code", "[parse][renderings]") {
    const auto e = parse("[Spark] code: 400, error: Code: 10005, Error: InvalidParamError: bad app_id");
    CHECK(e.code == "10005");
    CHECK(e.provider == provider::spark);  // the one provider documenting 10005
    // The first business code stays: a later number does not replace it.
    CHECK(parse("errcode: 10005, detail code: 10163").code == "10005");
    // A status after a status is no business code.
    CHECK(parse("code: 400, inner code: 429").code == "400");
}

TEST_CASE("a code no provider documents leaves the documented wording to decide", "[parse][renderings]") {
    // OpenAI's old billing_not_active, at 429: the wording is a documented billing message, not a rate limit.
    const auto e = parse(
        R"({"error":{"message":"Your account is not active, please check your billing details on our website.","type":"billing_not_active","param":null,"code":"billing_not_active"}})",
        429);
    CHECK(e.code == "billing_not_active");  // the code as sent survives
    CHECK(e.category == category::billing);
    CHECK_FALSE(e.retryable);
    // A code some provider documents keeps deciding, whatever the wording.
    CHECK(parse(R"({"error":{"code":"1301","message":"Your account is not active"}})", 400).category ==
          category::content_filtered);
}

TEST_CASE("529, the overload status of Anthropic-format APIs, and more overload and context words", "[parse][words]") {
    const auto e = parse(R"({"type":"error","error":{"type":"api_error","message":"qzx vbn"}})", 529);
    CHECK(e.category == category::overloaded);
    CHECK(e.retryable);
    CHECK(parse("High traffic detected. For a more stable experience, upgrade to our Plus plan", 529).category ==
          category::overloaded);
    CHECK(parse("code: 400 - {'error': {'message': 'model max length exceeded, max length:8192',").category ==
          category::context_length_exceeded);
}

TEST_CASE("a business code in brackets that opens the text", "[parse][renderings]") {
    const auto e = parse("[1301][系统检测到输入或生成内容可能包含不安全或敏感内容]");
    CHECK(e.code == "1301");
    CHECK(e.provider == provider::zhipu);  // the one provider documenting 1301
    CHECK(e.category == category::content_filtered);
    // A status in brackets, or a number that is not alone in its brackets, is no business code.
    CHECK(parse("[429][too many requests]").code != "429");
    CHECK(parse("[1301x] qzx").code.empty());
    CHECK(parse("see [1301] below").code.empty());
}

TEST_CASE("a business code in brackets opening the message outranks a documented word elsewhere",
          "[parse][renderings]") {
    // A client's log of a wrapper whose own error_code (500) is no status of the provider's, and whose `type`
    // is a word several providers document.
    const auto e = parse(
        "12:00:01 | ERROR | worker | call failed: {'error_code': 500, 'error': {'message': "
        "'[1301][系统检测到输入或生成内容可能包含不安全或敏感内容]', 'type': 'invalid_request_error', 'code': None}}");
    CHECK(e.code == "1301");
    CHECK(e.provider == provider::zhipu);
    CHECK(e.category == category::content_filtered);
    CHECK_FALSE(e.retryable);
    // Not a PID or a status: a log line's leading "[12345]" is in the text, not in the error's message.
    CHECK(parse("[12345] worker: {'error': {'message': 'Rate limit reached', 'type': 'rate_limit_error'}}", 429)
              .category == category::rate_limited);
}

TEST_CASE("a usage limit is an exhausted quota, whatever status carries it", "[parse][renderings]") {
    const auto at_403 = parse(
        R"({"error":{"type":"permission_error","message":"You have hit your usage limit for this month. It resets on the 1st."}})",
        403);
    CHECK(at_403.category == category::quota_exhausted);
    CHECK_FALSE(at_403.retryable);
    const auto at_429 =
        parse(R"({"error":{"type":"rate_limit_error","message":"usage limit exceeded for your plan"}})", 429);
    CHECK(at_429.category == category::quota_exhausted);
}

TEST_CASE("a code in parentheses ending the first sentence, before a client's own advice", "[parse][renderings]") {
    const auto e = parse(
        "API Error: 500 input new_sensitive, messages[13]'s content[2] image is sensitive, please check your input "
        "(1026). This is a server-side issue, usually temporary — try again in a moment. If it persists, check "
        "your inference gateway (api.minimaxi.com). (code: -32603)");
    CHECK(e.provider == provider::minimax);
    CHECK(e.upstream_code == "1026");                 // the JSON-RPC code stays in code
    CHECK(e.category == category::content_filtered);  // MiniMax's documented 1026, whatever the 500 and the advice
    CHECK_FALSE(e.retryable);
    // Not a number in parentheses inside a sentence.
    CHECK(parse("limit (4096) exceeded for this request. Try again").upstream_code.empty());
}

TEST_CASE("a dropped connection is a transient failure, and a relay user's quota is its balance", "[parse][words]") {
    const auto eof = parse(R"(do request failed: Post "https://upstream.example/v1/chat/completions": EOF)");
    CHECK(eof.category == category::server_error);
    CHECK(eof.retryable);
    CHECK(parse("Error: socket hang up").retryable);
    CHECK(parse("read ECONNRESET").retryable);
    // At a 4xx the caller's side stands: a dropped connection word does not make it retryable.
    CHECK_FALSE(parse(R"({"error":{"message":"connection reset by peer"}})", 400).retryable);
    const auto quota = parse(
        R"x({"error":{"message":"user quota is not enough (request id: 2026032308300111482953395104626)","type":"v_api_error","param":"","code":"insufficient_user_quota"}})x",
        403);
    CHECK(quota.category == category::billing);
    CHECK_FALSE(quota.retryable);
    CHECK(parse("cause: 用户额度不足, 剩余额度: $-0.000002").category == category::billing);
}

TEST_CASE("a phrase of three words or a few words in common name no provider", "[parse][renderings][providers]") {
    // DashScope's pattern "Request timed out", DeepSeek's "Rate Limit Reached": what any client prints.
    for (const char* text : {"Request timed out after 30000 ms", "API error: Request timed out.",
                             "Rate Limit Reached (HTTP 429): slow down"}) {
        const auto e = parse(text);
        CHECK(e.provider == provider::unknown);
        CHECK(e.retryable);
    }
    // Three words inside Baichuan's "Insufficient account balance, please recharge"; Hunyuan's "Invalid parameter
    // value." inside OpenAI's tool-message error.
    const auto b = parse("402 Insufficient Balance");
    CHECK(b.provider == provider::unknown);
    CHECK(b.category == category::billing);
    const auto t = parse(
        "Invalid parameter: messages with role 'tool' must be a response to a preceeding message "
        "with 'tool_calls'.",
        400);
    CHECK(t.provider == provider::unknown);
    CHECK(t.category == category::invalid_request);
    // Four words and more still name their provider.
    CHECK(parse("Access denied, plesase make sure your account is in good standing.").provider == provider::dashscope);
    CHECK(parse("Open api daily request limit reached").provider == provider::qianfan);
    CHECK(parse("输入内容审核不通过，涉嫌违规，请重新调整输入内容").provider == provider::spark);
}

TEST_CASE("an inactive account is a billing matter, at any status", "[parse][words]") {
    const auto e = parse(
        R"({"error":{"message":"Your account is not active, please check your billing details on our website.","type":"billing_not_active","param":null,"code":"billing_not_active"}})",
        429);
    CHECK(e.category == category::billing);
    CHECK_FALSE(e.retryable);
}

TEST_CASE("only a Qianfan-shaped id beside an error object says Qianfan v2", "[parse][renderings][providers]") {
    // JSON-RPC's "id" is the caller's, not Qianfan's request id.
    const auto rpc = parse(
        R"({"jsonrpc":"2.0","id":"2_1770754790728","error":{"code":-32003,"message":"Error code: 401 - invalid key"}})");
    CHECK(rpc.provider == provider::unknown);
    CHECK(rpc.category == category::authentication);
    const auto v2 = parse(
        R"({"error":{"code":"no_such_code","message":"something failed","type":"invalid_request_error"},"id":"as-tqlur0tyrk"})",
        400);
    CHECK(v2.provider == provider::qianfan);
}

TEST_CASE("a relay's empty message beside its upstream's body quoted as a string", "[parse][renderings]") {
    // OpenRouter-style: the relay's own words say nothing; the upstream's error, as raw text, says what happened.
    const auto e = parse(
        R"({"error":{"message":"Provider returned error","code":429,"metadata":{"raw":"{\"error\":{\"message\":\"Your account is suspended due to insufficient balance, please recharge\",\"type\":\"x_error\"}}","provider_name":"Some Provider"}}})",
        429);
    CHECK(e.category == category::billing);
    CHECK_FALSE(e.retryable);
    // With nothing quoted, the status decides as before.
    const auto f = parse(R"({"error":{"message":"Provider returned error","code":429}})", 429);
    CHECK(f.category == category::rate_limited);
    CHECK(f.retryable);
}

TEST_CASE("a provider's name as an aggregator's model namespace does not name who answered", "[parse][providers]") {
    // OpenRouter's own 404, naming the model by its maker's namespace.
    CHECK(parse(R"({"error":{"message":"No endpoints found for stepfun/step-3.5-flash:free.","code":404}})", 404)
              .provider == provider::unknown);
    // SiliconFlow serving Qwen's model: SiliconFlow's name decides, the model's namespace does not tie it.
    CHECK(parse("siliconflow request failed: model Qwen/Qwen2.5-72B-Instruct is overloaded", 503).provider ==
          provider::siliconflow);
    // A host is not a model namespace.
    CHECK(
        parse("POST https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions failed: timeout", 0).provider ==
        provider::dashscope);
}

TEST_CASE("Zhipu's 401 for a token it does not accept", "[parse][providers]") {
    const auto e = parse(R"({"error":{"code":"401","message":"令牌已过期或验证不正确！"}})", 401);
    CHECK(e.provider == provider::zhipu);
    CHECK(e.category == category::authentication);
    CHECK_FALSE(e.retryable);
    CHECK(e.code == "401");
}

TEST_CASE("a catch-all code's documented words followed by a more specific reason", "[parse][renderings][words]") {
    // MiniMax 2013 is "invalid params, <reason>": the reason's words refine it.
    const auto ctx =
        parse(R"({"base_resp":{"status_code":2013,"status_msg":"invalid params, context window exceeds limit"}})");
    CHECK(ctx.provider == provider::minimax);
    CHECK(ctx.category == category::context_length_exceeded);
    CHECK_FALSE(ctx.retryable);
    // A parameter naming something that does not exist is still an invalid parameter.
    const auto ref = parse(
        R"({"base_resp":{"status_code":2013,"status_msg":"invalid params, tool result's tool id(call_1) not found"}})");
    CHECK(ref.category == category::invalid_request);
    // The documented message alone keeps the row's meaning.
    CHECK(parse(R"({"base_resp":{"status_code":2013,"status_msg":"invalid params"}})").category ==
          category::invalid_request);
}

TEST_CASE("a rate limit of zero is a quota not granted, and a free quota used up is exhausted", "[parse][words]") {
    const auto zero = parse(
        R"({"error":{"code":"rate_limit_exceeded","message":"Rate limit exceeded for images per minute in organization org-x. Limit: 0/1min. Current: 1/1min."}})",
        429);
    CHECK(zero.category == category::quota_exhausted);
    CHECK_FALSE(zero.retryable);
    const auto some = parse(
        R"({"error":{"code":"rate_limit_exceeded","message":"Rate limit exceeded for images per minute in organization org-x. Limit: 10/1min. Current: 11/1min."}})",
        429);
    CHECK(some.category == category::rate_limited);
    CHECK(some.retryable);
    CHECK(parse("429 Too Many Requests: rate limit reached, limit: 0.5 requests per second", 429).category ==
          category::rate_limited);
    const auto free = parse(
        R"({"error":{"message":"Free quota used (30 requests / 5h). Resets at 10:00 UTC. Top up for unlimited access.","type":"insufficient_quota","code":"free_quota_exceeded"}})",
        402);
    CHECK(free.category == category::quota_exhausted);
    CHECK_FALSE(free.retryable);
}

TEST_CASE("a rate limit per day with no time to try again in is used up until the day ends", "[parse][words]") {
    // (Bodies in OpenRouter's shape, with other limits and model ids.)
    for (const char* body :
         {R"({"error":{"message":"Rate limit exceeded: limit_rpd/some/model-1/0f2a","code":429}})",
          R"({"error":{"message":"Rate limit exceeded: free-models-per-day. Add credits to unlock more.","code":429}})",
          R"({"error":{"message":"Rate limit reached: 200 requests per day","code":429}})",
          R"({"error":{"message":"请求超过每日限额","code":"rate_limit_exceeded"}})"}) {
        const auto e = parse(body, 429);
        CHECK(e.category == category::quota_exhausted);
        CHECK_FALSE(e.retryable);
    }
    // A time to try again in: a rolling window, momentary.
    const auto rolling = parse(
        R"({"error":{"message":"Rate limit reached for gpt-x in organization org-x on requests per day (RPD): Limit 200, Used 200, Requested 1. Please try again in 7m12s.","type":"requests","param":null,"code":"rate_limit_exceeded"}})",
        429);
    CHECK(rolling.category == category::rate_limited);
    CHECK(rolling.retryable);
    // A per-minute limit, and "day" inside another word, are momentary.
    CHECK(
        parse(R"({"error":{"message":"Rate limit exceeded: limit_rpm/some/model-1/0f2a","code":429}})", 429).retryable);
    CHECK(parse(R"({"error":{"message":"Rate limit exceeded (rpdx): slow down","code":429}})", 429).retryable);
}

TEST_CASE("a 4xx the body states as its code under a 5xx classifies", "[parse][status]") {
    // A relay or SDK that answered 500 around the provider's own 400: the request must change.
    const auto e = parse(R"({"error":{"code":"400","message":"Invalid parameter: temperature must be below 2"}})", 500);
    CHECK(e.category == category::invalid_request);
    CHECK_FALSE(e.retryable);
    CHECK(e.http_status == 500);  // the status received stays what it was
    // A 5xx code under a 4xx, or a 4xx code received as a 4xx, changes nothing.
    CHECK(
        parse(R"({"error":{"code":"500","message":"Invalid parameter: temperature must be below 2"}})", 400).category ==
        category::invalid_request);
    // Text that only mentions a code is not the body's code field.
    CHECK(parse("upstream said code 400: Invalid parameter: temperature must be below 2", 500).retryable);
}

TEST_CASE("a 404 with a catch-all code several providers agree on is not found", "[parse][status]") {
    // OpenAI's type invalid_request_error, which Moonshot and DeepSeek also send as a code: agreed, a catch-all.
    const auto e = parse(
        R"({"error":{"message":"No widget found with id 'w_1'.","type":"invalid_request_error","param":null,"code":null}})",
        404);
    CHECK(e.category == category::not_found);
    CHECK_FALSE(e.retryable);
    // The same body at 400 stays an invalid request.
    CHECK(
        parse(
            R"({"error":{"message":"No widget found with id 'w_1'.","type":"invalid_request_error","param":null,"code":null}})",
            400)
            .category == category::invalid_request);
}

TEST_CASE("a client's qualified exception name is not a provider's compound code", "[parse][renderings][providers]") {
    // DashScope's error page lists the OpenAI SDK's class names; the SDK raises them for any provider.
    const auto conn = parse("openai.APIConnectionError: Connection error.");
    CHECK(conn.provider == provider::unknown);
    CHECK(conn.category == category::server_error);
    CHECK(conn.retryable);
    const auto busy = parse("openai.error.ServiceUnavailableError: The server is overloaded or not ready yet.");
    CHECK(busy.provider == provider::unknown);
    CHECK(busy.category == category::overloaded);
    // A capitalised compound code still resolves by its documented suffix.
    const auto algo =
        parse("<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, 30720]", 400);
    CHECK(algo.provider == provider::dashscope);
    CHECK(algo.evidence != evidence::http_status);
}

TEST_CASE("a text resembling a documented message of anyone's words does not name its provider", "[parse][providers]") {
    // A coding agent's rendering (no provider named): close to DashScope's "Requests rate limit exceeded, please
    // try again later.", whose every word three or more providers' messages use.
    const auto e =
        parse("\xE2\x9C\xBB 429 [429]: Error from provider (Console): Rate limit exceeded. Please try again later");
    CHECK(e.provider == provider::unknown);
    CHECK(e.category == category::rate_limited);
    CHECK(e.retryable);
    // A resemblance with the provider's own words still names it.
    const auto own = parse(
        "[API Error: Request rate increased too quickly. To ensure system stability, please adjust your client logic "
        "to scale requests more smoothly over time.]");
    CHECK(own.provider == provider::dashscope);
    CHECK(own.category == category::rate_limited);
}

TEST_CASE("a code several providers document goes to the one whose documented words the message holds most of",
          "[parse][providers]") {
    // 1002: Zhipu's "Invalid Authentication Token, please confirm …" and MiniMax's "rate limit".
    const auto zhipu = parse(R"({"error":{"code":"1002","message":"Invalid Authentication Token, please confirm the )"
                             R"(correct transmission of the Authentication Token."}})",
                             401);
    CHECK(zhipu.provider == provider::zhipu);
    CHECK(zhipu.category == category::authentication);
    const auto minimax = parse(R"({"error":{"code":"1002","message":"rate limit exceeded, please slow down"}})", 429);
    CHECK(minimax.provider == provider::minimax);
    CHECK(minimax.category == category::rate_limited);
    // As closely (the same words documented by both): nobody's, and the category both agree on.
    CHECK(parse(R"({"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","param":null,)"
                R"("code":"invalid_api_key"}})",
                401)
              .provider == provider::unknown);
    // model_not_found: OpenAI's "The model `{model}` does not exist or you do not have access to it." is also
    // DashScope's compatible-mode wording (its documented "The model xxx does not exist (or you do not have
    // access to it).").
    const auto model = parse(R"({"error":{"message":"The model `gpt-9-turbo` does not exist or you do not have )"
                             R"(access to it.","type":"invalid_request_error","param":null,"code":"model_not_found"}})",
                             404);
    CHECK(model.provider == provider::unknown);
    CHECK(model.category == category::not_found);
    // OpenAI's shorter form holds neither documented phrase: not DashScope's either.
    const auto requested = parse(R"({"error":{"message":"The requested model 'x-1' does not exist.",)"
                                 R"("type":"invalid_request_error","param":"model","code":"model_not_found"}})",
                                 400);
    CHECK(requested.provider != provider::dashscope);
    CHECK(requested.category == category::not_found);
}
