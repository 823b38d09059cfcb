package vn.doithoai.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A meeting as a display, a phone or the door sees it: the state without other people's
 * registrations. The queue is kept (ids only: a phone counts its place in it), the head of the
 * queue comes as {@code next}, and {@code registrations} holds only the viewer's own (none for a
 * display). Of attendance the hall gets the {@code headCount} only; the door also gets the
 * invitations and walk-ins it checks in. Of the minutes the hall gets the lines
 * {@link Visibility#hallSeesMinute} lets it see, in their order.
 */
public record PublicState(Setup setup, MeetingStatus status, int stepIndex, boolean listOpen,
                          Map<Integer, Registration> registrations, List<Integer> queue,
                          List<NextSpeaker> next, Turn floor, List<Turn> turns,
                          List<MinuteEntry> minutes, List<Conclusion> conclusions,
                          Instant startedAt, Instant closedAt, List<Invitation> invitations,
                          List<WalkIn> walkIns, HeadCount headCount, Instant noticePublishedAt) {
}
