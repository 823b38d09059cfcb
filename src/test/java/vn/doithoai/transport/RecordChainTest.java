package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import vn.doithoai.app.Config;
import vn.doithoai.app.Migrations;
import vn.doithoai.app.Server;
import vn.doithoai.app.VerifyRecords;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestPostgres;
import vn.doithoai.support.WsClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each meeting's events form a chain of hashes kept by PostgreSQL: the organiser's check and
 * bin/verify call an untouched record intact, with the head at the close, and name the first event
 * that was changed or removed behind the server's back (as the database's owner, triggers off).
 */
class RecordChainTest {

    @Test
    void anUntouchedRecordIsIntactAndAnEventChangedBehindTheServersBackIsNamed() throws Exception {
        Config config = TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET);
        try (Server server = Server.start(config)) {
            Organiser organiser = new Organiser(server.port());
            String meetingId = aMeetingRunToItsClose(server, organiser);

            JsonNode intact = organiser.get("/api/meetings/" + meetingId + "/verify").body();
            assertThat(intact.path("intact").asBoolean()).as(intact.toString()).isTrue();
            assertThat(intact.path("events").asLong()).isGreaterThan(10);
            assertThat(intact.path("headAtClose").asText()).hasSize(64);
            assertThat(intact.path("message").path("vi").asText()).startsWith("Biên bản gốc nguyên vẹn");
            assertThat(verifyCommand(config, meetingId)).startsWith("0 ").contains("intact");

            long changed = 6;
            behindTheServersBack(config, "UPDATE events SET payload = jsonb_set(payload, '{name}', '\"Kẻ giả mạo\"')"
                    + " WHERE meeting_id = ? AND seq = " + changed, meetingId);
            JsonNode broken = organiser.get("/api/meetings/" + meetingId + "/verify").body();
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("firstBrokenSeq").asLong()).isEqualTo(changed);
            assertThat(broken.path("message").path("vi").asText()).contains("sự kiện số " + changed);
            assertThat(verifyCommand(config, meetingId)).startsWith("1 ").contains("BROKEN at event " + changed);

            // Its hash forged to match its new content: the next link no longer does.
            behindTheServersBack(config, "UPDATE events e SET chain_hash = event_link(p.chain_hash, e.meeting_id, e.seq,"
                    + " e.type, e.payload, e.actor, e.occurred_at, e.command_id) FROM events p WHERE e.meeting_id = ?"
                    + " AND p.meeting_id = e.meeting_id AND e.seq = " + changed + " AND p.seq = e.seq - 1", meetingId);
            assertThat(organiser.get("/api/meetings/" + meetingId + "/verify").body().path("firstBrokenSeq").asLong())
                    .isEqualTo(changed + 1);
        }
    }

    @Test
    void anEventRemovedFromTheMiddleOrTheEndIsFound() throws Exception {
        Config config = TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET);
        try (Server server = Server.start(config)) {
            Organiser organiser = new Organiser(server.port());
            String meetingId = aMeetingRunToItsClose(server, organiser);
            long events = organiser.get("/api/meetings/" + meetingId + "/verify").body().path("events").asLong();

            behindTheServersBack(config, "DELETE FROM events WHERE meeting_id = ? AND seq = " + events, meetingId);
            JsonNode cut = organiser.get("/api/meetings/" + meetingId + "/verify").body();
            assertThat(cut.path("intact").asBoolean()).as("the last event, acknowledged, is gone").isFalse();

            behindTheServersBack(config, "DELETE FROM events WHERE meeting_id = ? AND seq = 4", meetingId);
            assertThat(organiser.get("/api/meetings/" + meetingId + "/verify").body().path("firstBrokenSeq").asLong())
                    .isEqualTo(5);
        }
    }

    @Test
    void eventsStoredBeforeTheChainAreChainedByTheMigration() throws Exception {
        Config config = TestPostgres.emptyDatabaseConfig();
        Config.DatabaseUrl db = config.database().orElseThrow();
        String jdbcUrl = TestPostgres.jdbcUrl(db.database());
        Flyway.configure().dataSource(jdbcUrl, db.user(), db.password()).locations(Migrations.LOCATION).target("5").load().migrate();
        UUID meeting = UUID.randomUUID();
        try (Connection c = TestPostgres.connect(config); Statement s = c.createStatement()) {
            s.execute("INSERT INTO communes (id, name) VALUES ('" + UUID.randomUUID() + "', 'Xã Thử')");
            s.execute("INSERT INTO meetings (id, commune_id, join_code, status, title) SELECT '" + meeting
                    + "', id, 'ACDEFH', 'scheduled', 'Đối thoại' FROM communes");
            for (int seq = 1; seq <= 3; seq++) {
                s.execute("INSERT INTO events (meeting_id, seq, type, payload, actor, occurred_at) VALUES ('" + meeting
                        + "', " + seq + ", 'MinuteRecorded', '{\"text\":\"Dòng " + seq + "\"}', 'secretary', now())");
            }
        }
        Migrations.run(jdbcUrl, db.user(), db.password());
        try (Server server = Server.start(config.withAdminSecret(Organiser.SECRET))) {
            JsonNode verdict = new Organiser(server.port()).get("/api/meetings/" + meeting + "/verify").body();
            assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isTrue();
            assertThat(verdict.path("events").asLong()).isEqualTo(3);
        }
    }

    /** Registrations sent at once (rounds of several events in one INSERT), a conclusion, the close. */
    private static String aMeetingRunToItsClose(Server server, Organiser organiser) {
        JsonNode created = organiser.communeWithMeeting(Map.of("title", "Hội nghị đối thoại", "scheduledAt", "2026-10-15T01:00:00Z",
                "rules", Map.of("slotSeconds", 180, "warningSeconds", 30, "perVillageCap", 100,
                        "firstTimersFirst", true, "responseSeconds", 300)));
        try (WsClient chair = WsClient.connect(server.port())) {
            chair.helloWithToken(Organiser.token(created, "chair"), null);
            ack(chair.command("OpenRegistration", null));
            List<WsClient> phones = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                WsClient phone = WsClient.connect(server.port());
                phone.helloWithJoinCode(created.path("joinCode").asText(), null, null);
                phones.add(phone);
            }
            for (int i = 0; i < phones.size(); i++) {
                phones.get(i).sendText("{\"type\":\"command\",\"id\":\"r" + i + "\",\"name\":\"Register\",\"args\":{\"name\":\"Người "
                        + i + "\",\"village\":\"Thôn 1\",\"topic\":\"Đường\"}}");
            }
            for (int i = 0; i < phones.size(); i++) {
                String id = "r" + i;
                ack(phones.get(i).awaitFrom(0, f -> id.equals(f.path("id").asText(null))));
                phones.get(i).close();
            }
            ack(chair.command("StartMeeting", null));
            ack(chair.command("RecordConclusion", Map.of("text", "Giao Phòng Kinh tế khảo sát", "outcome", "ASSIGNED",
                    "office", "Phòng Kinh tế")));
            ack(chair.command("CloseMeeting", null));
        }
        return created.path("meetingId").asText();
    }

    private static void behindTheServersBack(Config config, String sql, String meetingId) throws Exception {
        try (Connection c = TestPostgres.connect(config); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE events DISABLE TRIGGER events_are_append_only");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, UUID.fromString(meetingId));
                ps.executeUpdate();
            }
            s.execute("ALTER TABLE events ENABLE TRIGGER events_are_append_only");
        }
    }

    /** bin/verify's answer: its exit code, a space, what it printed. */
    private static String verifyCommand(Config config, String meetingId) throws Exception {
        var printed = new ByteArrayOutputStream();
        int exit = VerifyRecords.verify(config, UUID.fromString(meetingId), new PrintStream(printed, true, StandardCharsets.UTF_8));
        return exit + " " + printed.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode ack(JsonNode answer) {
        assertThat(answer.path("type").asText()).as(answer.toString()).isEqualTo("ack");
        return answer;
    }
}
