// A client of the demo that uses only the exports and java.net.http: each answer read into a
// success or a typed error, printed one line each.
import com.example.Codes;
import com.example.Codes.HeroCode;
import com.example.Codes.HeroCodeException;
import com.example.Codes.ResultCode;
import com.example.Codes.ResultCodeException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

public class Main {
    static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static String base;

    record App(String name, String username) {}

    interface Read {
        void run();
    }

    public static void main(String[] args) throws Exception {
        base = args[0];
        ResultCode code = ResultCode.fromCode("10400").orElseThrow();
        if (code != ResultCode.NOT_FOUND || ResultCode.fromCode("99999").isPresent()) {
            throw new AssertionError(code);
        }
        OUT.println("lookup: " + code.status() + " " + code.desc() + " " + code.desc("en").orElseThrow());

        HttpResponse<String> download = call("PUT", "/download+1", "{\"oid\":\"3\",\"channel\":\"online\"}");
        Codes.Envelope<Object> accepted = HeroCode.read(download.statusCode(), Codes.Json.parse(download.body()), data -> data);
        OUT.println("download: success " + download.statusCode() + " " + accepted.resultCode() + " " + accepted.resultDesc());

        HttpResponse<String> search = call("POST", "/api/tracker/apps?search_value=Farm", null);
        Codes.Envelope<List<App>> found = ResultCode.read(search.statusCode(), Codes.Json.parse(search.body()), Main::apps);
        OUT.println("search: success " + search.statusCode() + " " + found.resultCode() + " " + found.resultDesc() + " "
                + found.data().stream().map(app -> app.name() + " " + app.username()).collect(Collectors.joining(", ")));

        expect("business error", ResultCode.NOT_FOUND, "ResultCode.NotFound", () -> readResultCode(call("GET", "/api/tracker/apps/2", null)));
        expect("unknown route", ResultCode.NOT_FOUND, "ResultCode.NotFound", () -> readResultCode(call("GET", "/no/such/route", null)));
        try {
            HttpResponse<String> malformed = call("PUT", "/download+1", "{\"oid\":\"3\",");
            HeroCode.read(malformed.statusCode(), Codes.Json.parse(malformed.body()), data -> data);
        } catch (HeroCodeException error) {
            switch (error.code().orElseThrow()) {
                case MALFORMED_JSON -> failed("malformed body", "HeroCode.MalformedJson", error.status(), error.rawCode(), error.desc(), error.code().get().status(), error.code().get().desc("en").orElse("-"));
                default -> throw error;
            }
        }
        try {
            ResultCode.read(400, Codes.Json.parse("{\"result\":false,\"result_code\":\"10999\",\"result_desc\":\"新错误\"}"), data -> data);
        } catch (ResultCodeException error) {
            if (error.code().isPresent()) {
                throw error;
            }
            OUT.println("unknown code: unknown " + error.status() + " " + error.rawCode() + " " + error.desc());
        }
        notAnEnvelope("not an envelope", () -> ResultCode.read(200, Map.of("result", "yes", "result_code", "0", "result_desc", "成功"), data -> data));

        try {
            wechat.Codes.WeChatCode.read(200, Codes.Json.parse("{\"errcode\":40013,\"errmsg\":\"invalid appid\"}"), data -> data);
        } catch (wechat.Codes.WeChatCodeException error) {
            if (error.code().orElseThrow() != wechat.Codes.WeChatCode.INVALID_APP_ID) {
                throw error;
            }
            failed("wechat error", "WeChatCode.InvalidAppId", error.status(), String.valueOf(error.rawCode()), error.desc(), error.code().get().status(), error.code().get().desc("en").orElse("-"));
        }
        // A double, as Gson gives every number: still the integer 0.
        wechat.Codes.Envelope<String> openid = wechat.Codes.WeChatCode.read(200, Map.of("errcode", 0.0, "errmsg", "ok", "data", Map.of("openid", "o6_bmjrPTlm6")), data -> String.valueOf(((Map<?, ?>) data).get("openid")));
        OUT.println("wechat success: success 200 " + openid.errcode() + " " + openid.errmsg() + " " + openid.data());
        try {
            wechat.Codes.WeChatCode.read(200, Codes.Json.parse("{\"errcode\":99999,\"errmsg\":\"new error\"}"), data -> data);
        } catch (wechat.Codes.WeChatCodeException error) {
            if (error.code().isPresent()) {
                throw error;
            }
            OUT.println("wechat unknown: unknown " + error.status() + " " + error.rawCode() + " " + error.desc());
        }
        notAnEnvelope("wechat not an envelope", () -> wechat.Codes.WeChatCode.read(200, Map.of("errcode", "40013", "errmsg", "invalid appid"), data -> data));

        // Whether to send the request again, by the catalog's `retryable`.
        boolean busy = retryable("{\"errcode\":-1,\"errmsg\":\"system busy\"}");
        boolean appid = retryable("{\"errcode\":40013,\"errmsg\":\"invalid appid\"}");
        boolean unknown = retryable("{\"errcode\":99999,\"errmsg\":\"new error\"}");
        OUT.println("retryable: -1 " + busy + " 40013 " + appid + " 99999 " + unknown);
    }

    static boolean retryable(String text) {
        try {
            wechat.Codes.WeChatCode.read(200, Codes.Json.parse(text), data -> data);
        } catch (wechat.Codes.WeChatCodeException error) {
            return error.isRetryable();
        }
        throw new IllegalStateException(text);
    }

    static HttpResponse<String> call(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer demo-token");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception error) {
            throw new IllegalStateException(error);
        }
    }

    static void readResultCode(HttpResponse<String> response) {
        ResultCode.read(response.statusCode(), Codes.Json.parse(response.body()), data -> data);
    }

    static List<App> apps(Object data) {
        return ((List<?>) data).stream().map(app -> {
            Map<?, ?> fields = (Map<?, ?>) app;
            return new App((String) fields.get("name"), (String) ((Map<?, ?>) fields.get("user")).get("username"));
        }).collect(Collectors.toList());
    }

    static void expect(String label, ResultCode expected, String typed, Read read) {
        try {
            read.run();
        } catch (ResultCodeException error) {
            ResultCode known = error.code().orElseThrow(() -> error);
            if (known != expected) {
                throw error;
            }
            failed(label, typed, error.status(), error.rawCode(), error.desc(), known.status(), known.desc("en").orElse("-"));
            return;
        }
        throw new AssertionError(label + ": a success");
    }

    static void failed(String label, String typed, int status, String code, String desc, int catalogStatus, String english) {
        OUT.println(label + ": " + typed + " " + status + " " + code + " " + desc + " | catalog " + catalogStatus + " " + english);
    }

    static void notAnEnvelope(String label, Read read) {
        try {
            read.run();
        } catch (Codes.EnvelopeShapeException | wechat.Codes.EnvelopeShapeException error) {
            OUT.println(label + ": EnvelopeShapeError");
            return;
        }
        throw new AssertionError(label + ": read as an envelope");
    }
}
