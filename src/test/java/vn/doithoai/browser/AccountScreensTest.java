package vn.doithoai.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.doithoai.app.Server;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestPostgres;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.browser.Accessibility.assertNoBlockingViolation;

/**
 * Named accounts in the browser: signing in with the server's own words when it refuses, the
 * administrator's page of offices and accounts, an office staff member who is offered only what the
 * role may do, and a disabled account's open page sent back to the sign-in form.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountScreensTest {

    static final String STAFF_LOGIN = "canbo.congan";
    static final String STAFF_PASSWORD = "mat-khau-ban-dau";
    static final String STAFF_NEW_PASSWORD = "mat-khau-cua-toi-2026";
    static final String MEETING = "Hội nghị đối thoại với Nhân dân thôn Broch";

    private Server server;
    private String base;

    @BeforeAll
    void start() throws Exception {
        Screen.assumeBrowserInstalled();
        server = Server.start(TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET));
        base = server.publicUrl();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aWrongPasswordIsSaidInVietnameseAndFiveOfThemMakeTheLoginWaitFifteenMinutes() {
        try (Screen phone = Screen.open("signin", 360, 740, 0)) {
            phone.go(base + "/organiser").await("sign-in");
            assertThat(phone.text("first-time")).isEqualTo(
                    "Lần đầu: đăng nhập bằng tài khoản admin với mật khẩu người tổ chức in ra khi máy chủ khởi động lần đầu");
            assertNoBlockingViolation(phone, "sign-in form");

            phone.signIn("admin", "khong-phai-mat-khau");
            phone.awaitText("sign-in-error", "Tên đăng nhập hoặc mật khẩu không đúng");
            assertThat(phone.await("password").getDomProperty("value")).as("the wrong password is cleared").isEmpty();
            phone.shot("360");
            assertNoBlockingViolation(phone, "sign-in refused");

            for (int i = 1; i <= 5; i++) {
                phone.signIn("nguoi.thu.mat.khau", "sai-mat-khau-" + i);
                phone.until("wrong password " + i + " is answered", () -> phone.await("password").getDomProperty("value").isEmpty());
                assertThat(phone.text("sign-in-error")).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng");
            }
            phone.signIn("nguoi.thu.mat.khau", "mat-khau-dung-roi-chang");
            phone.awaitText("sign-in-error", "Đăng nhập sai quá nhiều lần. Hãy thử lại sau 15 phút");
            phone.click("lang");
            phone.awaitText("sign-in-error", "Try again in 15 minutes");
            phone.click("lang");

            phone.signIn("admin", Organiser.SECRET);
            phone.awaitText("who", "Quản trị viên");
            Accessibility.assertFitsTheWidth(phone, "the organiser page", 360);
            phone.click("accounts-link");
            phone.await("account-create");
            Accessibility.assertFitsTheWidth(phone, "the accounts page", 360);
            phone.shot("accounts-360");
        }
    }

    @Test
    void anOfficeStaffMemberSeesOnlyWhatTheRoleMayAndIsSignedOutOnceDisabled() {
        try (Screen admin = Screen.open("admin", 1366, 768, 0); Screen staff = Screen.open("staff", 1366, 768, 0)) {
            // The administrator: a commune, the head of its police, an office staff account.
            admin.go(base + "/organiser").signIn("admin", Organiser.SECRET);
            assertThat(admin.awaitText("who", "Quản trị viên").getText()).contains("Quản trị");
            WebElement communeForm = admin.await("commune-form");
            admin.fill(communeForm, Map.of("name", "Xã Ia Băng", "province", "Gia Lai"));
            communeForm.findElement(By.tagName("button")).click();
            admin.await("new-meeting");
            admin.shot("organiser-signed-in-1366");
            String communeId = new Organiser(server.port()).get("/api/communes").body().get(0).path("id").asText();
            new Organiser(server.port()).post("/api/communes/" + communeId + "/meetings", Map.of("title", MEETING));

            admin.click("accounts-link");
            admin.awaitText("offices", "Công an xã");
            office(admin, "Công an xã").findElement(Screen.test("office-edit")).click();
            admin.fill(admin.await("office-form"), Map.of("headName", "Rơ Mah Thuận"));
            admin.click("office-save");
            admin.awaitText("offices", "Trưởng Công an xã: Rơ Mah Thuận");
            admin.awaitText("notice", "Đã lưu");

            WebElement create = admin.await("account-create");
            admin.fill(create, Map.of("login", STAFF_LOGIN, "name", "Ksor Y Phôn", "password", "ngan-qua"));
            new Select(create.findElement(By.name("officeId"))).selectByVisibleText("Công an xã");
            admin.click("account-create-submit");
            assertThat(admin.awaitText("problem", "Mật khẩu cần ít nhất 10 ký tự").findElement(By.xpath("ancestor::form")).getAttribute("data-test"))
                    .as("the refusal stands beside the form it refuses").isEqualTo("account-create");
            admin.fill(create, Map.of("password", STAFF_PASSWORD));
            admin.click("account-create-submit");
            admin.awaitText("notice", "Đã tạo tài khoản " + STAFF_LOGIN);
            assertThat(account(admin, STAFF_LOGIN).getText()).contains("Ksor Y Phôn", "Cán bộ cơ quan", "Công an xã", "Đang hoạt động");
            assertNoBlockingViolation(admin, "accounts page");
            admin.shot("accounts-1366");
            admin.click("sign-out");
            admin.await("sign-in");

            // The office staff member reads the meetings, sets up nothing, manages no one.
            staff.go(base + "/organiser").signIn(STAFF_LOGIN, STAFF_PASSWORD);
            assertThat(staff.awaitText("who", "Ksor Y Phôn").getText()).contains("Cán bộ cơ quan");
            staff.awaitText("meetings", MEETING);
            assertThat(staff.driver.getPageSource()).doesNotContain("Tạo hội nghị").doesNotContain("Thêm xã");
            assertThat(staff.all("accounts-link")).isEmpty();
            staff.click("meeting");
            staff.await("read-only");
            assertThat(staff.all("setup-submit")).isEmpty();
            assertThat(staff.all("new-links")).isEmpty();

            staff.click("change-password");
            WebElement password = staff.await("password-form");
            staff.fill(password, Map.of("currentPassword", "khong-nho-nua", "password", STAFF_NEW_PASSWORD, "repeat", STAFF_NEW_PASSWORD));
            staff.click("password-submit");
            staff.awaitText("password-error", "Mật khẩu hiện tại không đúng");
            staff.fill(password, Map.of("currentPassword", STAFF_PASSWORD));
            staff.click("password-submit");
            staff.awaitText("password-done", "Đã đổi mật khẩu");

            staff.go(base + "/accounts");
            staff.awaitText("admins-only", "Trang này dành cho người quản trị");
            for (String action : new String[] {"offices", "accounts", "account-create", "office-add", "office-edit", "account-disable"}) {
                assertThat(staff.all(action)).as(action).isEmpty();
            }
            staff.click("meetings-link");
            staff.awaitText("meetings", MEETING);

            // Disabled, the staff member's open page goes back to the sign-in form at its next action.
            admin.signIn("admin", Organiser.SECRET);
            admin.awaitText("accounts", "Ksor Y Phôn");
            admin.clickAndConfirm("account-disable");
            admin.until("the account reads 'Đã khóa'", () -> account(admin, STAFF_LOGIN).getText().contains("Đã khóa"));
            assertThat(admin.all("account-enable")).hasSize(1);

            staff.click("meeting");
            staff.awaitText("sign-in-error", "Phiên đăng nhập đã kết thúc");
            assertThat(staff.all("meetings")).isEmpty();
            staff.signIn(STAFF_LOGIN, STAFF_NEW_PASSWORD);
            staff.awaitText("sign-in-error", "Tài khoản này đã bị khóa");
        }
    }

    private static WebElement office(Screen screen, String name) {
        return screen.all("office").stream().filter(o -> name.equals(o.getAttribute("data-name"))).findFirst().orElseThrow();
    }

    private static WebElement account(Screen screen, String login) {
        return screen.all("account").stream().filter(a -> login.equals(a.getAttribute("data-login"))).findFirst().orElseThrow();
    }
}
