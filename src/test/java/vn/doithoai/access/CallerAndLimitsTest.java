package vn.doithoai.access;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import vn.doithoai.support.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what where, and how wrong passwords are counted: plain Java, no server. */
class CallerAndLimitsTest {

    private static final UUID IA_BANG = UUID.randomUUID();
    private static final UUID KIEN_MINH = UUID.randomUUID();

    private static Caller as(AccountRole role, UUID commune) {
        UUID office = role == AccountRole.OFFICE_STAFF ? UUID.randomUUID() : null;
        return new Caller(new Account(UUID.randomUUID(), 1, "x", "X", role, commune, office, false));
    }

    @Test
    void aCommuneAdministratorManagesItsCommuneOnlyAndMakesNoCommune() {
        Caller admin = as(AccountRole.ADMIN, IA_BANG);
        assertThat(admin.may(Action.MANAGE_ACCOUNTS, IA_BANG)).isTrue();
        assertThat(admin.may(Action.MANAGE_MEETINGS, IA_BANG)).isTrue();
        assertThat(admin.may(Action.READ, KIEN_MINH)).isFalse();
        assertThat(admin.may(Action.MANAGE_ACCOUNTS, null)).isFalse();
        assertThat(admin.may(Action.CREATE_COMMUNES, null)).isFalse();
        assertThat(as(AccountRole.ADMIN, null).may(Action.CREATE_COMMUNES, null)).isTrue();
        assertThat(as(AccountRole.ADMIN, null).may(Action.MANAGE_ACCOUNTS, KIEN_MINH)).isTrue();
    }

    @Test
    void staffTheFrontAndTheUpperLevelHaveTheirOwnRights() {
        assertThat(as(AccountRole.OFFICE_STAFF, IA_BANG).may(Action.DRAFT_ANSWERS, IA_BANG)).isTrue();
        assertThat(as(AccountRole.OFFICE_STAFF, IA_BANG).may(Action.MANAGE_MEETINGS, IA_BANG)).isFalse();
        assertThat(as(AccountRole.FRONT_STAFF, IA_BANG).may(Action.FRONT_WORK, IA_BANG)).isTrue();
        assertThat(as(AccountRole.FRONT_STAFF, IA_BANG).may(Action.DRAFT_ANSWERS, IA_BANG)).isFalse();
        Caller viewer = as(AccountRole.UPPER_VIEWER, null);
        assertThat(viewer.may(Action.READ, KIEN_MINH)).isTrue();
        for (Action action : Action.values()) {
            if (action != Action.READ) {
                assertThat(viewer.may(action, KIEN_MINH)).as(action.name()).isFalse();
            }
        }
    }

    @Test
    void anOfficeReportsOnItsOwnConclusionsOnlyAndItsAdministratorOnAllOfItsCommune() {
        UUID economy = UUID.randomUUID();
        var staff = new Caller(new Account(UUID.randomUUID(), 1, "kt", "KT", AccountRole.OFFICE_STAFF, IA_BANG, economy, false));
        assertThat(staff.mayReportOn(IA_BANG, economy)).isTrue();
        assertThat(staff.mayReportOn(IA_BANG, UUID.randomUUID())).isFalse();
        assertThat(staff.mayReportOn(IA_BANG, null)).as("an office outside the directory").isFalse();
        assertThat(staff.mayReportOn(KIEN_MINH, economy)).isFalse();
        assertThat(as(AccountRole.ADMIN, IA_BANG).mayReportOn(IA_BANG, null)).isTrue();
        assertThat(as(AccountRole.ADMIN, IA_BANG).mayReportOn(KIEN_MINH, economy)).isFalse();
        assertThat(as(AccountRole.FRONT_STAFF, IA_BANG).mayReportOn(IA_BANG, economy)).isFalse();
        assertThat(as(AccountRole.UPPER_VIEWER, null).mayReportOn(IA_BANG, economy)).isFalse();
    }

    @Test
    void aDisabledAccountMayDoNothing() {
        var disabled = new Caller(new Account(UUID.randomUUID(), 2, "x", "X", AccountRole.ADMIN, null, null, true));
        for (Action action : Action.values()) {
            assertThat(disabled.may(action, IA_BANG)).isFalse();
        }
    }

    @Test
    void anAccountCannotLockItselfOutNorChangeItsOwnRole() {
        var self = new Account(UUID.randomUUID(), 1, "a", "A", AccountRole.ADMIN, IA_BANG, null, false);
        assertThat(AccountRules.decide(self, new AccountCommand.Disable(), self.id()).accepted()).isFalse();
        assertThat(AccountRules.decide(self, new AccountCommand.Change("A", AccountRole.UPPER_VIEWER, null), self.id()).accepted()).isFalse();
        assertThat(AccountRules.decide(self, new AccountCommand.Disable(), UUID.randomUUID()).accepted()).isTrue();
    }

    @Test
    void fiveWrongPasswordsMakeTheAccountWaitFifteenMinutesFromTheFirst() {
        var clock = new MovableClock("2026-06-01T08:00:00Z");
        var limits = new SignInLimits(clock);
        for (int i = 0; i < 5; i++) {
            assertThat(limits.wait("mattran", "a" + i)).isZero();
            limits.failed("mattran", "a" + i);
            clock.advance(Duration.ofSeconds(60));
        }
        assertThat(limits.wait("mattran", "elsewhere")).isEqualTo(Duration.ofMinutes(10));
        assertThat(limits.wait("other", "elsewhere")).isZero();
        clock.advance(Duration.ofSeconds(600));
        assertThat(limits.wait("mattran", "elsewhere")).isZero();
        limits.failed("mattran", "b");
        limits.succeeded("mattran");
        assertThat(limits.wait("mattran", "b")).isZero();
    }
}
