package vn.doithoai.desk;

import io.vertx.core.Future;
import vn.doithoai.followup.FollowUpCommand;
import vn.doithoai.followup.FollowUpEvent;
import vn.doithoai.followup.FollowUpRules;
import vn.doithoai.petition.Petition;
import vn.doithoai.petition.PublicAnswer;
import vn.doithoai.rules.Refusal;
import vn.doithoai.rules.Ruling;
import vn.doithoai.store.FollowUpStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a conclusion's follow-up changes at a person's request: the rules decide on the follow-up
 * as stored, and what they decided is recorded with who asked. Who may ask is settled before.
 */
public final class FollowUpDesk {

    /** Either the follow-up as it now stands, or why nothing changed. */
    public record Outcome(FollowUpStore.Stored stored, Refusal refusal) {
    }

    private final FollowUpStore store;
    private final Clock clock;

    public FollowUpDesk(FollowUpStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Future<Outcome> act(String actor, FollowUpStore.Stored before, FollowUpCommand command) {
        Instant now = clock.instant();
        Ruling<FollowUpEvent> ruling = FollowUpRules.decide(before.followUp(), command, actor, now);
        if (!ruling.accepted()) {
            return Future.succeededFuture(new Outcome(null, ruling.refusal()));
        }
        return store.record(new FollowUpStore.Change(before, List.copyOf(ruling.events())), actor, now)
                .map(stored -> new Outcome(stored, null));
    }

    /**
     * The follow-up of the conclusion that answered this petition: only when its answer came from a
     * meeting held here, and then from the first of that meeting's conclusions naming it, as the
     * answer itself did ({@link MeetingAnswers}).
     */
    public Future<Optional<FollowUpStore.Stored>> answering(Petition petition) {
        PublicAnswer answer = petition.answer();
        if (answer == null || answer.how() != PublicAnswer.How.AT_MEETING || answer.meetingId() == null) {
            return Future.succeededFuture(Optional.empty());
        }
        return store.answering(answer.meetingId(), petition.trackingCode());
    }
}
