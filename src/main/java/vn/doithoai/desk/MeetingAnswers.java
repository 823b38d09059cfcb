package vn.doithoai.desk;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.meeting.Conclusion;
import vn.doithoai.meeting.MeetingState;
import vn.doithoai.petition.Petition;
import vn.doithoai.petition.PetitionCommand;
import vn.doithoai.petition.PublicAnswer;
import vn.doithoai.store.ClosedMeetingBookmarks;
import vn.doithoai.store.PetitionStore;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The petitions a meeting answered: a projection of the meeting's record onto the petitions'. A
 * conclusion names the petitions it answers by their tracking codes; once the meeting is closed,
 * each named petition still open is answered with the conclusion's text, "at the meeting", through
 * the desk, so that its citizen is told. A petition named by several conclusions takes the first.
 *
 * <p>Nothing acknowledged may be lost: a bookmark per meeting ({@link ClosedMeetingBookmarks}) says up
 * to which event this was done, and at start every closed meeting past its bookmark is taken up
 * again; a failure while the server runs is tried again later. Answering twice changes nothing: a
 * petition answered, closed, transferred or refused is left as it is, and one grouped under a lead
 * gets the lead's answer when the lead is answered. The meeting's rules know nothing of this: the
 * two rooms meet through the codes in the record.
 */
public final class MeetingAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(MeetingAnswers.class);
    static final long FIRST_RETRY_MS = 30_000;
    static final long LAST_RETRY_MS = 10 * 60_000;

    /** A closed meeting as read: its state as of its event {@code seq}. */
    public record Closed(long seq, MeetingState state) {
    }

    private final Vertx vertx;
    private final ClosedMeetingBookmarks bookmarks;
    private final PetitionStore petitions;
    private final PetitionDesk desk;
    private final Function<UUID, Future<Closed>> meetings;
    private final Clock clock;
    /** Meetings waiting their turn; guarded by this. */
    private final Set<UUID> queued = new HashSet<>();
    /** The last meeting's work: one meeting at a time, so two naming one petition never answer it at once. */
    private Future<Void> last = Future.succeededFuture();

    /** {@code meetings}: reads a meeting's state as committed. */
    public MeetingAnswers(Vertx vertx, ClosedMeetingBookmarks bookmarks, PetitionStore petitions, PetitionDesk desk,
                          Function<UUID, Future<Closed>> meetings, Clock clock) {
        this.vertx = vertx;
        this.bookmarks = bookmarks;
        this.petitions = petitions;
        this.desk = desk;
        this.meetings = meetings;
        this.clock = clock;
    }

    /** At start: every closed meeting with events past its bookmark; how many. Looked for again later if the database fails. */
    public Future<Integer> catchUp() {
        return bookmarks.due().map(due -> {
            due.forEach(d -> take(d.meetingId(), FIRST_RETRY_MS));
            return due.size();
        }).onFailure(e -> vertx.setTimer(FIRST_RETRY_MS, timer -> catchUp()));
    }

    /** The meeting's record grew after its close (the close itself, a conclusion recorded later). */
    public void recordedAfterClose(UUID meetingId) {
        take(meetingId, FIRST_RETRY_MS);
    }

    private synchronized void take(UUID meetingId, long retryMs) {
        if (!queued.add(meetingId)) {
            return; // waiting already: it will read the meeting as it then stands
        }
        last = last.transform(before -> {
            dequeue(meetingId);
            return answer(meetingId).onFailure(e -> {
                LOG.warn("Meeting {}: the petitions its conclusions answer were not all answered ({}); trying again in {} s",
                        meetingId, e.getMessage(), retryMs / 1000);
                vertx.setTimer(retryMs, timer -> take(meetingId, Math.min(2 * retryMs, LAST_RETRY_MS)));
            });
        });
    }

    private synchronized void dequeue(UUID meetingId) {
        queued.remove(meetingId);
    }

    private Future<Void> answer(UUID meetingId) {
        return bookmarks.due(meetingId).compose(due -> due.isEmpty() ? Future.succeededFuture()
                : meetings.apply(meetingId).compose(closed -> answerAll(due.get(0), closed)
                        .compose(v -> bookmarks.done(meetingId, closed.seq(), clock.instant()))));
    }

    private Future<Void> answerAll(ClosedMeetingBookmarks.Due due, Closed closed) {
        Map<String, Conclusion> byCode = new LinkedHashMap<>();
        for (Conclusion c : closed.state().conclusions()) {
            c.petitionCodes().forEach(code -> byCode.putIfAbsent(code, c));
        }
        String title = closed.state().setup().title();
        Future<Void> chain = Future.succeededFuture();
        for (var named : byCode.entrySet()) {
            chain = chain.compose(v -> answerOne(due, title, named.getKey(), named.getValue().text()));
        }
        return chain;
    }

    private Future<Void> answerOne(ClosedMeetingBookmarks.Due due, String title, String code, String text) {
        UUID meetingId = due.meetingId();
        return petitions.byTrackingCode(code).compose(found -> {
            if (found.isEmpty()) {
                LOG.info("Meeting {}: a conclusion names petition {}, which does not exist", meetingId, code);
                return Future.succeededFuture();
            }
            Petition p = found.get().petition();
            if (!p.communeId().equals(due.communeId())) {
                LOG.warn("Meeting {}: a conclusion names petition {} of another commune; left as it is", meetingId, code);
                return Future.succeededFuture();
            }
            if (!p.status().open() || p.grouped()) {
                return Future.succeededFuture();
            }
            var command = new PetitionCommand.Answer(text, PublicAnswer.How.AT_MEETING, meetingId, title);
            return desk.act("meeting:" + meetingId, p.id(), petition -> Future.succeededFuture(command)).map(outcome -> {
                if (outcome.refusal() != null) {
                    LOG.warn("Meeting {}: petition {} was not answered: {}", meetingId, code, outcome.refusal().en());
                }
                return null;
            });
        });
    }
}
