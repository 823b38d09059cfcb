package vn.doithoai.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import vn.doithoai.codec.Json;
import vn.doithoai.petition.SearchText;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static vn.doithoai.bench.Scenarios.await;

/**
 * The petition desk under load (issue "Before the meeting"): the desk's search over a large record,
 * and the public form taking a flood of submissions. Traffic to 127.0.0.1 only.
 */
final class PetitionScenarios {

    /** What petitions say, in the words people write; the search looks for their folded forms. */
    static final List<String> CONTENTS = List.of(
            "Đề nghị cấp giấy chứng nhận quyền sử dụng đất đai cho các hộ",
            "Bãi rác gây ô nhiễm môi trường gần trường học",
            "Đường liên thôn xuống cấp, đề nghị sửa trước mùa mưa",
            "Chậm chi trả chế độ cho hộ nghèo và người có công",
            "Thủ tục hành chính cấp phép xây dựng còn rườm rà",
            "Trộm cắp vặt về đêm, đề nghị tăng cường tuần tra",
            "Cán bộ tiếp dân chưa đúng giờ làm việc",
            "Thiếu nước sinh hoạt vào mùa khô",
            "Đèn chiếu sáng công cộng hư hỏng nhiều tháng",
            "Học sinh đi học qua suối nguy hiểm khi mưa lũ");
    static final List<String> QUERIES = List.of("dat dai", "o nhiem", "duong lien thon", "ho ngheo", "thu tuc", "tuan tra",
            "nuoc sinh hoat", "den chieu sang", "hoc sinh", "can bo");
    static final String[] FIELDS = {"dat-dai", "moi-truong", "ha-tang", "chinh-sach-xa-hoi", "thu-tuc-hanh-chinh",
            "an-ninh-trat-tu", "tac-phong-can-bo", "ha-tang", "ha-tang", "chinh-sach-xa-hoi"};
    static final String[] CHANNELS = {"LETTER", "EMAIL", "TELEPHONE", "FRONT", "VILLAGE", "MEDIA", "MEETING", "WEB_FORM"};
    static final int VILLAGES = 12;

    private PetitionScenarios() {
    }

    // ---- the desk's search --------------------------------------------------------------------

    static ObjectNode search(Scenarios.Env env, int petitions, int communes, int queries, int concurrency) throws Exception {
        try (Target server = env.servers().get()) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String cookie = Rest.signIn("http://127.0.0.1:" + server.httpPort(), server.adminSecret());
            Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(server.pg()).using(io.vertx.core.Vertx.vertx()).build();
            long seedStart = System.nanoTime();
            List<String> communeIds = seed(pool, petitions, communes);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            System.out.printf("  seeded %,d petitions in %d communes in %.1f s%n", petitions, communes, seedSeconds);

            var random = new SplittableRandom(42);
            var lat = new Lat();
            var kinds = new java.util.TreeMap<String, Lat>();
            var pending = new ArrayList<CompletableFuture<Void>>();
            var gate = new java.util.concurrent.Semaphore(concurrency);
            var failures = new AtomicLong();
            for (int i = 0; i < queries + 200; i++) {
                boolean measured = i >= 200; // the first 200 warm the server's code and PostgreSQL's caches
                String commune = communeIds.get(random.nextInt(communeIds.size()));
                String kind;
                String query;
                switch (random.nextInt(5)) {
                    case 0 -> { kind = "text"; query = "q=" + enc(QUERIES.get(random.nextInt(QUERIES.size()))); }
                    case 1 -> { kind = "text+status"; query = "q=" + enc(QUERIES.get(random.nextInt(QUERIES.size()))) + "&status=ASSIGNED"; }
                    case 2 -> { kind = "field+village"; query = "field=" + FIELDS[random.nextInt(FIELDS.length)] + "&village=" + enc("thon " + random.nextInt(VILLAGES)); }
                    case 3 -> { kind = "overdue"; query = "overdue=true"; }
                    default -> { kind = "page 3, channel"; query = "channel=" + CHANNELS[random.nextInt(CHANNELS.length)] + "&page=3"; }
                }
                gate.acquire();
                long sent = System.nanoTime();
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/api/communes/" + commune
                        + "/petitions?" + query)).header("Cookie", cookie).timeout(Duration.ofSeconds(30)).build();
                pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
                    gate.release();
                    if (e != null || r.statusCode() != 200) {
                        failures.incrementAndGet();
                    } else if (measured) {
                        long nanos = System.nanoTime() - sent;
                        synchronized (lat) {
                            lat.recordNanos(nanos);
                            kinds.computeIfAbsent(kind, k -> new Lat()).recordNanos(nanos);
                        }
                    }
                    return null;
                }));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
            await(pool.close());
            ObjectNode out = Json.object().put("petitions", petitions).put("communes", communes).put("queries", queries)
                    .put("concurrency", concurrency).put("seedSeconds", seedSeconds).put("failures", failures.get());
            out.set("latency", lat.json());
            ObjectNode byKind = Json.object();
            kinds.forEach((k, l) -> byKind.set(k, l.json()));
            out.set("byKind", byKind);
            return out;
        }
    }

    /** Communes and petitions written straight into the read model and the ledger, as the desk would have. */
    static List<String> seed(Pool pool, int petitions, int communes) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < communes; c++) {
            String id = java.util.UUID.randomUUID().toString();
            ids.add(id);
            await(pool.preparedQuery("INSERT INTO communes (id, name, province) VALUES ($1::uuid, $2, 'Gia Lai')")
                    .execute(Tuple.of(id, "Xã Bench " + c)));
        }
        String[] contents = CONTENTS.toArray(String[]::new);
        String[] folded = CONTENTS.stream().map(SearchText::fold).toArray(String[]::new);
        int batch = 20_000;
        for (int from = 0; from < petitions; from += batch) {
            int to = Math.min(petitions, from + batch);
            await(pool.preparedQuery(SEED).execute(Tuple.of(from, to - 1, ids.toArray(String[]::new), contents, folded)));
        }
        await(pool.query("ANALYZE petitions").execute());
        await(pool.query("ANALYZE ledger").execute());
        return ids;
    }

    /**
     * One batch of petitions: spread over the communes, villages, fields, channels and statuses; a
     * third assigned (half of those past their due date), a fifth answered.
     */
    private static final String SEED = """
            WITH p AS (
                SELECT i, gen_random_uuid() AS id, ($3::text[])[1 + i % cardinality($3::text[])]::uuid AS commune,
                       'KN-' || upper(lpad(to_hex(i), 8, '0')) AS code,
                       CASE WHEN i % 5 = 0 THEN 'ANSWERED' WHEN i % 3 = 0 THEN 'ASSIGNED' ELSE 'RECEIVED' END AS status,
                       (ARRAY['LETTER','EMAIL','TELEPHONE','FRONT','VILLAGE','MEDIA','MEETING','WEB_FORM'])[1 + i % 8] AS channel,
                       (ARRAY['dat-dai','moi-truong','ha-tang','chinh-sach-xa-hoi','thu-tuc-hanh-chinh','an-ninh-trat-tu',
                              'tac-phong-can-bo','ha-tang','ha-tang','chinh-sach-xa-hoi'])[1 + (i / 7) % 10] AS field,
                       1 + (i / 7) % 10 AS topic,
                       'Thôn ' || ((i / 3) % 12) AS village,
                       now() - ((i % 365) || ' days')::interval AS received,
                       (now() - ((i % 365) || ' days')::interval + (((i % 60) - 20) || ' days')::interval)::date AS due
                FROM generate_series($1::int, $2::int) AS i
            ), rows AS (
                SELECT p.*, ($4::text[])[topic] AS content, ($5::text[])[topic] AS folded,
                       jsonb_build_object('id', id, 'communeId', commune, 'trackingCode', code,
                           'receivedAt', to_char(received AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                           'citizen', jsonb_build_object('name', 'Người dân ' || i, 'villageOrOrganisation', village, 'email', null, 'phone', null),
                           'content', ($4::text[])[topic],
                           'classification', jsonb_build_object('channel', channel, 'fieldCode', field, 'competence', 'COMMUNE'),
                           'sensitive', i % 50 = 0, 'status', status,
                           'assignment', CASE WHEN status = 'RECEIVED' THEN NULL ELSE jsonb_build_object('officeId', null,
                               'officeName', 'Phòng Kinh tế', 'dueDate', due::text,
                               'at', to_char(received AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) END,
                           'draft', null,
                           'answer', CASE WHEN status = 'ANSWERED' THEN jsonb_build_object('text', 'Đã trả lời bằng văn bản',
                               'how', 'IN_WRITING', 'meetingId', null, 'meetingTitle', null,
                               'at', to_char(received AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) END,
                           'referral', null, 'rejection', null, 'groupLead', null, 'closedAt', null) AS state
                FROM p
            ), ledger_rows AS (
                INSERT INTO ledger (stream_id, seq, stream_kind, commune_id, type, payload, actor, occurred_at)
                SELECT id, 1, 'petition', commune, 'Received', state - 'status' - 'assignment' - 'answer', 'bench', received FROM rows
            )
            INSERT INTO petitions (id, commune_id, seq, tracking_code, status, channel, field_code, competence, village_key,
                                   office_id, due_date, received_at, sensitive, group_lead, search_text, state)
            SELECT id, commune, 1, code, status, channel, field, 'COMMUNE', lower(replace(village, 'ô', 'o')), NULL,
                   CASE WHEN status = 'RECEIVED' THEN NULL ELSE due END, received, i % 50 = 0, NULL,
                   lower(code) || ' ' || folded || ' nguoi dan ' || i || ' ' || lower(replace(village, 'ô', 'o')), state
            FROM rows""";

    // ---- the public form ----------------------------------------------------------------------

    /** One open-loop flood: what came back, each submission timed from when it was due to be sent. */
    private record Flood(Lat latency, long accepted, long refused, Map<String, Long> reasons, long[] slowestMsEachSecond,
                         double seconds) {
    }

    /**
     * {@code warmup} seconds at the rate first, unmeasured (a server that has run a while has its code
     * compiled and its connections made; the cold figures are reported beside), then {@code rate}
     * submissions a second for {@code seconds}; then the stored petitions are counted against the 201s.
     */
    static ObjectNode form(Scenarios.Env env, int rate, int seconds, int warmup) throws Exception {
        try (Target server = env.servers().get()) {
            // HTTP/1.1, a connection per request in flight, as phones each have their own; Java's client would
            // otherwise upgrade to one HTTP/2 connection and be capped by its stream limit.
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            String commune = communeOf(http, server);
            Flood cold = flood(http, server, commune, rate, warmup, 0);
            Flood hot = flood(http, server, commune, rate, seconds, rate * warmup);
            Pool pool = PgBuilder.pool().connectingTo(server.pg()).using(io.vertx.core.Vertx.vertx()).build();
            long stored = await(pool.preparedQuery("SELECT count(*) AS n FROM petitions WHERE commune_id = $1::uuid AND channel = 'WEB_FORM'")
                    .execute(Tuple.of(commune))).iterator().next().getLong("n");
            await(pool.close());
            long accepted = cold.accepted() + hot.accepted();
            ObjectNode out = Json.object().put("rate", rate).put("seconds", seconds).put("warmupSeconds", warmup)
                    .put("sent", (long) rate * (seconds + warmup)).put("accepted", accepted)
                    .put("refusedOrFailed", cold.refused() + hot.refused()).put("stored", stored).put("lost", accepted - stored)
                    .put("acceptedPerSecond", hot.accepted() / hot.seconds());
            out.set("latency", hot.latency().json());
            out.set("coldLatency", cold.latency().json());
            out.set("slowestMsEachSecond", Json.tree(hot.slowestMsEachSecond()));
            out.set("coldSlowestMsEachSecond", Json.tree(cold.slowestMsEachSecond()));
            var reasons = new java.util.TreeMap<String, Long>(cold.reasons());
            hot.reasons().forEach((k, v) -> reasons.merge(k, v, Long::sum));
            out.set("failures", Json.tree(reasons));
            return out;
        }
    }

    private static Flood flood(HttpClient http, Target server, String commune, int rate, int seconds, int firstNumber) throws Exception {
        var lat = new Lat();
        var accepted = new AtomicLong();
        var refused = new AtomicLong();
        var reasons = new java.util.concurrent.ConcurrentHashMap<String, Long>();
        var slowest = new java.util.concurrent.atomic.AtomicLongArray(Math.max(1, seconds));
        var pending = new ArrayList<CompletableFuture<Void>>();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        int total = rate * seconds;
        for (int n = 0; n < total; n++) {
            int i = firstNumber + n;
            long due = start + n * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String body = Json.write(Map.of("communeId", commune, "name", "Người dân " + i, "village", "Thôn " + (i % 12),
                    "fieldCode", FIELDS[i % FIELDS.length], "content", CONTENTS.get(i % CONTENTS.size()) + " (" + i + ")"));
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/api/public/petitions"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int second = (int) Math.min(slowest.length() - 1, n / rate);
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
                if (e == null && r.statusCode() == 201) {
                    accepted.incrementAndGet();
                    long took = System.nanoTime() - due;
                    synchronized (lat) {
                        lat.recordNanos(took);
                    }
                    slowest.accumulateAndGet(second, took / 1_000_000, Math::max);
                } else {
                    refused.incrementAndGet();
                    String reason = e != null ? String.valueOf(e.getCause() == null ? e : e.getCause()) : "HTTP " + r.statusCode() + " " + r.body();
                    reasons.merge(reason.length() > 120 ? reason.substring(0, 120) : reason, 1L, Long::sum);
                }
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] slowestMs = new long[slowest.length()];
        for (int k = 0; k < slowestMs.length; k++) {
            slowestMs[k] = slowest.get(k);
        }
        return new Flood(lat, accepted.get(), refused.get(), Map.copyOf(reasons), slowestMs, elapsed);
    }

    private static String communeOf(HttpClient http, Target server) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/api/communes"))
                .header("Cookie", Rest.signIn("http://127.0.0.1:" + server.httpPort(), server.adminSecret())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("name", "Xã Ia Băng", "province", "Gia Lai")))).build();
        var reply = http.send(request, HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(reply.body()).path("id").asText();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
