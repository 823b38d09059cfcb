package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.StaffClient;
import vn.doithoai.support.TestServer;
import vn.doithoai.support.WsClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invitation list over REST and check-in over WebSockets, against a real PostgreSQL: the door
 * checks people in by their personal code, the chair and the hall display see the head count, and
 * neither the display nor the phones ever receive an invited person's name or code.
 */
class InvitationsAndCheckInTest {

    private static final String PASSWORD = "mat-khau-du-dai";
    private static final String SPEAKER_PHONE = "0905 123 456";

    @RegisterExtension
    final TestServer server = TestServer.forEachTest();

    private StaffClient admin() {
        return StaffClient.signedIn(server.port(), "admin", Organiser.SECRET);
    }

    private static Map<String, Object> setup(int invitesPerVillage) {
        return Map.of("title", "Hội nghị đối thoại trực tiếp với Nhân dân xã Ia Băng",
                "rules", Map.of("slotSeconds", 300, "warningSeconds", 60, "perVillageCap", 5,
                        "firstTimersFirst", true, "responseSeconds", 300, "invitesPerVillage", invitesPerVillage));
    }

    /** A commune with a meeting in it; the creation reply. */
    private JsonNode meeting(StaffClient by, int invitesPerVillage) {
        Organiser.Reply commune = by.post("/api/communes", Map.of("name", "Xã Ia Băng", "province", "Gia Lai"));
        Organiser.Reply created = by.post("/api/communes/" + commune.body().path("id").asText() + "/meetings",
                setup(invitesPerVillage));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    private static String invitations(JsonNode meeting) {
        return "/api/meetings/" + meeting.path("meetingId").asText() + "/invitations";
    }

    private static Map<String, Object> villager(String name, String village) {
        return Map.of("kind", "INVITEE", "name", name, "village", village);
    }

    /** Invites; returns the personal code. */
    private static String invite(StaffClient by, JsonNode meeting, Map<String, Object> invitation) {
        Organiser.Reply added = by.post(invitations(meeting), invitation);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.body().path("code").asText();
    }

    private static JsonNode ack(JsonNode answer) {
        assertThat(answer.path("type").asText()).as("%s", answer).isEqualTo("ack");
        return answer;
    }

    @Test
    void theDoorChecksInByCodeTheChairAndDisplaySeeTheCountAndTheHallNeverSeesWhoWasInvited() {
        StaffClient admin = admin();
        JsonNode meeting = meeting(admin, 5);
        assertThat(meeting.path("links").path("door").asText()).contains("/door#token=");
        String delegateCode = invite(admin, meeting, Map.of("kind", "DELEGATE", "name", "Rơ Mah Thuận",
                "title", "Trưởng Công an xã", "office", "Công an xã"));
        String hoaCode = invite(admin, meeting, villager("Lê Văn Hòa", "Thôn Broch"));
        invite(admin, meeting, villager("Trần Thị Mai", "Làng Bi"));

        WsClient chair = server.connect();
        WsClient display = server.connect();
        WsClient door = server.connect();
        WsClient phone = server.connect();
        chair.helloWithToken(Organiser.token(meeting, "chair"), null);
        display.helloWithToken(Organiser.token(meeting, "display"), null);
        JsonNode doorWelcome = door.helloWithToken(Organiser.token(meeting, "door"), null);
        phone.helloWithJoinCode(meeting.path("joinCode").asText(), null, null);

        // The door holds the list it checks in from; the hall holds only numbers.
        assertThat(doorWelcome.path("role").asText()).isEqualTo("DOOR");
        assertThat(doorWelcome.path("snapshot").path("invitations")).hasSize(3);
        assertThat(doorWelcome.path("snapshot").path("invitations").get(1).path("code").asText()).isEqualTo(hoaCode);
        assertThat(doorWelcome.path("snapshot").path("headCount").path("inviteesInvited").asInt()).isEqualTo(2);

        // A speaker registers from a phone, asking for three minutes, with a phone number.
        ack(chair.command("OpenRegistration", null));
        ack(phone.command("Register", Map.of("name", "Siu Thuấn", "village", "Làng Dơ Lâm", "topic", "Đất sản xuất",
                "phone", SPEAKER_PHONE, "minutes", 3)));
        JsonNode registered = chair.awaitEvent("SpeakerRegistered");
        assertThat(registered.path("patch").path("registrations").path("1").path("minutesAsked").asInt()).isEqualTo(3);

        // At the door: by code (typed any way), once only, and a walk-in.
        ack(door.command("CheckIn", Map.of("code", " " + hoaCode.toLowerCase().substring(0, 2) + "-" + hoaCode.substring(2))));
        JsonNode again = door.command("CheckIn", Map.of("code", hoaCode));
        assertThat(again.path("code").asText()).isEqualTo("ALREADY_CHECKED_IN");
        assertThat(again.path("message").path("vi").asText()).startsWith("Lê Văn Hòa đã điểm danh lúc ");
        assertThat(door.command("CheckIn", Map.of("code", "ZZZZZ")).path("code").asText()).isEqualTo("NOT_FOUND");
        ack(door.command("CheckIn", Map.of("code", delegateCode)));
        ack(door.command("CheckInWalkIn", Map.of("name", "Ksor Ban", "village", "Làng Bi")));

        // The chair and the display see the count, live.
        chair.awaitFrom(0, f -> f.path("patch").path("headCount").path("walkIns").asInt() == 1);
        JsonNode count = display.awaitFrom(0, f -> f.path("patch").path("headCount").path("walkIns").asInt() == 1)
                .path("patch").path("headCount");
        assertThat(count.path("delegatesPresent").asInt()).isEqualTo(1);
        assertThat(count.path("inviteesPresent").asInt()).isEqualTo(1);
        assertThat(count.path("inviteesInvited").asInt()).isEqualTo(2);
        phone.awaitFrom(0, f -> f.path("patch").path("headCount").path("walkIns").asInt() == 1);
        JsonNode atTheChair = chair.awaitFrom(0, f -> "CheckedIn".equals(f.path("name").asText()));
        assertThat(atTheChair.path("actor").asText()).isEqualTo("door");
        assertThat(atTheChair.path("data").path("by").asText()).isEqualTo("DOOR");

        // Wrong roles are refused.
        assertThat(door.command("CallNext", null).path("code").asText()).isEqualTo("WRONG_ROLE");
        assertThat(display.command("CheckIn", Map.of("code", hoaCode)).path("code").asText()).isEqualTo("WRONG_ROLE");
        assertThat(phone.command("CheckInWalkIn", Map.of()).path("code").asText()).isEqualTo("WRONG_ROLE");
        assertThat(chair.command("CheckIn", Map.of("code", hoaCode)).path("code").asText()).isEqualTo("WRONG_ROLE");

        // Nothing of who was invited or came reaches the hall; the door gets no speaker's phone number.
        for (WsClient hall : List.of(display, phone)) {
            assertThat(hall.frames().toString()).doesNotContain("Rơ Mah Thuận", "Lê Văn Hòa", "Trần Thị Mai", "Ksor Ban",
                    "Công an xã", hoaCode, delegateCode);
        }
        assertThat(door.frames().toString()).doesNotContain(SPEAKER_PHONE).contains("Ksor Ban");
    }

    @Test
    void theOrganiserInvitesUpToTheVillageCapTakesBackAndGetsAPrintableListWithQrCodes() {
        StaffClient admin = admin();
        JsonNode meeting = meeting(admin, 2);
        String first = invite(admin, meeting, villager("Lê Văn Hòa", "Thôn Broch"));
        invite(admin, meeting, villager("Trần Thị Mai", "thôn broch"));
        assertThat(first).matches("[ACDEFHJKMNPRTUVWXY3479]{5}");

        Organiser.Reply third = admin.post(invitations(meeting), villager("Đinh Văn Nguyên", "Thôn Broch"));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.body().path("code").asText()).isEqualTo("VILLAGE_CAP_REACHED");
        assertThat(third.body().path("message").path("vi").asText()).isEqualTo("Thôn Broch đã mời đủ 2 người");

        Organiser.Reply removed = admin.delete(invitations(meeting) + "/1");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        invite(admin, meeting, villager("Đinh Văn Nguyên", "Thôn Broch"));
        assertThat(admin.delete(invitations(meeting) + "/1").status()).isEqualTo(404);
        assertThat(admin.delete(invitations(meeting) + "/x").status()).isEqualTo(404);

        JsonNode list = admin.get(invitations(meeting)).body();
        assertThat(list.path("meeting").path("title").asText()).startsWith("Hội nghị đối thoại");
        assertThat(list.path("invitesPerVillage").asInt()).isEqualTo(2);
        assertThat(list.path("invitations")).extracting(i -> i.path("name").asText())
                .containsExactly("Trần Thị Mai", "Đinh Văn Nguyên");
        assertThat(list.path("invitations").get(0).path("qr").asText()).startsWith("data:image/svg+xml;base64,");
        assertThat(list.path("invitations").get(0).has("removed")).isFalse();
    }

    @Test
    void badInvitationsAreRefusedInBothLanguagesAndChangeNothing() {
        StaffClient admin = admin();
        JsonNode meeting = meeting(admin, 5);
        Organiser.Reply noName = admin.post(invitations(meeting), Map.of("kind", "INVITEE", "village", "Thôn 1"));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.body().path("message").path("vi").asText()).isEqualTo("Chưa nhập: Họ và tên");
        assertThat(noName.body().path("message").path("en").asText()).isEqualTo("Missing: Name");
        Organiser.Reply badKind = admin.post(invitations(meeting), Map.of("kind", "GUEST", "name", "A", "village", "B"));
        assertThat(badKind.status()).isEqualTo(400);
        Organiser.Reply codeGiven = admin.post(invitations(meeting), Map.of("kind", "INVITEE", "name", "A", "village", "B",
                "code", "AAAAA"));
        assertThat(codeGiven.status()).as("the code is the server's to make").isEqualTo(400);
        assertThat(admin.get(invitations(meeting)).body().path("invitations")).isEmpty();
    }

    @Test
    void onlyThoseWhoManageTheCommunesMeetingsTouchItsInvitationList() {
        StaffClient admin = admin();
        JsonNode meeting = meeting(admin, 5);
        invite(admin, meeting, villager("Lê Văn Hòa", "Thôn Broch"));
        String communeId = admin.get("/api/communes").body().get(0).path("id").asText();
        String otherCommune = admin.post("/api/communes", Map.of("name", "Xã Kiến Minh")).body().path("id").asText();
        String office = admin.get("/api/communes/" + communeId + "/offices").body().path("offices").get(0).path("id").asText();
        account(admin, "canbo", "OFFICE_STAFF", communeId, office);
        account(admin, "mattran", "FRONT_STAFF", communeId, null);
        account(admin, "xakhac", "ADMIN", otherCommune, null);

        for (String login : List.of("canbo", "mattran", "xakhac")) {
            StaffClient someone = StaffClient.signedIn(server.port(), login, PASSWORD);
            assertThat(someone.post(invitations(meeting), villager("Trần Thị Mai", "Làng Bi")).status()).as(login).isEqualTo(403);
            assertThat(someone.delete(invitations(meeting) + "/1").status()).as(login).isEqualTo(403);
            assertThat(someone.get(invitations(meeting)).status()).as(login).isEqualTo(403);
        }
        assertThat(new StaffClient(server.port()).get(invitations(meeting)).status()).isEqualTo(401);
        JsonNode list = admin.get(invitations(meeting)).body().path("invitations");
        assertThat(list).extracting(i -> i.path("name").asText()).containsExactly("Lê Văn Hòa");
    }

    @Test
    void newRoleLinksGiveTheDoorANewTokenAndTheOldOneNoLongerOpens() {
        JsonNode meeting = meeting(admin(), 5);
        String oldDoor = Organiser.token(meeting, "door");
        Organiser.Reply replaced = new Organiser(server.port()).post("/api/meetings/" + meeting.path("meetingId").asText()
                + "/links", Map.of());
        String newDoor = replaced.body().path("links").path("door").asText();
        assertThat(newDoor).contains("/door#token=").doesNotContain(oldDoor);
        assertThat(server.connect().helloWithToken(oldDoor, null).path("code").asText()).isEqualTo("BAD_CREDENTIALS");
    }

    private static void account(StaffClient by, String login, String role, String communeId, String officeId) {
        var body = new HashMap<String, Object>(Map.of("login", login, "name", "Nguyễn Văn " + login, "role", role,
                "password", PASSWORD));
        body.put("communeId", communeId);
        body.put("officeId", officeId);
        Organiser.Reply created = by.post("/api/accounts", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
}
