package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.StaffClient;
import vn.doithoai.support.TestServer;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Named accounts, sessions and the office directory over real HTTP against a real PostgreSQL. */
class AccountsTest {

    private static final String PASSWORD = "mat-khau-du-dai";

    @RegisterExtension
    final TestServer server = TestServer.forEachTest();

    private StaffClient admin() {
        return StaffClient.signedIn(server.port(), "admin", Organiser.SECRET);
    }

    private String commune(StaffClient admin, String name) {
        Organiser.Reply created = admin.post("/api/communes", Map.of("name", name, "province", "Gia Lai"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().path("id").asText();
    }

    private JsonNode account(StaffClient by, String login, String role, String communeId, String officeId) {
        var body = new HashMap<String, Object>(Map.of("login", login, "name", "Nguyễn Văn " + login, "role", role, "password", PASSWORD));
        body.put("communeId", communeId);
        body.put("officeId", officeId);
        Organiser.Reply created = by.post("/api/accounts", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    private String firstOffice(StaffClient by, String communeId) {
        return by.get("/api/communes/" + communeId + "/offices").body().path("offices").get(0).path("id").asText();
    }

    @Test
    void theFirstStartMakesAnAdministratorWhosePasswordIsTheOrganiserSecret() {
        StaffClient admin = new StaffClient(server.port());
        Organiser.Reply signedIn = admin.signIn("Admin", Organiser.SECRET);
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.body().path("account").path("role").asText()).isEqualTo("ADMIN");
        assertThat(signedIn.body().path("account").path("communeId").isNull()).isTrue();
        assertThat(admin.setCookieSeen()).startsWith("doithoai_session=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("Secure");
        assertThat(admin.get("/api/session").body().path("account").path("login").asText()).isEqualTo("admin");
        assertThat(new StaffClient(server.port()).signIn("admin", "not the secret").status()).isEqualTo(401);
    }

    @Test
    void behindATlsProxyTheCookieIsSecure() {
        StaffClient browser = new StaffClient(server.port());
        browser.post("/api/session", Map.of("login", "admin", "password", Organiser.SECRET), Map.of("X-Forwarded-Proto", "https"));
        assertThat(browser.setCookieSeen()).containsIgnoringCase("Secure");
    }

    @Test
    void aNewCommuneStartsWithItsOfficesWhichAnAdministratorEdits() {
        StaffClient admin = admin();
        String communeId = commune(admin, "Xã Ia Băng");
        JsonNode offices = admin.get("/api/communes/" + communeId + "/offices").body().path("offices");
        assertThat(offices.toString()).contains("Văn phòng HĐND và UBND xã", "Công an xã", "Ban Chỉ huy Quân sự xã");
        String police = null;
        for (JsonNode office : offices) {
            if (office.path("name").asText().equals("Công an xã")) {
                police = office.path("id").asText();
            }
        }
        Organiser.Reply changed = admin.put("/api/offices/" + police,
                Map.of("name", "Công an xã", "headName", "Rơ Mah Thuận", "headTitle", "Trưởng Công an xã"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().path("headName").asText()).isEqualTo("Rơ Mah Thuận");
        Organiser.Reply added = admin.post("/api/communes/" + communeId + "/offices", Map.of("name", "Ban Quản lý chợ"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(admin.post("/api/offices/" + added.body().path("id").asText() + "/retire", Map.of()).body().path("retired").asBoolean())
                .isTrue();
        Organiser.Reply empty = admin.post("/api/communes/" + communeId + "/offices", Map.of("name", "  "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().path("message").path("vi").asText()).contains("Cơ quan");
    }

    @Test
    void eachRoleDoesWhatItMayAndIsRefusedTheRestWithNothingChanged() {
        StaffClient admin = admin();
        String iaBang = commune(admin, "Xã Ia Băng");
        String kienMinh = commune(admin, "Xã Kiến Minh");
        String office = firstOffice(admin, iaBang);
        account(admin, "quantri.iabang", "ADMIN", iaBang, null);
        account(admin, "canbo.vanphong", "OFFICE_STAFF", iaBang, office);
        account(admin, "mattran", "FRONT_STAFF", iaBang, null);
        account(admin, "huyen", "UPPER_VIEWER", null, null);
        var communeAdmin = StaffClient.signedIn(server.port(), "quantri.iabang", PASSWORD);
        var staff = StaffClient.signedIn(server.port(), "canbo.vanphong", PASSWORD);
        var front = StaffClient.signedIn(server.port(), "mattran", PASSWORD);
        var viewer = StaffClient.signedIn(server.port(), "huyen", PASSWORD);
        int accountsBefore = admin.get("/api/accounts").body().path("accounts").size();

        // The commune's administrator works in its commune, not in another, and makes no commune.
        assertThat(communeAdmin.post("/api/communes/" + iaBang + "/meetings", Map.of("title", "Đối thoại")).status()).isEqualTo(201);
        assertThat(communeAdmin.post("/api/communes/" + kienMinh + "/meetings", Map.of("title", "Đối thoại")).status()).isEqualTo(403);
        assertThat(communeAdmin.get("/api/communes/" + kienMinh + "/meetings").status()).isEqualTo(403);
        assertThat(communeAdmin.post("/api/communes", Map.of("name", "Xã Mới")).status()).isEqualTo(403);
        assertThat(communeAdmin.get("/api/communes").body().toString()).contains("Ia Băng").doesNotContain("Kiến Minh");
        account(communeAdmin, "canbo2", "FRONT_STAFF", iaBang, null);
        var refused = communeAdmin.post("/api/accounts", Map.of("login", "x.kienminh", "name", "X", "role", "ADMIN",
                "communeId", kienMinh, "password", PASSWORD));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(refused.body().path("message").path("vi").asText()).isNotBlank();
        var district = communeAdmin.post("/api/accounts", Map.of("login", "x.huyen", "name", "X", "role", "ADMIN", "password", PASSWORD));
        assertThat(district.status()).isEqualTo(403);

        // Office staff, the Front and the upper level read; they set up nothing and manage no one.
        for (StaffClient reader : new StaffClient[] {staff, front, viewer}) {
            assertThat(reader.get("/api/communes/" + iaBang + "/meetings").status()).isEqualTo(200);
            assertThat(reader.get("/api/communes/" + iaBang + "/offices").status()).isEqualTo(200);
            assertThat(reader.post("/api/communes/" + iaBang + "/meetings", Map.of("title", "X")).status()).isEqualTo(403);
            assertThat(reader.post("/api/communes/" + iaBang + "/offices", Map.of("name", "X")).status()).isEqualTo(403);
            assertThat(reader.put("/api/offices/" + office, Map.of("name", "X")).status()).isEqualTo(403);
            assertThat(reader.get("/api/accounts?communeId=" + iaBang).status()).isEqualTo(403);
            assertThat(reader.post("/api/accounts", Map.of("login", "zz.zz", "name", "Z", "role", "ADMIN", "communeId", iaBang,
                    "password", PASSWORD)).status()).isEqualTo(403);
        }
        assertThat(staff.get("/api/communes/" + kienMinh + "/meetings").status()).isEqualTo(403);
        assertThat(viewer.get("/api/communes/" + kienMinh + "/meetings").status()).isEqualTo(200);
        assertThat(admin.get("/api/accounts").body().path("accounts").size()).isEqualTo(accountsBefore + 1);
        assertThat(admin.get("/api/communes/" + iaBang + "/offices").body().toString()).doesNotContain("\"name\":\"X\"");
    }

    @Test
    void disablingAnAccountEndsItsSessionsAtOnce() {
        StaffClient admin = admin();
        String iaBang = commune(admin, "Xã Ia Băng");
        JsonNode front = account(admin, "mattran", "FRONT_STAFF", iaBang, null);
        var frontBrowser = StaffClient.signedIn(server.port(), "mattran", PASSWORD);
        assertThat(frontBrowser.get("/api/session").status()).isEqualTo(200);

        assertThat(admin.post("/api/accounts/" + front.path("id").asText() + "/disable", Map.of()).status()).isEqualTo(200);
        assertThat(frontBrowser.get("/api/session").status()).isEqualTo(401);
        Organiser.Reply again = new StaffClient(server.port()).signIn("mattran", PASSWORD);
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.body().path("message").path("vi").asText()).contains("đã bị khóa");

        assertThat(admin.post("/api/accounts/" + front.path("id").asText() + "/enable", Map.of()).status()).isEqualTo(200);
        assertThat(new StaffClient(server.port()).signIn("mattran", PASSWORD).status()).isEqualTo(200);
        String self = admin.get("/api/session").body().path("account").path("id").asText();
        assertThat(admin.post("/api/accounts/" + self + "/disable", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void signingOutEndsTheSession() {
        StaffClient admin = admin();
        assertThat(admin.delete("/api/session").status()).isEqualTo(204);
        assertThat(admin.get("/api/communes").status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordsOnOneAccountMakeItWaitWithAClearMessage() {
        StaffClient admin = admin();
        String iaBang = commune(admin, "Xã Ia Băng");
        account(admin, "mattran", "FRONT_STAFF", iaBang, null);
        for (int i = 0; i < 5; i++) {
            assertThat(new StaffClient(server.port(), "203.0.113." + i).signIn("mattran", "sai-mat-khau-" + i).status()).isEqualTo(401);
        }
        Organiser.Reply limited = new StaffClient(server.port(), "203.0.113.99").signIn("mattran", PASSWORD);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body().path("message").path("vi").asText()).isEqualTo("Đăng nhập sai quá nhiều lần. Hãy thử lại sau 15 phút");
        assertThat(limited.body().path("message").path("en").asText()).contains("15 minutes");
        assertThat(new StaffClient(server.port()).signIn("admin", Organiser.SECRET).status()).isEqualTo(200);
    }

    @Test
    void oneAddressTryingManyAccountsIsMadeToWait() {
        for (int i = 0; i < 30; i++) {
            new StaffClient(server.port(), "198.51.100.7").signIn("nobody" + i, "whatever-password");
        }
        assertThat(new StaffClient(server.port(), "198.51.100.7").signIn("admin", Organiser.SECRET).status()).isEqualTo(429);
        assertThat(new StaffClient(server.port(), "198.51.100.8").signIn("admin", Organiser.SECRET).status()).isEqualTo(200);
    }

    @Test
    void badAccountsAreRefusedInBothLanguagesAndNothingIsSaved() throws Exception {
        StaffClient admin = admin();
        String iaBang = commune(admin, "Xã Ia Băng");
        String kienMinh = commune(admin, "Xã Kiến Minh");
        String officeOfKienMinh = firstOffice(admin, kienMinh);
        int before = admin.get("/api/accounts").body().path("accounts").size();
        var cases = Map.<String, Map<String, Object>>of(
                "short password", Map.of("login", "abc.def", "name", "A", "role", "ADMIN", "communeId", iaBang, "password", "ngan"),
                "login with accents", Map.of("login", "nguyễn", "name", "A", "role", "ADMIN", "communeId", iaBang, "password", PASSWORD),
                "no name", Map.of("login", "abc.def", "name", " ", "role", "ADMIN", "communeId", iaBang, "password", PASSWORD),
                "staff without office", Map.of("login", "abc.def", "name", "A", "role", "OFFICE_STAFF", "communeId", iaBang, "password", PASSWORD),
                "office of another commune", Map.of("login", "abc.def", "name", "A", "role", "OFFICE_STAFF", "communeId", iaBang,
                        "officeId", officeOfKienMinh, "password", PASSWORD),
                "unknown role", Map.of("login", "abc.def", "name", "A", "role", "KING", "communeId", iaBang, "password", PASSWORD));
        cases.forEach((what, body) -> {
            Organiser.Reply reply = admin.post("/api/accounts", body);
            assertThat(reply.status()).as(what).isEqualTo(400);
            assertThat(reply.body().path("message").path("vi").asText()).as(what).isNotBlank();
            assertThat(reply.body().path("message").path("en").asText()).as(what).isNotBlank();
        });
        account(admin, "mattran", "FRONT_STAFF", iaBang, null);
        Organiser.Reply taken = admin.post("/api/accounts", Map.of("login", "MatTran", "name", "B", "role", "FRONT_STAFF",
                "communeId", iaBang, "password", PASSWORD));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().path("code").asText()).isEqualTo("LOGIN_TAKEN");
        assertThat(admin.get("/api/accounts").body().path("accounts").size()).isEqualTo(before + 1);
        assertThatThrownBy(() -> server.sql("UPDATE ledger SET actor = 'someone else'")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> server.sql("DELETE FROM ledger")).hasMessageContaining("append-only");
    }

    @Test
    void anAccountChangesItsOwnPasswordOnlyWithItsCurrentOne() {
        StaffClient admin = admin();
        String iaBang = commune(admin, "Xã Ia Băng");
        String id = account(admin, "mattran", "FRONT_STAFF", iaBang, null).path("id").asText();
        var front = StaffClient.signedIn(server.port(), "mattran", PASSWORD);
        assertThat(front.put("/api/accounts/" + id + "/password", Map.of("password", "mot-mat-khau-moi", "currentPassword", "sai"))
                .status()).isEqualTo(403);
        assertThat(front.put("/api/accounts/" + id + "/password", Map.of("password", "mot-mat-khau-moi", "currentPassword", PASSWORD))
                .status()).isEqualTo(200);
        assertThat(new StaffClient(server.port()).signIn("mattran", "mot-mat-khau-moi").status()).isEqualTo(200);
        assertThat(new StaffClient(server.port()).signIn("mattran", PASSWORD).status()).isEqualTo(401);
        String adminId = admin.get("/api/session").body().path("account").path("id").asText();
        assertThat(front.put("/api/accounts/" + adminId + "/password", Map.of("password", "chiem-quyen-quan-tri", "currentPassword", "x"))
                .status()).isEqualTo(403);
    }
}
