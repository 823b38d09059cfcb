package vn.doithoai.followup;

import org.junit.jupiter.api.Test;
import vn.doithoai.meeting.Outcome;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.followup.FollowUpScript.DEADLINE;

/** Overdue is a question of the day in Vietnam, asked with a date the test chooses. */
class FollowUpOverdueTest {

    @Test
    void theDeadlinesOwnDayIsStillInTimeAndTheNextIsOverdue() {
        FollowUp f = FollowUpScript.assigned().followUp();
        assertThat(f.overdueOn(DEADLINE.minusDays(1))).isFalse();
        assertThat(f.overdueOn(DEADLINE)).isFalse();
        assertThat(f.overdueOn(DEADLINE.plusDays(1))).isTrue();
    }

    @Test
    void theDayIsVietnamsWhateverTheServersZone() {
        // 23:30 UTC on the deadline is already 06:30 the next morning in Vietnam.
        Instant lateEvening = DEADLINE.atTime(23, 30).toInstant(java.time.ZoneOffset.UTC);
        assertThat(FollowUpRules.today(lateEvening)).isEqualTo(DEADLINE.plusDays(1));
        assertThat(FollowUpScript.assigned().followUp().overdueOn(FollowUpRules.today(lateEvening))).isTrue();
    }

    @Test
    void anOverdueConclusionInProgressStaysOverdueUntilItIsSettledThenSaysItWasLate() {
        var script = FollowUpScript.assigned();
        script.ok(new FollowUpCommand.Start(null, null));
        assertThat(script.followUp().overdueOn(DEADLINE.plusDays(3))).isTrue();
        script.advance(Duration.ofDays(60));
        script.ok(new FollowUpCommand.Finish("Xong muộn", null));
        assertThat(script.followUp().overdueOn(DEADLINE.plusDays(3))).isFalse();
        assertThat(script.followUp().settledLate()).isTrue();
    }

    @Test
    void oneSettledInTimeIsNotLateAndOneWithoutADeadlineIsNeverOverdue() {
        var script = FollowUpScript.assigned();
        script.advance(Duration.ofDays(10));
        script.ok(new FollowUpCommand.Finish("Xong", null));
        assertThat(script.followUp().settledLate()).isFalse();

        var open = FollowUpScript.assigned();
        open.ok(new FollowUpCommand.Revise(2, "Không hạn", Outcome.ASSIGNED, "Phòng Kinh tế", null, null, java.util.List.of(), open.now()), "meeting");
        assertThat(open.followUp().overdueOn(DEADLINE.plusYears(5))).isFalse();
        assertThat(open.followUp().settledLate()).isNull();
    }
}
