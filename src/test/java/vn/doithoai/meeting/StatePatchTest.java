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
    void theSecretarysLineReachesStaffAndNotTheHall() {
        var m = MeetingScript.started();
        MeetingState before = m.state();
        m.ok(MeetingScript.SECRETARY, new Command.RecordMinute("Ý kiến riêng của thư ký.", null));
        StatePatch patch = StatePatch.between(before, m.state());

        assertThat(patch.visibleTo(STAFF).parts()).containsKey("minutes");
        for (var viewer : List.of(DISPLAY, Visibility.Viewer.of(Actor.attendee("a1")), Visibility.Viewer.of(Actor.DOOR))) {
            assertThat(patch.visibleTo(viewer).parts()).isEmpty();
        }
        MeetingState written = m.state();
        m.ok(MeetingScript.SECRETARY, new Command.CorrectMinute(2, "Sửa lại."));
        assertThat(StatePatch.between(written, m.state()).visibleTo(DISPLAY).parts()).isEmpty();
    }

    @Test
    void anAutomaticLineReachesTheHallAtItsPlaceInTheHallsList() {
        var m = MeetingScript.started(); // line 1: the meeting opened (the hall's line 0)
        m.ok(MeetingScript.SECRETARY, new Command.RecordMinute("Dòng của thư ký.", null)); // line 2, staff only
        MeetingState before = m.state();
        m.ok(CHAIR, new Command.AdvanceStep(null)); // line 3: the step changed (the hall's line 1)
        StatePatch patch = StatePatch.between(before, m.state());

        @SuppressWarnings("unchecked")
        var staff = (Map<Integer, MinuteEntry>) patch.visibleTo(STAFF).parts().get("minutes");
        @SuppressWarnings("unchecked")
        var hall = (Map<Integer, MinuteEntry>) patch.visibleTo(DISPLAY).parts().get("minutes");
        assertThat(staff.keySet()).containsExactly(2);
        assertThat(hall.keySet()).containsExactly(1);
        assertThat(hall.get(1)).isSameAs(staff.get(2));
        assertThat(hall.get(1).automatic()).isTrue();
    }

    @Test
    void aRoundsPatchGivesTheHallItsLinesInOrder() {
        var m = MeetingScript.started();
        MeetingState before = m.state();
        var each = new ArrayList<StatePatch>();
        each.addAll(patchesOf(m, MeetingScript.SECRETARY, new Command.RecordMinute("Thư ký ghi.", null)));
        each.addAll(patchesOf(m, CHAIR, new Command.AdvanceStep(null)));
        each.addAll(patchesOf(m, MeetingScript.SECRETARY, new Command.RecordMinute("Thư ký ghi thêm.", null)));
        each.addAll(patchesOf(m, CHAIR, new Command.AdvanceStep(null)));
        StatePatch round = StatePatch.ofRound(before, m.state(), each);

        @SuppressWarnings("unchecked")
        var hall = (Map<Integer, MinuteEntry>) round.visibleTo(DISPLAY).parts().get("minutes");
        assertThat(hall.keySet()).containsExactly(1, 2);
        assertThat(hall.values()).allMatch(MinuteEntry::automatic);
        assertThat(Visibility.hallMinutes(m.state())).hasSize(3).containsAll(hall.values());
    }

    @Test
    void publishingTheNoticeIsOneFieldForEveryone() {
        var m = MeetingScript.started();
        m.ok(CHAIR, new Command.CloseMeeting());
        MeetingState before = m.state();
        m.ok(MeetingScript.ORGANISER, new Command.PublishNotice());
        StatePatch patch = StatePatch.between(before, m.state());
        assertThat(patch.parts()).containsOnlyKeys("noticePublishedAt");
        assertThat(patch.visibleTo(DISPLAY).parts()).isEqualTo(patch.parts());
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
