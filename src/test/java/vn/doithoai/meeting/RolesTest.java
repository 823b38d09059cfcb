package vn.doithoai.meeting;

import vn.doithoai.rules.Refusal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.meeting.Role.ATTENDEE;
import static vn.doithoai.meeting.Role.CHAIR;
import static vn.doithoai.meeting.Role.DOOR;
import static vn.doithoai.meeting.Role.ORGANISER;
import static vn.doithoai.meeting.Role.SECRETARY;
import static vn.doithoai.meeting.Role.SERVER;

class RolesTest {

    /** One example of every command, with the roles that may send it. */
    private static Map<Command, Set<Role>> whoMaySend() {
        var table = new LinkedHashMap<Command, Set<Role>>();
        table.put(new Command.CreateMeeting(MeetingScript.setup(null)), Set.of(ORGANISER));
        table.put(new Command.ChangeSetup(MeetingScript.setup(null)), Set.of(ORGANISER));
        table.put(new Command.OpenRegistration(), Set.of(CHAIR, ORGANISER));
        table.put(new Command.StartMeeting(), Set.of(CHAIR));
        table.put(new Command.AdvanceStep(null), Set.of(CHAIR));
        table.put(new Command.CloseList(), Set.of(CHAIR));
        table.put(new Command.ReopenList(), Set.of(CHAIR));
        table.put(new Command.CloseMeeting(), Set.of(CHAIR));
        table.put(new Command.Register("Hòa", "Thôn 1", null, "Đường", null, null, null, null), Set.of(ATTENDEE));
        table.put(new Command.RegisterAtDesk("Mai", "Thôn 2", null, "Điện", null, null, null, null, null), Set.of(SECRETARY, CHAIR));
        table.put(new Command.Withdraw(1), Set.of(ATTENDEE, SECRETARY));
        table.put(new Command.EditRegistration(1, "Đường", null, null), Set.of(SECRETARY, CHAIR));
        table.put(new Command.MoveRegistration(1, 1), Set.of(CHAIR));
        table.put(new Command.RefuseRegistration(1, RefusalGround.BREAKS_RULES, null), Set.of(CHAIR));
        table.put(new Command.CallNext(null), Set.of(CHAIR));
        table.put(new Command.CallSpeaker(1, null), Set.of(CHAIR));
        table.put(new Command.CallResponder("An", "Công an xã", null, null), Set.of(CHAIR));
        table.put(new Command.StartSlot(), Set.of(CHAIR));
        table.put(new Command.PauseSlot(), Set.of(CHAIR));
        table.put(new Command.ResumeSlot(), Set.of(CHAIR));
        table.put(new Command.ExtendSlot(null), Set.of(CHAIR));
        table.put(new Command.EndSlot(), Set.of(CHAIR));
        table.put(new Command.StopSpeaker(RefusalGround.BREAKS_RULES, null), Set.of(CHAIR));
        table.put(new Command.MarkTimeUp(1), Set.of(SERVER));
        table.put(new Command.RecordMinute("Ý kiến.", null), Set.of(SECRETARY));
        table.put(new Command.CorrectMinute(2, "Sửa."), Set.of(SECRETARY));
        table.put(new Command.RecordConclusion("Kết luận.", Outcome.ANSWERED, null, null, null, null), Set.of(CHAIR, SECRETARY));
        table.put(new Command.CorrectConclusion(1, "Sửa.", Outcome.ANSWERED, null, null, null, null), Set.of(CHAIR, SECRETARY));
        table.put(new Command.AddInvitation(Invitation.Kind.INVITEE, "Hòa", null, null, "Thôn 1", "ACDEF"), Set.of(ORGANISER));
        table.put(new Command.RemoveInvitation(1), Set.of(ORGANISER));
        table.put(new Command.CheckIn("ACDEF", null), Set.of(DOOR, SECRETARY));
        table.put(new Command.CheckInWalkIn(null, null), Set.of(DOOR, SECRETARY));
        table.put(new Command.LinkPetition(1, "KN-7QX4-M2PD"), Set.of(CHAIR, SECRETARY));
        table.put(new Command.SetPetitionAgenda(List.of()), Set.of(ORGANISER));
        table.put(new Command.PublishNotice(), Set.of(ORGANISER));
        table.put(new Command.FinaliseMinutes("Phạm Thị Lan"), Set.of(SECRETARY));
        table.put(new Command.ReopenMinutes("Thiếu ý kiến"), Set.of(SECRETARY));
        table.put(new Command.ApproveMinutes("Y Đức Thành"), Set.of(CHAIR));
        table.put(new Command.AddMinutesAddendum("Phụ lục."), Set.of(SECRETARY, CHAIR));
        return table;
    }

    private static Actor actorFor(Role role) {
        return role == ATTENDEE ? Actor.attendee("a-other") : new Actor(role, null);
    }

    /** A meeting under way with something in every part, so that only the role can be wrong. */
    private static MeetingScript busyMeeting() {
        var m = MeetingScript.started();
        m.register("a1", "Hòa", "Thôn 1", "Đường");
        m.register("a2", "Mai", "Thôn 2", "Điện");
        m.callNext();
        m.ok(MeetingScript.CHAIR, new Command.StartSlot());
        m.advanceSeconds(400);
        m.ok(MeetingScript.SECRETARY, new Command.RecordMinute("Ý kiến.", null));
        m.ok(MeetingScript.CHAIR, new Command.RecordConclusion("Kết luận.", Outcome.ANSWERED, null, null, null, null));
        return m;
    }

    static Stream<Arguments> forbidden() {
        return whoMaySend().entrySet().stream().flatMap(e -> EnumSet.complementOf(EnumSet.copyOf(e.getValue())).stream()
                .map(role -> Arguments.of(e.getKey().getClass().getSimpleName(), role, e.getKey())));
    }

    @Test
    void theTableBelowNamesEveryCommand() {
        var named = whoMaySend().keySet().stream().map(Object::getClass).toList();
        assertThat(named).containsExactlyInAnyOrder(Command.class.getPermittedSubclasses());
    }

    @Test
    void eachCommandNamesTheRolesThatMaySendIt() {
        whoMaySend().forEach((command, roles) ->
                assertThat(command.roles()).as(command.getClass().getSimpleName()).isEqualTo(roles));
    }

    @ParameterizedTest(name = "{0} sent by {1} is refused with WRONG_ROLE and changes nothing")
    @MethodSource("forbidden")
    void aCommandFromARoleThatMayNotSendItIsRefusedWithWrongRole(String name, Role role, Command command) {
        var m = busyMeeting();
        assertThat(m.refusedCode(actorFor(role), command)).isEqualTo(Refusal.WRONG_ROLE);
    }

    @Test
    void theDisplaySendsNothing() {
        var m = busyMeeting();
        for (Command command : whoMaySend().keySet()) {
            Refusal refusal = m.refused(MeetingScript.DISPLAY, command);
            assertThat(refusal.code()).as("%s", command).isEqualTo(Refusal.WRONG_ROLE);
            assertThat(refusal.en()).isEqualTo("Your role may not do this");
        }
    }

    @Test
    void anAttendeeCannotCallTheNextSpeaker() {
        var m = busyMeeting();
        assertThat(m.refusedCode(MeetingScript.phone("a2"), new Command.CallNext(null))).isEqualTo(Refusal.WRONG_ROLE);
    }

    @Test
    void theSecretaryCannotRunTheClock() {
        var m = busyMeeting();
        for (Command command : List.of(new Command.StartSlot(), new Command.PauseSlot(), new Command.ExtendSlot(30),
                new Command.EndSlot())) {
            assertThat(m.refusedCode(MeetingScript.SECRETARY, command)).as("%s", command).isEqualTo(Refusal.WRONG_ROLE);
        }
    }

    @Test
    void theRoleIsCheckedBeforeTheMeetingExists() {
        var m = new MeetingScript();
        assertThat(m.refusedCode(MeetingScript.CHAIR, new Command.CreateMeeting(MeetingScript.setup(null))))
                .isEqualTo(Refusal.WRONG_ROLE);
    }

    @Test
    void staffRolesAreOrganiserChairSecretaryAndServer() {
        assertThat(Arrays.stream(Role.values()).filter(Role::isStaff))
                .containsExactlyInAnyOrder(ORGANISER, CHAIR, SECRETARY, SERVER);
    }

    @Test
    void anActorLabelRoundTrips() {
        for (Actor actor : List.of(Actor.CHAIR, Actor.SECRETARY, Actor.DISPLAY, Actor.ORGANISER, Actor.SERVER,
                Actor.DOOR, Actor.attendee("3f9a:b"))) {
            assertThat(Actor.fromLabel(actor.label())).isEqualTo(actor);
        }
        assertThat(Actor.attendee("3f9a").label()).isEqualTo("attendee:3f9a");
    }
}
