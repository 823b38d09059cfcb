package vn.doithoai.meeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.meeting.MeetingScript.CHAIR;

class StatePatchTest {

    private static final Visibility.Viewer DISPLAY = Visibility.Viewer.of(Actor.DISPLAY);
    private static final Visibility.Viewer STAFF = Visibility.Viewer.of(Actor.CHAIR);

    /** The patch of each event a command makes, from the state before it. */
    private static List<StatePatch> patchesOf(MeetingScript m, Actor actor, Command command) {
        var patches = new ArrayList<StatePatch>();
        MeetingState state = m.state();
        for (Event e : m.ok(actor, command)) {
            MeetingState next = e.apply(state, MeetingScript.START);
            patches.add(StatePatch.between(state, next));
            state = next;
        }
        return patches;
    }

    @Test
    void oneRegistrationJoinsTheQueueInAFewBytesAndChangesWhoIsNext() {
        var m = MeetingScript.started();
        m.desk("Nguyễn Văn An", "Thôn 1", "Đường");
        MeetingState before = m.state();
        m.desk("Trần Thị Bình", "Thôn 2", "Vay vốn");
        StatePatch patch = StatePatch.between(before, m.state());

        assertThat(patch.parts()).containsEntry("queueInsert", Map.of("id", 2, "at", 1)).doesNotContainKey("queue");
        assertThat(patch.parts().get("next")).isEqualTo(List.of(new NextSpeaker(1, "Nguyễn Văn An", "Thôn 1"),
                new NextSpeaker(2, "Trần Thị Bình", "Thôn 2")));
        assertThat(patch.registrations()).containsOnlyKeys(2);
    }

    @Test
    void aRoundOfRegistrationsAtTheEndSaysOnlyTheNewIds() {
        var m = MeetingScript.started();
        m.desk("Người 1", "Thôn 1", "Chủ đề");
        MeetingState before = m.state();
        var each = new ArrayList<StatePatch>();
        for (int i = 2; i <= 30; i++) {
            each.addAll(patchesOf(m, MeetingScript.SECRETARY,
                    new Command.RegisterAtDesk("Người " + i, "Thôn " + i, null, "Chủ đề", null, null, null, null, null)));
        }
        StatePatch round = StatePatch.ofRound(before, m.state(), each);

        assertThat(round.parts().get("queueAppend")).isEqualTo(java.util.stream.IntStream.rangeClosed(2, 30).boxed().toList());
        assertThat(round.parts()).doesNotContainKeys("queue", "queueOps", "queueInsert");
        assertThat((List<?>) round.parts().get("next")).hasSize(NextSpeaker.SHOWN);
    }

    @Test
    void aRoundWithJoinsAndLeavesSaysThemInOrder() {
        var m = MeetingScript.started();
        m.desk("Người 1", "Thôn 1", "Chủ đề");
        m.desk("Người 2", "Thôn 2", "Chủ đề");
        MeetingState before = m.state();
        var each = new ArrayList<StatePatch>();
        each.addAll(patchesOf(m, MeetingScript.SECRETARY, new Command.RegisterAtDesk("Người 3", "Thôn 3", null, "Chủ đề", null, null, null, null, null)));
        each.addAll(patchesOf(m, CHAIR, new Command.CallNext(null)));
        StatePatch round = StatePatch.ofRound(before, m.state(), each);

        assertThat(round.parts().get("queueOps")).isEqualTo(List.of(Map.of("id", 3, "at", 2), Map.of("remove", 1)));
        assertThat(round.parts()).doesNotContainKeys("queue", "queueAppend");
    }

    @Test
    void theHallGetsNoOtherPeoplesRegistrationsAndStaffGetNoNextList() {
        var m = MeetingScript.started();
        MeetingState before = m.state();
        m.ok(Actor.attendee("a1"), new Command.Register("Lê Văn Hòa", "Thôn 1", null, "Đường", "Tóm tắt", "0912345678", null, null));
        StatePatch patch = StatePatch.between(before, m.state());

        assertThat(patch.visibleTo(STAFF).parts()).containsKey("registrations").doesNotContainKey("next");
        assertThat(patch.visibleTo(DISPLAY).parts()).containsKeys("next", "queueInsert").doesNotContainKey("registrations");
        assertThat(patch.visibleTo(Visibility.Viewer.of(Actor.attendee("a2"))).parts()).doesNotContainKey("registrations");
        Registration own = patch.visibleTo(Visibility.Viewer.of(Actor.attendee("a1"))).registrations().get(1);
        assertThat(own.phone()).isEqualTo("0912345678");
        assertThat(own.topic()).isEqualTo("Đường");
    }

    @Test
    void whoIsNextIsNotResentWhenTheHeadOfTheQueueStaysTheSame() {
        var m = MeetingScript.started();
        for (int i = 1; i <= NextSpeaker.SHOWN; i++) {
            m.desk("Người " + i, "Thôn " + i, "Chủ đề");
        }
        MeetingState before = m.state();
        m.desk("Người 11", "Thôn 11", "Chủ đề");
        assertThat(StatePatch.between(before, m.state()).parts()).containsKey("queueInsert").doesNotContainKey("next");
    }
}
