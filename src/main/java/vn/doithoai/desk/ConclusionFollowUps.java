package vn.doithoai.desk;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.followup.FollowUp;
import vn.doithoai.followup.FollowUpCommand;
import vn.doithoai.followup.FollowUpEvent;
import vn.doithoai.followup.FollowUpRules;
import vn.doithoai.meeting.Conclusion;
import vn.doithoai.meeting.MeetingState;
import vn.doithoai.offices.Office;
import vn.doithoai.petition.SearchText;
import vn.doithoai.rules.Ruling;
import vn.doithoai.store.ClosedMeetingBookmarks;
import vn.doithoai.store.FollowUpStore;
import vn.doithoai.store.OfficeStore;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The conclusions a closed meeting leaves to be followed: a projection of the meeting's record onto
 * the follow-ups' streams. Each conclusion of a closed meeting opens a follow-up; one recorded after
 * the close opens one then; one corrected after the close revises its follow-up. The office the
 * chair named is looked up here in the commune's directory (case and diacritics ignored), so that
 * its staff find it; the rules only keep what they are given.
 *
 * <p>Nothing acknowledged may be lost, as for {@link MeetingAnswers}: a bookmark per meeting, moved
 * in the same transaction as the follow-ups it opened, says up to which event this was done; at
 * start every closed meeting past its bookmark is taken up again, and a failure while the server
 * runs is tried again later. Taking a meeting up twice changes nothing: a conclusion followed at
 * its revision already is left as it is.
 */
public final class ConclusionFollowUps {

    private static final Logger LOG = LoggerFactory.getLogger(ConclusionFollowUps.class);

    private final Vertx vertx;
    private final FollowUpStore store;
    private final OfficeStore offices;
    private final Function<UUID, Future<MeetingAnswers.Closed>> meetings;
    private final Clock clock;
    /** Meetings waiting their turn; guarded by this. */
    private final Set<UUID> queued = new HashSet<>();
    /** One meeting at a time: the database is not asked to open many meetings' follow-ups at once at start. */
    private Future<Void> last = Future.succeededFuture();

    /** {@code meetings}: reads a meeting's state as committed. */
    public ConclusionFollowUps(Vertx vertx, FollowUpStore store, OfficeStore offices,
                               Function<UUID, Future<MeetingAnswers.Closed>> meetings, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.offices = offices;
        this.meetings = meetings;
        this.clock = clock;
    }

    /** The id of a conclusion's follow-up: the same whoever computes it, so it is never opened twice. */
    public static UUID idOf(UUID meetingId, int conclusionId) {
        return UUID.nameUUIDFromBytes(("conclusion " + meetingId + " " + conclusionId).getBytes(StandardCharsets.UTF_8));
    }

    /** At start: every closed meeting with events past its bookmark; how many. Looked for again later if the database fails. */
    public Future<Integer> catchUp() {
        return store.bookmarks().due().map(due -> {
            due.forEach(d -> take(d.meetingId(), MeetingAnswers.FIRST_RETRY_MS));
            return due.size();
        }).onFailure(e -> vertx.setTimer(MeetingAnswers.FIRST_RETRY_MS, timer -> catchUp()));
    }

    /** The meeting's record grew after its close (the close itself, a conclusion recorded or corrected later). */
    public void recordedAfterClose(UUID meetingId) {
        take(meetingId, MeetingAnswers.FIRST_RETRY_MS);
    }

    private synchronized void take(UUID meetingId, long retryMs) {
        if (!queued.add(meetingId)) {
            return; // waiting already: it will read the meeting as it then stands
        }
        last = last.transform(before -> {
            dequeue(meetingId);
            return follow(meetingId).onFailure(e -> {
                LOG.warn("Meeting {}: its conclusions were not all opened to be followed ({}); trying again in {} s",
                        meetingId, e.getMessage(), retryMs / 1000);
                vertx.setTimer(retryMs, timer -> take(meetingId, Math.min(2 * retryMs, MeetingAnswers.LAST_RETRY_MS)));
            });
        });
    }

    private synchronized void dequeue(UUID meetingId) {
        queued.remove(meetingId);
    }

    private Future<Void> follow(UUID meetingId) {
        return store.bookmarks().due(meetingId).compose(due -> due.isEmpty() ? Future.succeededFuture()
                : meetings.apply(meetingId).compose(closed -> Future.all(store.ofMeeting(meetingId), offices.of(due.get(0).communeId()))
                        .compose(both -> {
                            List<FollowUpStore.Stored> followed = both.resultAt(0);
                            List<Office> directory = both.resultAt(1);
                            Instant now = clock.instant();
                            return store.recordMeeting(meetingId, changes(due.get(0), closed.state(), followed, directory, now),
                                    closed.seq(), actor(meetingId), now);
                        })));
    }

    private static String actor(UUID meetingId) {
        return "meeting:" + meetingId;
    }

    /** A follow-up opened for each conclusion without one, revised for each corrected since. */
    private static List<FollowUpStore.Change> changes(ClosedMeetingBookmarks.Due due, MeetingState state, List<FollowUpStore.Stored> followed,
                                                      List<Office> directory, Instant now) {
        Map<Integer, FollowUpStore.Stored> byConclusion = new HashMap<>();
        followed.forEach(s -> byConclusion.put(s.followUp().conclusionId(), s));
        List<FollowUpStore.Change> changes = new ArrayList<>();
        for (Conclusion c : state.conclusions()) {
            FollowUpStore.Stored before = byConclusion.get(c.id());
            if (before != null && c.revision() <= before.followUp().revision()) {
                continue;
            }
            UUID officeId = officeNamed(c.office(), directory);
            // A conclusion of the meeting is followed from the close; one recorded later, from then.
            Instant at = c.recordedAt() != null && c.recordedAt().isAfter(state.closedAt()) ? c.recordedAt() : state.closedAt();
            FollowUpCommand command = before == null
                    ? new FollowUpCommand.Open(idOf(due.meetingId(), c.id()), due.communeId(), due.meetingId(),
                            state.setup().title(), c.id(), c.revision(), c.text(), c.outcome(), c.office(), officeId,
                            c.deadline(), c.petitionCodes(), at)
                    : new FollowUpCommand.Revise(c.revision(), c.text(), c.outcome(), c.office(), officeId, c.deadline(),
                            c.petitionCodes(), at);
            FollowUp current = before == null ? null : before.followUp();
            Ruling<FollowUpEvent> ruling = FollowUpRules.decide(current, command, actor(due.meetingId()), now);
            if (ruling.accepted()) {
                changes.add(new FollowUpStore.Change(before, ruling.events()));
            } else {
                LOG.warn("Meeting {}: conclusion {} is not followed: {}", due.meetingId(), c.id(), ruling.refusal().en());
            }
        }
        return changes;
    }

    /**
     * The office of the commune's directory the chair named, its name compared without case or
     * diacritics ("phong kinh te" is "Phòng Kinh tế"); one still in service before a retired one.
     * Null for no office, or a body the directory does not have (a level above the commune).
     */
    static UUID officeNamed(String name, List<Office> directory) {
        String key = SearchText.fold(name);
        if (key.isEmpty()) {
            return null;
        }
        return directory.stream().filter(o -> SearchText.fold(o.name()).equals(key))
                .min(Comparator.comparing(Office::retired))
                .map(Office::id).orElse(null);
    }
}
