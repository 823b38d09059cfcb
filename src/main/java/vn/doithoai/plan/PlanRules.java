package vn.doithoai.plan;

import vn.doithoai.rules.Fields;
import vn.doithoai.rules.Refusal;
import vn.doithoai.rules.Ruling;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The rules of a commune's yearly plan: plain Java, no I/O. Whether the caller may keep the plan
 * is {@code Caller.may}'s; whether a host office is in the commune's directory is checked where the
 * offices are known. These rules keep the plan coherent: a planned dialogue is set up as one
 * meeting at most, and a cancelled one as none.
 */
public final class PlanRules {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;
    /** Far above any commune's year (plan 000 plans three); a bound on what one plan holds. */
    public static final int MAX_DIALOGUES = 100;
    public static final int MAX_TARGET = 100;

    static final Fields.Name F_THEME = new Fields.Name("Chủ đề", "Theme");
    static final Fields.Name F_GROUP = new Fields.Name("Đối tượng đối thoại", "Group");
    static final Fields.Name F_MONTH = new Fields.Name("Tháng", "Month");
    static final Fields.Name F_CHAIR = new Fields.Name("Người chủ trì", "Chair");
    static final Fields.Name F_HOST = new Fields.Name("Cơ quan chủ trì tham mưu", "Host office");
    static final Fields.Name F_VENUE = new Fields.Name("Địa điểm", "Venue");
    static final Fields.Name F_DIRECT = new Fields.Name("Số cuộc đối thoại trực tiếp", "Number of direct dialogues");

    private PlanRules() {
    }

    /** Null when {@code year} is one a plan may be kept for. */
    public static Refusal yearProblem(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return new Refusal(Refusal.FIELD_INVALID, "Năm của kế hoạch phải từ " + FIRST_YEAR + " đến " + LAST_YEAR,
                    "The plan's year must be between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        return null;
    }

    /** Null when the dialogue may be set up as a meeting now: asked before the meeting is created. */
    public static Refusal linkProblem(Plan plan, UUID dialogueId) {
        var found = plan.dialogue(dialogueId);
        if (found.isEmpty()) {
            return notFound();
        }
        if (found.get().cancelled()) {
            return new Refusal(Refusal.WRONG_STATE, "Cuộc đối thoại này đã bị hủy", "This dialogue was cancelled");
        }
        if (found.get().setUp()) {
            return new Refusal(Refusal.WRONG_STATE, "Cuộc đối thoại này đã được tạo thành hội nghị",
                    "This dialogue has been set up as a meeting already");
        }
        return null;
    }

    public static Ruling<PlanEvent> decide(Plan plan, PlanCommand command) {
        Refusal year = yearProblem(plan.year());
        if (year != null) {
            return Ruling.refuse(year);
        }
        if (command instanceof PlanCommand.SetTarget set) {
            return setTarget(set);
        }
        if (command instanceof PlanCommand.AddDialogue add) {
            if (plan.dialogue(add.dialogueId()).isPresent()) {
                return Ruling.refuse(Refusal.WRONG_STATE, "Cuộc đối thoại đã có trong kế hoạch", "The dialogue is in the plan already");
            }
            if (plan.dialogues().size() >= MAX_DIALOGUES) {
                return Ruling.refuse(Refusal.FIELD_INVALID, "Kế hoạch một năm có tối đa " + MAX_DIALOGUES + " cuộc đối thoại",
                        "A year's plan holds at most " + MAX_DIALOGUES + " dialogues");
            }
            DialogueDetails details = cleaned(add.details());
            Refusal problem = problem(details);
            return problem != null ? Ruling.refuse(problem) : Ruling.accept(new PlanEvent.DialoguePlanned(add.dialogueId(), details));
        }
        if (command instanceof PlanCommand.ChangeDialogue change) {
            Refusal state = changeable(plan, change.dialogueId());
            DialogueDetails details = cleaned(change.details());
            Refusal problem = state != null ? state : problem(details);
            return problem != null ? Ruling.refuse(problem) : Ruling.accept(new PlanEvent.DialogueChanged(change.dialogueId(), details));
        }
        if (command instanceof PlanCommand.CancelDialogue cancel) {
            return cancel(plan, cancel);
        }
        var link = (PlanCommand.LinkMeeting) command;
        Refusal problem = link.meetingId() == null
                ? new Refusal(Refusal.FIELD_MISSING, "Chưa có hội nghị để gắn", "No meeting to link")
                : linkProblem(plan, link.dialogueId());
        return problem != null ? Ruling.refuse(problem) : Ruling.accept(new PlanEvent.MeetingLinked(link.dialogueId(), link.meetingId()));
    }

    public static Plan apply(Plan plan, PlanEvent event) {
        long seq = plan.seq() + 1;
        if (event instanceof PlanEvent.TargetSet t) {
            return new Plan(plan.communeId(), plan.year(), seq, t.target(), plan.dialogues());
        }
        if (event instanceof PlanEvent.DialoguePlanned p) {
            var dialogues = new ArrayList<>(plan.dialogues());
            dialogues.add(PlannedDialogue.of(p.dialogueId(), dialogues.size() + 1, p.details()));
            return new Plan(plan.communeId(), plan.year(), seq, plan.target(), dialogues);
        }
        if (event instanceof PlanEvent.DialogueChanged c) {
            return replaced(plan, seq, c.dialogueId(), d -> d.with(c.details()));
        }
        if (event instanceof PlanEvent.DialogueCancelled c) {
            return replaced(plan, seq, c.dialogueId(), d -> d.cancelledFor(c.reason()));
        }
        var linked = (PlanEvent.MeetingLinked) event;
        return replaced(plan, seq, linked.dialogueId(), d -> d.linkedTo(linked.meetingId()));
    }

    /** The dialogues an event touched, so a store updates their rows only. */
    public static UUID dialogueOf(PlanEvent event) {
        if (event instanceof PlanEvent.DialoguePlanned p) {
            return p.dialogueId();
        }
        if (event instanceof PlanEvent.DialogueChanged c) {
            return c.dialogueId();
        }
        if (event instanceof PlanEvent.DialogueCancelled c) {
            return c.dialogueId();
        }
        return event instanceof PlanEvent.MeetingLinked l ? l.dialogueId() : null;
    }

    private static Ruling<PlanEvent> setTarget(PlanCommand.SetTarget set) {
        if (set.direct() == null) {
            return Ruling.refuse(Refusal.FIELD_MISSING, "Chưa nhập: " + F_DIRECT.vi(), "Missing: " + F_DIRECT.en());
        }
        Map<DialogueKind, Integer> byKind = new EnumMap<>(DialogueKind.class);
        if (set.byKind() != null) {
            for (var entry : set.byKind().entrySet()) {
                if (entry.getKey() == null || entry.getValue() == null) {
                    return Ruling.refuse(Refusal.FIELD_INVALID, "Số cuộc theo hình thức phải là một số",
                            "The number per kind must be a number");
                }
                byKind.put(entry.getKey(), entry.getValue());
            }
        }
        boolean outOfRange = set.direct() < 0 || set.direct() > MAX_TARGET
                || byKind.values().stream().anyMatch(n -> n < 0 || n > MAX_TARGET);
        if (outOfRange) {
            return Ruling.refuse(Refusal.FIELD_INVALID, "Số cuộc đối thoại phải từ 0 đến " + MAX_TARGET,
                    "The number of dialogues must be between 0 and " + MAX_TARGET);
        }
        if (byKind.values().stream().mapToInt(Integer::intValue).sum() > set.direct()) {
            return Ruling.refuse(Refusal.FIELD_INVALID, "Tổng số cuộc theo hình thức vượt quá số cuộc đối thoại trực tiếp",
                    "The numbers per kind add up to more than the direct dialogues");
        }
        return Ruling.accept(new PlanEvent.TargetSet(new Target(set.direct(), byKind)));
    }

    private static Ruling<PlanEvent> cancel(Plan plan, PlanCommand.CancelDialogue cancel) {
        Refusal state = changeable(plan, cancel.dialogueId());
        if (state == null && plan.dialogue(cancel.dialogueId()).orElseThrow().setUp()) {
            state = new Refusal(Refusal.WRONG_STATE, "Đã tạo hội nghị từ cuộc đối thoại này; không thể hủy trong kế hoạch",
                    "A meeting was set up from this dialogue; it cannot be cancelled in the plan");
        }
        String reason = Fields.paragraph(cancel.reason());
        Refusal problem = state != null ? state : Fields.required(reason, Fields.F_REASON, Fields.REASON);
        return problem != null ? Ruling.refuse(problem) : Ruling.accept(new PlanEvent.DialogueCancelled(cancel.dialogueId(), reason));
    }

    private static Refusal changeable(Plan plan, UUID dialogueId) {
        var found = plan.dialogue(dialogueId);
        if (found.isEmpty()) {
            return notFound();
        }
        return found.get().cancelled()
                ? new Refusal(Refusal.WRONG_STATE, "Cuộc đối thoại này đã bị hủy", "This dialogue was cancelled") : null;
    }

    private static Refusal notFound() {
        return new Refusal(Refusal.NOT_FOUND, "Không có cuộc đối thoại này trong kế hoạch", "No such dialogue in the plan");
    }

    static DialogueDetails cleaned(DialogueDetails d) {
        DialogueKind kind = d.kind() == null ? DialogueKind.PERIODIC : d.kind();
        return new DialogueDetails(kind, Fields.line(d.theme()), Fields.line(d.group()), d.month(), Fields.line(d.chair()),
                d.hostOfficeId(), Fields.line(d.hostOffice()), Fields.line(d.venue()), Fields.paragraph(d.note()));
    }

    private static Refusal problem(DialogueDetails d) {
        Refusal month = d.month() == null
                ? new Refusal(Refusal.FIELD_MISSING, "Chưa nhập: " + F_MONTH.vi(), "Missing: " + F_MONTH.en())
                : d.month() < 1 || d.month() > 12
                ? new Refusal(Refusal.FIELD_INVALID, "Tháng phải từ 1 đến 12", "The month must be between 1 and 12") : null;
        return Fields.first(
                Fields.required(d.theme(), F_THEME, Fields.TITLE),
                month,
                Fields.optional(d.group(), F_GROUP, Fields.GROUP),
                Fields.optional(d.chair(), F_CHAIR, Fields.OFFICE),
                Fields.optional(d.hostOffice(), F_HOST, Fields.OFFICE),
                Fields.optional(d.venue(), F_VENUE, Fields.TITLE),
                Fields.optional(d.note(), Fields.F_NOTE, Fields.NOTE));
    }

    private static Plan replaced(Plan plan, long seq, UUID id, UnaryOperator<PlannedDialogue> change) {
        List<PlannedDialogue> dialogues = plan.dialogues().stream().map(d -> d.id().equals(id) ? change.apply(d) : d).toList();
        return new Plan(plan.communeId(), plan.year(), seq, plan.target(), dialogues);
    }
}
