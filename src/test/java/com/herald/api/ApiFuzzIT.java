package com.herald.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
import com.herald.support.IntegrationTest;
import com.herald.support.TestReports;
import com.herald.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Thousands of malformed and hostile requests against every write endpoint: wrong types, 100 KB strings, 10,000
 * nested arrays, invalid UTF-8, CR/LF, markup, SQL, unknown enums, random fields, nulls, empty bodies, wrong
 * content types. None may answer 5xx; every non-2xx carries the error envelope and X-Correlation-ID; and a
 * refused request stores nothing (the rows of every table a write touches are counted around it).
 *
 * <p>Seeded: a failure names its seed and request number; {@code -Dherald.fuzz.seed=...} replays another run.
 */
@IntegrationTest
class ApiFuzzIT {

    static final long SEED = Long.getLong("herald.fuzz.seed", 20_261_123L);
    static final int REQUESTS = Integer.getInteger("herald.fuzz.requests", 5_000);
    /** Below the per-key rate limit (600 a minute), so a fresh key takes over before any 429. */
    static final int REQUESTS_PER_KEY = 500;

    static final String DEEP_ARRAYS = "[".repeat(10_000) + "]".repeat(10_000);
    static final String DEEP_OBJECTS = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
    static final String HUGE = "A".repeat(100_000);
    static final String HUGE_UNICODE = "Ä€😀".repeat(25_000);

    static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=fuzz",
            "application/octet-stream",
            "application/json; charset=UTF-16",
            "application/json-patch+json",
            "application/merge-patch+json",
            "text/html; charset=utf-8",
            "*/*",
            "application/json; charset=nonsense");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    TestReports reports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    final JsonNodeFactory nodes = JsonNodeFactory.instance;

    record Target(HttpMethod method, String path, String contentType, IntFunction<JsonNode> base) {}

    record Sent(Target target, String contentType, byte[] body) {
        String describe() {
            String text = body == null ? "<none>" : new String(body, StandardCharsets.UTF_8);
            return target.method + " " + target.path + " [" + contentType + "] "
                    + (text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + ")" : text);
        }
    }

    @Test
    void hostileRequestsNeverFailServerSideNorStoreAnythingHalfWay() throws Exception {
        Random random = new Random(SEED);
        HeraldUser admin = users.createUserAccount(true);
        UUID team = users.createTeam();
        users.addMember(team, admin, TeamRole.TEAM_ADMIN);
        String report = reports.threeRows(team);
        HeraldUser other = users.createUserAccount(false);
        UUID otherTeam = users.createTeam();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i <= REQUESTS / REQUESTS_PER_KEY; i++) {
            keys.add(users.createApiKey(admin, "read,write"));
        }
        String schedule = create(keys.getFirst(), "/api/v1/schedules", scheduleBody(run + "-target", team, report));
        String list = create(keys.getFirst(), "/api/v1/recipient-lists", listBody(run + "-target", team));

        List<Target> targets = List.of(
                new Target(
                        HttpMethod.POST,
                        "/api/v1/schedules",
                        "application/json",
                        n -> scheduleBody(run + "-" + n, team, report)),
                new Target(
                        HttpMethod.PATCH,
                        "/api/v1/schedules/" + schedule,
                        "application/merge-patch+json",
                        n -> object().put("name", "Fuzz " + run + "-p" + n).put("description", "patched")),
                new Target(
                        HttpMethod.PATCH,
                        "/api/v1/schedules/" + schedule,
                        "application/json-patch+json",
                        n -> nodes.arrayNode()
                                .add(object().put("op", "replace")
                                        .put("path", "/description")
                                        .put("value", "patched " + n))),
                new Target(
                        HttpMethod.POST, "/api/v1/schedules/preview", "application/json", n -> object().<ObjectNode>set(
                                        "cadence",
                                        object().put("frequency", "daily")
                                                .put("hour", 8)
                                                .put("minute", 0))
                                .put("time_zone", "Europe/Berlin")
                                .put("count", 5)),
                new Target(
                        HttpMethod.POST,
                        "/api/v1/recipient-lists",
                        "application/json",
                        n -> listBody(run + "-" + n, team)),
                new Target(HttpMethod.PATCH, "/api/v1/recipient-lists/" + list, "application/json", n -> listBody(
                                run + "-p" + n, team)
                        .without("team_id")),
                new Target(HttpMethod.POST, "/api/v1/teams", "application/json", n -> object().put(
                                "name", "Fuzz " + run + "-" + n)),
                new Target(HttpMethod.PATCH, "/api/v1/teams/" + otherTeam, "application/json", n -> object().put(
                                "name", "Fuzz " + run + "-t" + n)),
                new Target(
                        HttpMethod.PUT,
                        "/api/v1/teams/" + otherTeam + "/members/" + other.id(),
                        "application/json",
                        n -> object().put("role", "VIEWER")),
                new Target(HttpMethod.POST, "/api/v1/users", "application/json", n -> object().put(
                                "email", "fuzz-" + run + "-" + n + "@example.com")
                        .put("name", "Fuzz " + n)
                        .put("invite", true)),
                new Target(HttpMethod.PATCH, "/api/v1/users/" + other.id(), "application/json", n -> object().put(
                                "name", "Fuzz " + n)
                        .put("time_zone", "Europe/Berlin")),
                new Target(
                        HttpMethod.POST, "/api/v1/api-keys", "application/json", n -> object().put("name", "fuzz " + n)
                                .<ObjectNode>set("scopes", nodes.arrayNode().add("read"))));

        List<String> failures = new ArrayList<>();
        java.util.Map<String, Integer> answers = new java.util.TreeMap<>();
        long[] before = counts();
        for (int n = 0; n < REQUESTS && failures.size() < 20; n++) {
            Target target = targets.get(random.nextInt(targets.size()));
            Sent sent = hostile(random, target, n);
            MockHttpServletRequestBuilder request = request(target.method, target.path)
                    .header("Authorization", "Bearer " + keys.get(n / REQUESTS_PER_KEY));
            if (sent.contentType != null) {
                request.contentType(sent.contentType);
            }
            if (sent.body != null) {
                request.content(sent.body);
            }
            if (random.nextInt(20) == 0) {
                request.header("X-Correlation-ID", random.nextBoolean() ? "not-a-uuid" : "<script>" + HUGE);
            }
            MockHttpServletResponse response;
            try {
                response = mvc.perform(request).andReturn().getResponse();
            } catch (Exception | StackOverflowError e) {
                failures.add("#" + n + " threw " + e + ": " + sent.describe());
                before = counts();
                continue;
            }
            long[] after = counts();
            answers.merge(response.getStatus() + " " + code(response), 1, Integer::sum);
            String problem = check(response, before, after);
            if (problem != null) {
                failures.add("#" + n + " " + problem + ": " + sent.describe());
            }
            before = after;
        }
        System.out.println("ApiFuzzIT seed " + SEED + ": " + answers);
        assertThat(failures).as("seed %d", SEED).isEmpty();
        // the generator reaches past the parsers: bodies were read, refused field by field, and some even saved
        assertThat(answers.keySet())
                .contains("200 -", "201 -", "415 unsupported_media_type", "422 body_validation_error", "409 conflict");
    }

    private String code(MockHttpServletResponse response) {
        try {
            return json.readTree(response.getContentAsByteArray())
                    .path("error")
                    .path("code")
                    .asString("-");
        } catch (Exception e) {
            return "-";
        }
    }

    /** The cases the brief names, whatever the seed draws: 10,000 nested arrays and invalid UTF-8 are a 422. */
    @Test
    void deepNestingAndInvalidUtf8AreBodyValidationErrors() throws Exception {
        HeraldUser admin = users.createUserAccount(true);
        String key = users.createApiKey(admin, "read,write");
        UUID team = users.createTeam();
        for (String path : List.of(
                "/api/v1/schedules",
                "/api/v1/schedules/preview",
                "/api/v1/recipient-lists",
                "/api/v1/teams",
                "/api/v1/users",
                "/api/v1/api-keys")) {
            for (byte[] body : List.of(
                    bytes(DEEP_ARRAYS),
                    bytes("{\"name\": " + DEEP_ARRAYS + ", \"team_id\": \"" + team + "\"}"),
                    concat(bytes("{\"name\": \""), new byte[] {(byte) 0xC3, 0x28}, bytes("\"}")))) {
                MockHttpServletResponse response = mvc.perform(request(HttpMethod.POST, path)
                                .header("Authorization", "Bearer " + key)
                                .contentType("application/json")
                                .content(body))
                        .andReturn()
                        .getResponse();
                assertThat(response.getStatus()).as(path).isEqualTo(422);
                assertThat(json.readTree(response.getContentAsByteArray())
                                .path("error")
                                .path("code")
                                .asString())
                        .isEqualTo("body_validation_error");
            }
        }
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private String check(MockHttpServletResponse response, long[] before, long[] after) throws Exception {
        int status = response.getStatus();
        String correlation = response.getHeader("X-Correlation-ID");
        if (status >= 500) {
            return "answered " + status + " " + response.getContentAsString(StandardCharsets.UTF_8);
        }
        if (status >= 200 && status < 300) {
            return null;
        }
        if (status == 404) { // every target exists and the caller may see it: a 404 means a route fell through
            return "answered 404 for an object that exists";
        }
        if (correlation == null || !correlation.matches("[0-9a-f-]{36}")) {
            return "answered " + status + " with X-Correlation-ID " + correlation;
        }
        JsonNode body;
        try {
            body = json.readTree(response.getContentAsByteArray());
        } catch (Exception e) {
            return "answered " + status + " without a JSON body: " + response.getContentAsString();
        }
        JsonNode error = body.get("error");
        if (error == null
                || !error.path("code").isString()
                || error.path("code").asString().isEmpty()
                || !error.path("message").isString()
                || !correlation.equals(body.path("request_id").asString(null))) {
            return "answered " + status + " without the error envelope: " + body;
        }
        if (!java.util.Arrays.equals(before, after)) {
            return "answered " + status + " " + error.path("code").asString() + " but stored rows: "
                    + java.util.Arrays.toString(before) + " -> " + java.util.Arrays.toString(after);
        }
        return null;
    }

    private long[] counts() {
        return jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM schedules), (SELECT COUNT(*) FROM schedule_lists),
                               (SELECT COUNT(*) FROM schedule_subscribers), (SELECT COUNT(*) FROM recipient_lists),
                               (SELECT COUNT(*) FROM recipient_list_members), (SELECT COUNT(*) FROM teams),
                               (SELECT COUNT(*) FROM memberships), (SELECT COUNT(*) FROM users),
                               (SELECT COUNT(*) FROM api_keys), (SELECT COUNT(*) FROM user_tokens)""")
                .query((rs, row) -> {
                    long[] counts = new long[10];
                    for (int i = 0; i < counts.length; i++) {
                        counts[i] = rs.getLong(i + 1);
                    }
                    return counts;
                })
                .single();
    }

    // --- generating requests

    private Sent hostile(Random random, Target target, int n) throws Exception {
        int kind = random.nextInt(100);
        if (kind < 12) {
            return new Sent(target, target.contentType, rawBody(random));
        }
        byte[] valid = json.writeValueAsBytes(target.base.apply(n));
        if (kind < 20) {
            String type = random.nextInt(8) == 0 ? null : CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
            return new Sent(target, type, valid);
        }
        if (kind < 28) {
            return new Sent(target, target.contentType, spliced(random, target.base.apply(n)));
        }
        JsonNode body = target.base.apply(n);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            body = mutate(random, body);
        }
        return new Sent(target, target.contentType, json.writeValueAsBytes(body));
    }

    /** Bodies that are not JSON, or JSON of a shape no endpoint takes. */
    private byte[] rawBody(Random random) {
        List<byte[]> bodies = List.of(
                new byte[0],
                bytes(" "),
                bytes("null"),
                bytes("[]"),
                bytes("{}"),
                bytes("\"text\""),
                bytes("42"),
                bytes("true"),
                bytes("{"),
                bytes("{\"name\":"),
                bytes("{\"name\": \"x\",}"),
                bytes("{'name': 'x'}"),
                bytes("{\"name\": \"a\"}{\"name\": \"b\"}"),
                bytes("{\"name\": \"a\", \"name\": \"b\"}"),
                bytes(DEEP_ARRAYS),
                bytes(DEEP_OBJECTS),
                bytes("{\"name\": " + DEEP_ARRAYS + "}"),
                bytes("{\"cadence\": " + DEEP_OBJECTS + "}"),
                bytes("[{\"op\": \"add\", \"path\": \"/parameters/x\", \"value\": " + DEEP_ARRAYS + "}]"),
                new byte[] {(byte) 0xC3, 0x28},
                new byte[] {(byte) 0xFF, (byte) 0xFE, 0x7B, 0x00, 0x7D, 0x00},
                concat(bytes("{\"name\": \""), new byte[] {(byte) 0xFF, (byte) 0xC0, (byte) 0xAF}, bytes("\"}")),
                concat(bytes("{\"description\": \""), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, bytes("\"}")),
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes("{\"name\": \"bom\"}")),
                bytes("{\"name\": \"nul\u0000byte\"}"),
                bytes("{\"count\": 1e400, \"hour\": -0, \"minute\": 1.5e-400}"),
                bytes("{\"name\": NaN, \"count\": Infinity}"),
                bytes("{\"name\": \"x\" /* comment */}"),
                bytes("<?xml version=\"1.0\"?><schedule><name>x</name></schedule>"),
                bytes("name=x&team_id=y"),
                bytes("[" + "1,".repeat(20_000) + "1]"),
                bytes("{\"" + HUGE + "\": 1}"));
        return bodies.get(random.nextInt(bodies.size()));
    }

    /** The valid body with one value replaced, as text, by something the tree cannot hold (deep or broken). */
    private byte[] spliced(Random random, JsonNode base) throws Exception {
        String text = json.writeValueAsString(base);
        List<String> values = List.of(DEEP_ARRAYS, DEEP_OBJECTS, "1e99999", "-", "\"\\ud800\"", "\"\\u0000\"", "01");
        String value = values.get(random.nextInt(values.size()));
        int colon = text.indexOf(':', random.nextInt(Math.max(1, text.length() - 1)));
        if (colon < 0) {
            colon = text.indexOf(':');
        }
        if (colon < 0) { // a JSON Patch array without objects: wrap it
            return bytes("[" + value + "]");
        }
        int end = colon + 1;
        int depth = 0;
        boolean inString = false;
        for (; end < text.length(); end++) {
            char c = text.charAt(end);
            if (inString) {
                if (c == '\\') {
                    end++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        return bytes(text.substring(0, colon + 1) + value + text.substring(end));
    }

    /** One random change: a value of a random object replaced, removed, nulled, or a random field added. */
    private JsonNode mutate(Random random, JsonNode body) {
        if (!body.isContainer() || random.nextInt(15) == 0) {
            return hostileValue(random);
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(body, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            int action = random.nextInt(10);
            if (names.isEmpty() || action == 0) {
                object.set(randomName(random), hostileValue(random));
            } else {
                String name = names.get(random.nextInt(names.size()));
                switch (action) {
                    case 1 -> object.remove(name);
                    case 2 -> object.putNull(name);
                    default -> object.set(name, hostileValue(random));
                }
            }
        } else if (container instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(hostileValue(random));
            } else {
                array.set(random.nextInt(array.size()), hostileValue(random));
            }
        }
        return body;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            for (JsonNode child : node.values()) {
                collect(child, containers);
            }
        }
    }

    private String randomName(Random random) {
        List<String> names = List.of(
                "id",
                "__proto__",
                "constructor",
                "",
                "name ",
                "NAME",
                "team_id\u0000",
                "<script>",
                "' OR 1=1 --",
                "a".repeat(5_000),
                "$where",
                "cadence.hour",
                "recipients[0]");
        return random.nextInt(4) == 0 ? "f" + random.nextInt(1000) : names.get(random.nextInt(names.size()));
    }

    private JsonNode hostileValue(Random random) {
        return switch (random.nextInt(34)) {
            case 0 -> nodes.stringNode(HUGE);
            case 1 -> nodes.stringNode(HUGE_UNICODE);
            case 2 -> nodes.stringNode("Report\r\nBcc: victim@example.com");
            case 3 -> nodes.stringNode("a@example.com\r\nBcc: b@example.com");
            case 4 -> nodes.stringNode("<script>alert(1)</script>");
            case 5 -> nodes.stringNode("\"><img src=x onerror=alert(1)>");
            case 6 -> nodes.stringNode("'; DROP TABLE schedules; --");
            case 7 -> nodes.stringNode("1 OR 1=1");
            case 8 -> nodes.stringNode("WEEKLYISH");
            case 9 -> nodes.stringNode("SUPER_ADMIN");
            case 10 -> nodes.stringNode("");
            case 11 -> nodes.stringNode("   ");
            case 12 -> nodes.stringNode("nul\u0000byte");
            case 13 -> nodes.stringNode("\u202Egnp.exe");
            case 14 -> nodes.stringNode("{{report}}{{" + "x".repeat(1000) + "}}");
            case 15 -> nodes.stringNode("../../etc/passwd");
            case 16 -> nodes.stringNode("00000000-0000-0000-0000-000000000000");
            case 17 -> nodes.stringNode(UUID.randomUUID().toString());
            case 18 -> nodes.stringNode("9999-99-99T99:99:99Z");
            case 19 -> nodes.stringNode("Mars/Olympus_Mons");
            case 20 -> nodes.numberNode(-1);
            case 21 -> nodes.numberNode(Long.MAX_VALUE);
            case 22 -> nodes.numberNode(new java.math.BigInteger("9".repeat(60)));
            case 23 -> nodes.numberNode(3.5);
            case 24 -> nodes.numberNode(Double.MAX_VALUE);
            case 25 -> nodes.booleanNode(random.nextBoolean());
            case 26 -> nodes.nullNode();
            case 27 -> nodes.arrayNode();
            case 28 -> nodes.arrayNode().add(1).add("two").addNull().add(nodes.objectNode());
            case 29 -> object();
            case 30 -> object().put("frequency", "cron").put("expression", "* * * * * ? *");
            case 31 ->
                object().put("frequency", "monthly")
                        .put("day_of_month", "last")
                        .put("hour", 25)
                        .put("minute", -1);
            case 32 -> nested(random.nextInt(200) + 1);
            default -> {
                ArrayNode many = nodes.arrayNode();
                for (int i = 0; i < 2_000; i++) {
                    many.add("user" + i + "@example.com");
                }
                yield many;
            }
        };
    }

    /** Nested arrays as deep as the tree can be written (the 10,000-deep ones are spliced in as text). */
    private JsonNode nested(int depth) {
        ArrayNode root = nodes.arrayNode();
        ArrayNode current = root;
        for (int i = 1; i < depth; i++) {
            current = current.addArray();
        }
        return root;
    }

    // --- valid bodies

    private ObjectNode object() {
        return nodes.objectNode();
    }

    private ObjectNode scheduleBody(String name, UUID team, String report) {
        ObjectNode body = object().put("name", "Fuzz " + name)
                .put("team_id", team.toString())
                .put("report_type", report)
                .put("status", "paused")
                .put("start_at", "2099-01-01T00:00:00Z")
                .put("subject", "{{report}} — {{period}}");
        body.set("cadence", object().put("frequency", "daily").put("hour", 8).put("minute", 0));
        body.set("recipients", object().set("emails", nodes.arrayNode().add("fuzz@example.com")));
        body.set("formats", nodes.arrayNode().add("csv"));
        return body;
    }

    private ObjectNode listBody(String name, UUID team) {
        ObjectNode body = object().put("team_id", team.toString())
                .put("name", "Fuzz " + name)
                .put("description", "fuzzed");
        body.set(
                "members",
                nodes.arrayNode()
                        .add(object().put("email", "a@example.com").put("name", "A"))
                        .add(object().put("email", "b@example.com")));
        return body;
    }

    private String create(String key, String path, JsonNode body) throws Exception {
        MockHttpServletResponse response = mvc.perform(request(HttpMethod.POST, path)
                        .header("Authorization", "Bearer " + key)
                        .contentType("application/json")
                        .content(json.writeValueAsBytes(body)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return json.readTree(response.getContentAsByteArray()).get("id").asString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
