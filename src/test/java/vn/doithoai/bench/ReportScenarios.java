package vn.doithoai.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import vn.doithoai.codec.Json;
import vn.doithoai.store.ReportPlans;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static vn.doithoai.bench.Scenarios.await;

/**
 * The report upward over a province's year (issue 17, section 4): 100 communes, 10,000 meetings
 * held with their events, their conclusions followed, and 300,000 petitions, seeded by SQL into the
 * record and its read models as the server would have left them; then a year's report over every
 * commune, asked over HTTP one after another as an office would, timed whole.
 */
final class ReportScenarios {

    private ReportScenarios() {
    }

    static ObjectNode reports(Scenarios.Env env, int petitions, int communes, int meetings, int runs) throws Exception {
        try (Target server = env.servers().get()) {
            var vertx = io.vertx.core.Vertx.vertx();
            Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(server.pg()).using(vertx).build();
            long seedStart = System.nanoTime();
            List<String> ids = PetitionScenarios.seed(pool, petitions, communes);
            UUID[] communeIds = ids.stream().map(UUID::fromString).toArray(UUID[]::new);
            seedMeetings(pool, communeIds, meetings);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            long events = await(pool.query("SELECT count(*) AS n FROM events").execute()).iterator().next().getLong("n");
            System.out.printf("  seeded %,d petitions, %,d meetings with %,d events and their conclusions in %d communes in %.1f s%n",
                    petitions, meetings, events, communes, seedSeconds);

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String cookie = Rest.signIn("http://127.0.0.1:" + server.httpPort(), server.adminSecret());
            var year = new Lat();
            var one = new Lat();
            for (int i = 0; i < runs + 20; i++) {
                boolean measured = i >= 20; // the first twenty warm the server's code and PostgreSQL's caches
                long took = time(http, server, cookie, "commune=all&period=2026");
                if (measured) {
                    year.recordNanos(took);
                }
                long tookOne = time(http, server, cookie, "commune=" + ids.get(i % ids.size()) + "&period=2026");
                if (measured) {
                    one.recordNanos(tookOne);
                }
            }
            var plans = await(ReportPlans.explain(pool, List.of(communeIds), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1),
                    LocalDate.of(2026, 12, 5)));
            var planText = new StringBuilder();
            plans.forEach((name, plan) -> planText.append("-- ").append(name).append('\n').append(plan).append('\n'));
            Files.writeString(env.outDir().resolve("report-plans.txt"), planText);
            await(pool.close());
            await(vertx.close());
            ObjectNode out = Json.object().put("petitions", petitions).put("communes", communes).put("meetings", meetings)
                    .put("events", events).put("runs", runs).put("seedSeconds", seedSeconds);
            out.set("yearAllCommunes", year.json());
            out.set("yearOneCommune", one.json());
            out.put("plans", env.outDir().resolve("report-plans.txt").toString());
            return out;
        }
    }

    private static long time(HttpClient http, Target server, String cookie, String query) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/api/reports?" + query))
                .header("Cookie", cookie).timeout(Duration.ofSeconds(60)).build();
        long sent = System.nanoTime();
        HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - sent;
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("the report answered " + reply.statusCode() + ": " + reply.body());
        }
        return took;
    }

    /**
     * The meetings of 2026, spread over the communes and the year, each with its setup (its kind), 10
     * people checked in, 8 speakers and 3 responders called (22 events, chained by the database's
     * trigger as the server's appends are), two conclusions followed (a quarter done, some rated);
     * and each commune's plan for the year with three planned dialogues.
     */
    private static void seedMeetings(Pool pool, UUID[] communes, int meetings) throws Exception {
        await(pool.preparedQuery("""
                INSERT INTO meetings (id, commune_id, join_code, status, title, scheduled_at, closed_at)
                SELECT gen_random_uuid(), ($1::uuid[])[1 + i % cardinality($1::uuid[])], 'R' || lpad(i::text, 7, '0'), 'CLOSED',
                       'Hội nghị đối thoại số ' || i, t, t + interval '4 hours'
                FROM generate_series(0, $2::int - 1) AS i,
                     LATERAL (SELECT timestamptz '2026-01-05 01:00:00+00' + ((i % 330) || ' days')::interval AS t) AS at""")
                .execute(Tuple.of(communes, meetings)));
        int batch = 2_000;
        for (int from = 0; from < meetings; from += batch) {
            await(pool.preparedQuery("""
                    INSERT INTO events (meeting_id, seq, type, payload, actor, occurred_at)
                    SELECT m.id, s,
                           CASE WHEN s = 1 THEN 'MeetingCreated' WHEN s <= 11 THEN 'CheckedIn' WHEN s <= 19 THEN 'SpeakerCalled'
                                ELSE 'ResponderCalled' END,
                           CASE WHEN s = 1 THEN jsonb_build_object('setup', jsonb_build_object('title', m.title,
                                    'kind', (ARRAY['PERIODIC', 'THEMATIC', 'EXTRAORDINARY'])[1 + (n % 3)]))
                                ELSE jsonb_build_object('n', s) END,
                           'bench', m.scheduled_at + (s || ' minutes')::interval
                    FROM (SELECT id, title, scheduled_at, row_number() OVER (ORDER BY join_code) - 1 AS n FROM meetings
                          WHERE join_code LIKE 'R%') AS m, generate_series(1, 22) AS s
                    WHERE m.n >= $1 AND m.n < $2
                    ORDER BY m.id, s""").execute(Tuple.of(from, Math.min(meetings, from + batch))));
        }
        await(pool.query("""
                INSERT INTO followups (id, commune_id, meeting_id, conclusion_id, seq, status, office_id, office_key, deadline,
                                       opened_at, settled_on, supervision_years, petition_codes, state)
                SELECT gen_random_uuid(), m.commune_id, m.id, c, 1, st, NULL, 'phong kinh te', (m.closed_at + interval '60 days')::date,
                       m.closed_at, CASE WHEN st = 'DONE' THEN (m.closed_at + interval '30 days')::date END, '{}', '{}',
                       jsonb_build_object('outcome', 'ASSIGNED', 'status', st,
                           'ratings', CASE WHEN st = 'DONE' THEN jsonb_build_array(jsonb_build_object('satisfied', c = 1)) ELSE '[]'::jsonb END)
                FROM meetings m, generate_series(1, 2) AS c,
                     LATERAL (SELECT (ARRAY['ASSIGNED', 'IN_PROGRESS', 'DONE', 'DONE'])[1 + abs(hashtext(m.id::text || c)) % 4] AS st) AS x
                WHERE m.join_code LIKE 'R%'""").execute());
        await(pool.preparedQuery("""
                INSERT INTO plans (commune_id, year, stream_id, seq, target_direct, target_periodic, target_thematic,
                                   target_extraordinary, updated_at)
                SELECT c, 2026, gen_random_uuid(), 1, 3, 2, 1, 0, now() FROM unnest($1::uuid[]) AS c""").execute(Tuple.of(communes)));
        await(pool.preparedQuery("""
                INSERT INTO planned_dialogues (id, commune_id, year, position, kind, theme, month, planned_at)
                SELECT gen_random_uuid(), c, 2026, p, (ARRAY['PERIODIC', 'PERIODIC', 'THEMATIC'])[p], 'Đối thoại ' || p, 2 + 3 * p, now()
                FROM unnest($1::uuid[]) AS c, generate_series(1, 3) AS p""").execute(Tuple.of(communes)));
        // As autovacuum leaves tables that have lived a while (PostgreSQL vacuums after many inserts too):
        // statistics, and the pages marked visible so that the report's indexes answer alone.
        for (String table : new String[] {"meetings", "events", "followups", "plans", "planned_dialogues", "petitions"}) {
            await(pool.query("VACUUM ANALYZE " + table).execute());
        }
    }
}
