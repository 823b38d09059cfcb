package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.StaffClient;
import vn.doithoai.support.TestServer;
import vn.doithoai.support.WsClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commune's yearly plan over real HTTP against a real PostgreSQL: plan 000's three direct
 * dialogues, one set up and held, the progress counted by hand; who may read and change it; bad input.
 */
class YearlyPlanTest {

    private static final String PASSWORD = "mat-khau-du-dai";
    private static final String CHAIR_UBND = "Phó Bí thư Đảng ủy, Chủ tịch UBND xã";
    private static final String CHAIR_PARTY = "Bí thư Đảng ủy, Chủ tịch HĐND xã";
    private static final String VENUE = "Tại trụ sở Đảng ủy - UBND xã";

    @RegisterExtension
    final TestServer server = TestServer.forEachTest();

    private StaffClient admin() {
        return StaffClient.signedIn(server.port(), "admin", Organiser.SECRET);
    }

    private static String commune(StaffClient admin, String name) {
        Organiser.Reply created = admin.post("/api/communes", Map.of("name", name, "province", "Hải Phòng"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().path("id").asText();
    }

    private static String office(StaffClient admin, String communeId, String name) {
        for (JsonNode office : admin.get("/api/communes/" + communeId + "/offices").body().path("offices")) {
            if (office.path("name").asText().equals(name)) {
                return office.path("id").asText();
            }
        }
        Organiser.Reply added = admin.post("/api/communes/" + communeId + "/offices", Map.of("name", name));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.body().path("id").asText();
    }

    private static Map<String, Object> dialogue(String kind, String theme, String group, int month, String chair, String officeId) {
        var body = new HashMap<String, Object>(Map.of("kind", kind, "theme", theme, "month", month, "chair", chair, "venue", VENUE));
        body.put("group", group);
        body.put("hostOfficeId", officeId);
        return body;
    }

    private static String added(Organiser.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode dialogues = reply.body().path("dialogues");
        return dialogues.get(dialogues.size() - 1).path("id").asText();
    }

    private static void ok(JsonNode answer) {
        assertThat(answer.path("type").asText()).as(answer.toString()).isEqualTo("ack");
    }

    private void holdAndClose(JsonNode created) {
        try (WsClient chair = WsClient.connect(server.port())) {
            assertThat(chair.helloWithToken(Organiser.token(created, "chair"), null).path("type").asText()).isEqualTo("welcome");
            ok(chair.command("StartMeeting", null));
            ok(chair.command("CloseMeeting", null));
        }
    }

    private static JsonNode month(JsonNode progress, int month) {
        JsonNode row = progress.path("months").get(month - 1);
        assertThat(row.path("month").asInt()).isEqualTo(month);
        return row;
    }

    private static String figures(JsonNode row) {
        return row.path("planned").asInt() + "/" + row.path("setUp").asInt() + "/" + row.path("held").asInt()
                + " cancelled " + row.path("cancelled").asInt() + " outside " + row.path("heldOutsidePlan").asInt();
    }

    @Test
    void plan000sThreeDialoguesOneSetUpAndHeldShowMonthByMonthAgainstTheTarget() {
        StaffClient admin = admin();
        String kienMinh = commune(admin, "Xã Kiến Minh");
        String people = office(admin, kienMinh, "Văn phòng HĐND và UBND xã");
        String party = office(admin, kienMinh, "Văn phòng Đảng ủy");
        String plan = "/api/communes/" + kienMinh + "/plans/2026";

        Organiser.Reply target = admin.put(plan + "/target", Map.of("direct", 3, "byKind", Map.of("PERIODIC", 2, "THEMATIC", 1)));
        assertThat(target.status()).as(target.toString()).isEqualTo(200);
        assertThat(target.body().path("target").path("direct").asInt()).isEqualTo(3);
        String june = added(admin.post(plan + "/dialogues", dialogue("PERIODIC",
                "Hội nghị tiếp xúc, đối thoại với Nhân dân trên địa bàn xã", "Nhân dân", 6, CHAIR_UBND, people)));
        String august = added(admin.post(plan + "/dialogues", dialogue("PERIODIC",
                "Hội nghị tiếp xúc, đối thoại với đại diện cán bộ, đảng viên và Nhân dân", "Cán bộ, đảng viên và Nhân dân", 8,
                CHAIR_PARTY, party)));
        String october = added(admin.post(plan + "/dialogues", dialogue("THEMATIC",
                "Hội nghị tiếp xúc, đối thoại với doanh nghiệp trên địa bàn xã", "doanh nghiệp, hợp tác xã", 10, CHAIR_UBND, people)));

        JsonNode shown = admin.get(plan).body();
        assertThat(shown.path("canEdit").asBoolean()).isTrue();
        assertThat(shown.path("plan").path("dialogues")).hasSize(3);
        assertThat(shown.path("plan").path("dialogues").get(1).path("hostOffice").asText()).isEqualTo("Văn phòng Đảng ủy");

        // June is set up as a meeting: what the body leaves out comes from the plan.
        Organiser.Reply setUp = admin.post(plan + "/dialogues/" + june + "/meeting", Map.of("scheduledAt", "2026-06-18T01:00:00Z"));
        assertThat(setUp.status()).as(setUp.toString()).isEqualTo(201);
        JsonNode created = setUp.body();
        assertThat(created.path("joinCode").asText()).hasSize(6);
        assertThat(created.path("links").path("chair").asText()).contains("/chair#token=");
        assertThat(created.path("links").path("join").asText()).endsWith("/j/" + created.path("joinCode").asText());
        String meetingId = created.path("meetingId").asText();
        JsonNode meeting = admin.get("/api/meetings/" + meetingId).body();
        JsonNode setup = meeting.path("state").path("setup");
        assertThat(setup.path("title").asText()).isEqualTo("Hội nghị tiếp xúc, đối thoại với Nhân dân trên địa bàn xã");
        assertThat(setup.path("kind").asText()).isEqualTo("PERIODIC");
        assertThat(setup.path("group").asText()).isEqualTo("Nhân dân");
        assertThat(setup.path("venue").asText()).isEqualTo(VENUE);
        assertThat(setup.path("hostOffice").asText()).isEqualTo("Văn phòng HĐND và UBND xã");
        assertThat(setup.path("chairs").toString()).isEqualTo("[\"" + CHAIR_UBND + "\"]");
        assertThat(meeting.path("meeting").path("scheduledAt").asText()).isEqualTo("2026-06-18T01:00:00Z");
        assertThat(created.path("plan").path("dialogues").get(0).path("meetingId").asText()).isEqualTo(meetingId);

        // October is set up with its own title; the body wins where it speaks.
        Organiser.Reply octoberSetUp = admin.post(plan + "/dialogues/" + october + "/meeting",
                Map.of("title", "Đối thoại với doanh nghiệp, hợp tác xã năm 2026", "chairs", List.of(CHAIR_UBND, CHAIR_PARTY)));
        assertThat(octoberSetUp.status()).as(octoberSetUp.toString()).isEqualTo(201);
        JsonNode octoberSetup = admin.get("/api/meetings/" + octoberSetUp.body().path("meetingId").asText()).body().path("state").path("setup");
        assertThat(octoberSetup.path("title").asText()).isEqualTo("Đối thoại với doanh nghiệp, hợp tác xã năm 2026");
        assertThat(octoberSetup.path("kind").asText()).isEqualTo("THEMATIC");
        assertThat(octoberSetup.path("chairs")).hasSize(2);

        // A dialogue is set up once; one set up is not cancelled.
        int meetings = admin.get("/api/communes/" + kienMinh + "/meetings").body().size();
        Organiser.Reply again = admin.post(plan + "/dialogues/" + june + "/meeting", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("message").path("en").asText()).contains("set up as a meeting already");
        assertThat(admin.post(plan + "/dialogues/" + june + "/cancel", Map.of("reason", "Không tổ chức")).status()).isEqualTo(409);
        assertThat(admin.get("/api/communes/" + kienMinh + "/meetings").body().size()).isEqualTo(meetings);

        // A setup the meeting's rules refuse, or a body that is no setup, creates nothing and links nothing.
        Organiser.Reply longTitle = admin.post(plan + "/dialogues/" + august + "/meeting", Map.of("title", "Đ".repeat(301)));
        assertThat(longTitle.status()).as(longTitle.toString()).isEqualTo(400);
        assertThat(longTitle.body().path("message").path("vi").asText()).contains("Tên hội nghị quá dài");
        Organiser.Reply weekly = admin.post(plan + "/dialogues/" + august + "/meeting", Map.of("kind", "WEEKLY"));
        assertThat(weekly.status()).isEqualTo(400);
        assertThat(weekly.body().path("code").asText()).isEqualTo("BAD_JSON");
        assertThat(admin.get("/api/communes/" + kienMinh + "/meetings").body().size()).isEqualTo(meetings);
        assertThat(admin.get(plan).body().path("plan").path("dialogues").get(1).path("meetingId").isNull()).isTrue();

        holdAndClose(created);

        // By hand: June planned, set up, held; August planned only; October planned and set up.
        JsonNode progress = admin.get(plan + "/progress").body();
        assertThat(progress.path("months")).hasSize(12);
        assertThat(figures(month(progress, 6))).isEqualTo("1/1/1 cancelled 0 outside 0");
        assertThat(figures(month(progress, 8))).isEqualTo("1/0/0 cancelled 0 outside 0");
        assertThat(figures(month(progress, 10))).isEqualTo("1/1/0 cancelled 0 outside 0");
        assertThat(figures(month(progress, 1))).isEqualTo("0/0/0 cancelled 0 outside 0");
        assertThat(figures(progress.path("totals"))).isEqualTo("3/2/1 cancelled 0 outside 0");
        assertThat(progress.path("target").path("direct").asInt()).isEqualTo(3);
        JsonNode periodic = progress.path("byKind").get(0);
        assertThat(periodic.path("kind").asText()).isEqualTo("PERIODIC");
        assertThat(periodic.path("target").asInt()).isEqualTo(2);
        assertThat(periodic.path("planned").asInt() + "/" + periodic.path("setUp").asInt() + "/" + periodic.path("held").asInt())
                .isEqualTo("2/1/1");
        JsonNode thematic = progress.path("byKind").get(1);
        assertThat(thematic.path("planned").asInt() + "/" + thematic.path("setUp").asInt() + "/" + thematic.path("held").asInt())
                .isEqualTo("1/1/0");
        assertThat(progress.path("byKind").get(2).path("target").isNull()).isTrue();

        // August is cancelled with its reason: it stays in the plan and leaves the planned figures.
        Organiser.Reply cancelled = admin.post(plan + "/dialogues/" + august + "/cancel", Map.of("reason", "Trùng lịch tiếp xúc cử tri"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.body().path("dialogues").get(1).path("cancelReason").asText()).isEqualTo("Trùng lịch tiếp xúc cử tri");
        assertThat(figures(month(admin.get(plan + "/progress").body(), 8))).isEqualTo("0/0/0 cancelled 1 outside 0");
        assertThat(admin.post(plan + "/dialogues/" + august + "/meeting", Map.of()).status()).isEqualTo(409);

        // Every change is in the record with who made it.
        JsonNode history = admin.get(plan + "/history").body().path("entries");
        assertThat(history).extracting(e -> e.path("type").asText()).containsExactly("TargetSet", "DialoguePlanned",
                "DialoguePlanned", "DialoguePlanned", "MeetingLinked", "MeetingLinked", "DialogueCancelled");
        assertThat(history.get(0).path("actor").asText()).startsWith("account:");
    }

    @Test
    void aMeetingHeldOutsideThePlanCountsBesideItInTheMonthItClosed() {
        StaffClient admin = admin();
        String communeId = commune(admin, "Xã Ia Băng");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String plan = "/api/communes/" + communeId + "/plans/" + today.getYear();
        admin.put(plan + "/target", Map.of("direct", 2));
        Organiser.Reply extraordinary = admin.post("/api/communes/" + communeId + "/meetings",
                Map.of("title", "Đối thoại đột xuất về giải phóng mặt bằng", "kind", "EXTRAORDINARY"));
        assertThat(extraordinary.status()).isEqualTo(201);
        holdAndClose(extraordinary.body());

        JsonNode progress = admin.get(plan + "/progress").body();
        assertThat(figures(month(progress, today.getMonthValue()))).isEqualTo("0/0/0 cancelled 0 outside 1");
        assertThat(figures(progress.path("totals"))).isEqualTo("0/0/0 cancelled 0 outside 1");
        assertThat(figures(month(admin.get("/api/communes/" + communeId + "/plans/" + (today.getYear() - 1) + "/progress").body(),
                today.getMonthValue()))).isEqualTo("0/0/0 cancelled 0 outside 0");
    }

    @Test
    void staffAndViewersReadThePlanAndChangeNothingAnotherCommunesAdministratorSeesNothing() {
        StaffClient admin = admin();
        String kienMinh = commune(admin, "Xã Kiến Minh");
        String iaBang = commune(admin, "Xã Ia Băng");
        String people = office(admin, kienMinh, "Văn phòng HĐND và UBND xã");
        String plan = "/api/communes/" + kienMinh + "/plans/2026";
        admin.put(plan + "/target", Map.of("direct", 3));
        String june = added(admin.post(plan + "/dialogues", dialogue("PERIODIC", "Đối thoại với Nhân dân", "Nhân dân", 6, CHAIR_UBND, people)));

        account(admin, "canbo.vanphong", "OFFICE_STAFF", kienMinh, people);
        account(admin, "mattran", "FRONT_STAFF", kienMinh, null);
        account(admin, "huyen", "UPPER_VIEWER", null, null);
        account(admin, "quantri.iabang", "ADMIN", iaBang, null);
        JsonNode before = admin.get(plan).body();
        int meetingsBefore = admin.get("/api/communes/" + kienMinh + "/meetings").body().size();

        for (String login : List.of("canbo.vanphong", "mattran", "huyen")) {
            StaffClient reader = StaffClient.signedIn(server.port(), login, PASSWORD);
            Organiser.Reply read = reader.get(plan);
            assertThat(read.status()).as(login).isEqualTo(200);
            assertThat(read.body().path("canEdit").asBoolean()).as(login).isFalse();
            assertThat(reader.get(plan + "/progress").status()).as(login).isEqualTo(200);
            assertRefusedEverything(reader, plan, june, login);
        }
        StaffClient otherAdmin = StaffClient.signedIn(server.port(), "quantri.iabang", PASSWORD);
        for (String path : List.of(plan, plan + "/progress", plan + "/history")) {
            Organiser.Reply refused = otherAdmin.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.body().path("message").path("vi").asText()).isNotBlank();
        }
        assertRefusedEverything(otherAdmin, plan, june, "another commune's administrator");
        assertThat(otherAdmin.get("/api/communes/" + iaBang + "/plans/2026").body().path("canEdit").asBoolean()).isTrue();

        assertThat(admin.get(plan).body()).isEqualTo(before);
        assertThat(admin.get(plan + "/history").body().path("entries")).hasSize(2);
        assertThat(admin.get("/api/communes/" + kienMinh + "/meetings").body().size()).isEqualTo(meetingsBefore);
    }

    private static void assertRefusedEverything(StaffClient who, String plan, String dialogueId, String as) {
        var changes = Map.of(
                "target", who.put(plan + "/target", Map.of("direct", 5)),
                "add", who.post(plan + "/dialogues", Map.of("theme", "Đối thoại với thanh niên", "month", 3)),
                "change", who.put(plan + "/dialogues/" + dialogueId, Map.of("theme", "Đổi chủ đề", "month", 7)),
                "cancel", who.post(plan + "/dialogues/" + dialogueId + "/cancel", Map.of("reason", "Không tổ chức")),
                "meeting", who.post(plan + "/dialogues/" + dialogueId + "/meeting", Map.of()));
        changes.forEach((what, reply) -> {
            assertThat(reply.status()).as("%s: %s", as, what).isEqualTo(403);
            assertThat(reply.body().path("code").asText()).isEqualTo("FORBIDDEN");
        });
    }

    private static void account(StaffClient admin, String login, String role, String communeId, String officeId) {
        var body = new HashMap<String, Object>(Map.of("login", login, "name", "Nguyễn Văn " + login, "role", role, "password", PASSWORD));
        body.put("communeId", communeId);
        body.put("officeId", role.equals("OFFICE_STAFF") ? officeId : null);
        Organiser.Reply created = admin.post("/api/accounts", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void badInputIsRefusedInBothLanguagesAndNothingIsSaved() {
        StaffClient admin = admin();
        String kienMinh = commune(admin, "Xã Kiến Minh");
        String iaBang = commune(admin, "Xã Ia Băng");
        String foreignOffice = office(admin, iaBang, "Công an xã");
        String plan = "/api/communes/" + kienMinh + "/plans/2026";

        Organiser.Reply thirteen = admin.post(plan + "/dialogues", Map.of("theme", "Đối thoại với Nhân dân", "month", 13));
        assertThat(thirteen.status()).isEqualTo(400);
        assertThat(thirteen.body().path("message").path("vi").asText()).isEqualTo("Tháng phải từ 1 đến 12");
        assertThat(thirteen.body().path("message").path("en").asText()).isEqualTo("The month must be between 1 and 12");
        Organiser.Reply noTheme = admin.post(plan + "/dialogues", Map.of("theme", "  ", "month", 6));
        assertThat(noTheme.status()).isEqualTo(400);
        assertThat(noTheme.body().path("message").path("vi").asText()).isEqualTo("Chưa nhập: Chủ đề");
        assertThat(noTheme.body().path("message").path("en").asText()).isEqualTo("Missing: Theme");
        for (String path : List.of("/api/communes/" + kienMinh + "/plans/1999", "/api/communes/" + kienMinh + "/plans/năm-nay")) {
            Organiser.Reply year = admin.post(path + "/dialogues", Map.of("theme", "Đối thoại", "month", 6));
            assertThat(year.status()).as(path).isEqualTo(400);
            assertThat(year.body().path("message").path("vi").asText()).contains("Năm của kế hoạch phải từ 2000 đến 2099");
            assertThat(year.body().path("message").path("en").asText()).contains("between 2000 and 2099");
            assertThat(admin.get(path).status()).isEqualTo(400);
        }
        Organiser.Reply foreign = admin.post(plan + "/dialogues", Map.of("theme", "Đối thoại", "month", 6, "hostOfficeId", foreignOffice));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body().path("message").path("en").asText()).isEqualTo("The host office is not in the commune's office directory");
        Organiser.Reply kind = admin.post(plan + "/dialogues", Map.of("theme", "Đối thoại", "month", 6, "kind", "WEEKLY"));
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.body().path("code").asText()).isEqualTo("BAD_JSON");
        Organiser.Reply tooMany = admin.put(plan + "/target", Map.of("direct", 2, "byKind", Map.of("PERIODIC", 3)));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().path("message").path("vi").asText()).contains("vượt quá");
        assertThat(admin.post(plan + "/dialogues/" + java.util.UUID.randomUUID() + "/cancel", Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(admin.post(plan + "/dialogues/not-an-id/meeting", Map.of()).status()).isEqualTo(404);
        assertThat(admin.get("/api/communes/" + java.util.UUID.randomUUID() + "/plans/2026").status()).isEqualTo(404);

        JsonNode shown = admin.get(plan).body().path("plan");
        assertThat(shown.path("seq").asLong()).isZero();
        assertThat(shown.path("dialogues")).isEmpty();
        assertThat(shown.path("target").isNull()).isTrue();
        assertThat(admin.get(plan + "/history").body().path("entries")).isEmpty();
        assertThat(admin.get("/api/communes/" + kienMinh + "/meetings").body()).isEmpty();
    }
}
