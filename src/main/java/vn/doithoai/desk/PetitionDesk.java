package vn.doithoai.desk;

import io.vertx.core.Future;
import vn.doithoai.petition.Channel;
import vn.doithoai.petition.Citizen;
import vn.doithoai.petition.Competence;
import vn.doithoai.petition.Petition;
import vn.doithoai.petition.PetitionCommand;
import vn.doithoai.petition.PetitionEvent;
import vn.doithoai.petition.PetitionRules;
import vn.doithoai.petition.PetitionStatus;
import vn.doithoai.petition.TrackingCode;
import vn.doithoai.rules.Refusal;
import vn.doithoai.rules.Ruling;
import vn.doithoai.store.AppendConflict;
import vn.doithoai.store.PetitionFieldStore;
import vn.doithoai.store.PetitionStore;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The commune office's desk for petitions: loads a petition, lets the rules decide, records what
 * they decided, and tells the citizen of each new status when an e-mail address was given. What a
 * change needs beyond its own petition is done here: a lead's answer is shared with its group in
 * the same transaction, a group is checked against its lead.
 */
public final class PetitionDesk {

    /** Either the petition as it now stands, or why nothing changed. */
    public record Outcome(PetitionStore.Stored stored, Refusal refusal) {
        static Outcome refused(Refusal refusal) {
            return new Outcome(null, refusal);
        }
    }

    public record Received(Citizen citizen, Instant receivedAt, Channel channel, String fieldCode, Competence competence,
                           String content) {
    }

    private static final int CODE_TRIES = 3;

    private final PetitionStore store;
    private final PetitionFieldStore fields;
    private final CitizenNotices notices;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PetitionDesk(PetitionStore store, PetitionFieldStore fields, CitizenNotices notices, Clock clock) {
        this.store = store;
        this.fields = fields;
        this.notices = notices;
        this.clock = clock;
    }

    public Future<Outcome> receive(String actor, UUID communeId, Received r) {
        return fieldProblem(communeId, r.fieldCode()).compose(problem -> problem != null
                ? Future.succeededFuture(Outcome.refused(problem)) : receive(actor, communeId, r, CODE_TRIES));
    }

    /** Null when the commune's list offers the field (or none is given: the rules say it is missing). */
    public Future<Refusal> fieldProblem(UUID communeId, String fieldCode) {
        if (fieldCode == null || fieldCode.isBlank()) {
            return Future.succeededFuture(null);
        }
        return fields.of(communeId).map(loaded -> loaded.list().offers(fieldCode.strip()) ? null
                : new Refusal(Refusal.FIELD_INVALID, "Lĩnh vực không có trong danh sách của xã", "The field is not in the commune's list"));
    }

    /** A tracking code already given (one chance in a trillion) is drawn again. */
    private Future<Outcome> receive(String actor, UUID communeId, Received r, int tries) {
        Instant now = clock.instant();
        var command = new PetitionCommand.Receive(UUID.randomUUID(), communeId, TrackingCode.next(random), r.citizen(),
                r.receivedAt(), r.channel(), r.fieldCode(), r.competence(), r.content());
        Ruling<PetitionEvent> ruling = PetitionRules.decide(null, command, actor, now);
        if (!ruling.accepted()) {
            return Future.succeededFuture(Outcome.refused(ruling.refusal()));
        }
        return save(List.of(change(null, ruling.events())), actor, now)
                .recover(failure -> tries > 1 && isTakenCode(failure) ? receive(actor, communeId, r, tries - 1) : Future.failedFuture(failure));
    }

    /** Decides {@code command} (made from the petition as stored) and records it; empty when no such petition. */
    public Future<Outcome> act(String actor, UUID petitionId, Function<Petition, Future<PetitionCommand>> command) {
        Instant now = clock.instant();
        return store.byId(petitionId).compose(found -> {
            if (found.isEmpty()) {
                return Future.succeededFuture(Outcome.refused(new Refusal(Refusal.NOT_FOUND, "Không tìm thấy kiến nghị", "No such petition")));
            }
            PetitionStore.Stored before = found.get();
            return command.apply(before.petition()).compose(c -> (c instanceof PetitionCommand.Reclassify r
                    ? fieldProblem(before.petition().communeId(), r.fieldCode()) : Future.<Refusal>succeededFuture(null))
                    .compose(problem -> problem != null ? Future.succeededFuture(Outcome.refused(problem)) : decideAndSave(before, c, actor, now)));
        });
    }

    private Future<Outcome> decideAndSave(PetitionStore.Stored before, PetitionCommand c, String actor, Instant now) {
        Ruling<PetitionEvent> ruling = PetitionRules.decide(before.petition(), c, actor, now);
        if (!ruling.accepted()) {
            return Future.succeededFuture(Outcome.refused(ruling.refusal()));
        }
        PetitionStore.Change own = change(before, ruling.events());
        return withGroup(own, now).compose(changes -> save(changes, actor, now));
    }

    /** The lead a petition is to be grouped under, as the rule needs it; refused when there is none. */
    public Future<PetitionCommand> groupUnder(UUID leadId) {
        return store.byId(leadId).map(lead -> new PetitionCommand.Group(
                lead.map(l -> PetitionCommand.Group.Lead.of(l.petition())).orElse(null)));
    }

    /** A lead that got its answer passes it to each petition of its group. */
    private Future<List<PetitionStore.Change>> withGroup(PetitionStore.Change own, Instant now) {
        PetitionEvent.Answered answered = own.events().stream().filter(e -> e instanceof PetitionEvent.Answered)
                .map(e -> (PetitionEvent.Answered) e).findFirst().orElse(null);
        if (answered == null) {
            return Future.succeededFuture(List.of(own));
        }
        Petition lead = after(own);
        return store.members(lead.id()).map(members -> {
            List<PetitionStore.Change> changes = new ArrayList<>(List.of(own));
            for (PetitionStore.Stored member : members) {
                Ruling<PetitionEvent> shared = PetitionRules.decide(member.petition(),
                        new PetitionCommand.ShareLeadAnswer(lead.id(), lead.answer()), "system", now);
                if (shared.accepted()) {
                    changes.add(change(member, shared.events()));
                }
            }
            return changes;
        });
    }

    private Future<Outcome> save(List<PetitionStore.Change> changes, String actor, Instant now) {
        return store.record(changes, actor, now).map(stored -> new Outcome(stored.get(0), null));
    }

    private PetitionStore.Change change(PetitionStore.Stored before, List<PetitionEvent> events) {
        Petition after = before == null ? null : before.petition();
        for (PetitionEvent e : events) {
            after = PetitionRules.apply(after, e);
        }
        PetitionStatus was = before == null ? null : before.petition().status();
        return new PetitionStore.Change(before, events, after.status() != was ? notices.of(after).orElse(null) : null);
    }

    private static Petition after(PetitionStore.Change change) {
        Petition p = change.before() == null ? null : change.before().petition();
        for (PetitionEvent e : change.events()) {
            p = PetitionRules.apply(p, e);
        }
        return p;
    }

    private static boolean isTakenCode(Throwable failure) {
        return failure instanceof io.vertx.pgclient.PgException pg && "petitions_tracking_code_key".equals(pg.getConstraint())
                || failure instanceof AppendConflict;
    }
}
