package vn.doithoai.transport;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.doithoai.live.MeetingOwner;
import vn.doithoai.live.Meetings;
import vn.doithoai.meeting.Actor;
import vn.doithoai.meeting.AgendaPetition;
import vn.doithoai.meeting.Command;
import vn.doithoai.petition.Petition;
import vn.doithoai.petition.PetitionField;
import vn.doithoai.petition.FieldList;
import vn.doithoai.rules.Refusal;
import vn.doithoai.store.Directory;
import vn.doithoai.store.PetitionFieldStore;
import vn.doithoai.store.PetitionStore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The petitions the organiser puts on a meeting's agenda (docs/api.md, "Petitions on the agenda").
 * The organiser names petitions; the server copies from each what the chair and the secretary
 * need beside a speaker (field, office, the office's prepared answer) and gives that to the
 * meeting's own writer as a command, so the agenda is in the meeting's record. Saving it again
 * brings the prepared answers up to date. The routes sit behind {@link RestApi}'s meeting check:
 * reading needs READ in the meeting's commune, saving MANAGE_MEETINGS.
 */
public final class AgendaApi implements Routes {

    /** What the chair sees of a petition's content: enough to recall it. */
    static final int SUMMARY_CHARS = 300;

    record Wanted(List<UUID> petitionIds) {
    }

    private final Meetings meetings;
    private final PetitionStore petitions;
    private final PetitionFieldStore fields;

    public AgendaApi(Meetings meetings, PetitionStore petitions, PetitionFieldStore fields) {
        this.meetings = meetings;
        this.petitions = petitions;
        this.fields = fields;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/meetings/:meetingId/agenda").handler(this::show);
        router.put("/api/meetings/:meetingId/agenda").handler(this::save);
    }

    private void show(RoutingContext ctx) {
        Directory.MeetingRow row = RestApi.meeting(ctx);
        Rest.respond(ctx, 200, meetings.get(row.id()).compose(MeetingOwner::read)
                .map(read -> Map.of("seq", read.seq(), "items", read.snapshot().agenda())));
    }

    private void save(RoutingContext ctx) {
        Directory.MeetingRow row = RestApi.meeting(ctx);
        var wanted = Rest.body(ctx, Wanted.class);
        if (wanted.isEmpty()) {
            return;
        }
        List<UUID> ids = wanted.get().petitionIds();
        if (ids == null || ids.contains(null)) {
            Problem.of(Refusal.FIELD_MISSING, "Chưa có danh sách kiến nghị (petitionIds), hoặc danh sách có mục trống",
                    "No list of petitions (petitionIds), or an empty item in it").send(ctx, 400);
            return;
        }
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
        if (distinct.size() > Command.SetPetitionAgenda.MAX_ITEMS) {
            Problem.of(Refusal.FIELD_INVALID,
                    "Chương trình có tối đa " + Command.SetPetitionAgenda.MAX_ITEMS + " kiến nghị (đã chọn " + distinct.size() + ")",
                    "The agenda takes at most " + Command.SetPetitionAgenda.MAX_ITEMS + " petitions (" + distinct.size()
                            + " chosen)").send(ctx, 400);
            return;
        }
        Future.all(petitions.byIds(distinct), fields.of(row.communeId())).compose(both -> {
            List<PetitionStore.Stored> found = both.resultAt(0);
            FieldList fieldList = both.<PetitionFieldStore.Loaded>resultAt(1).list();
            Map<UUID, Petition> byId = found.stream().map(PetitionStore.Stored::petition)
                    .filter(p -> p.communeId().equals(row.communeId()))
                    .collect(Collectors.toMap(Petition::id, Function.identity()));
            List<UUID> strangers = distinct.stream().filter(id -> !byId.containsKey(id)).toList();
            if (!strangers.isEmpty()) {
                return Future.failedFuture(new Rest.Answered(Problem.of(Refusal.FIELD_INVALID,
                        "Không phải kiến nghị của xã tổ chức hội nghị: " + strangers,
                        "Not petitions of the meeting's commune: " + strangers), 400));
            }
            List<AgendaPetition> items = new ArrayList<>(distinct.size());
            distinct.forEach(id -> items.add(item(byId.get(id), fieldList)));
            return meetings.get(row.id()).compose(owner -> owner.submit(new Command.SetPetitionAgenda(items), Actor.ORGANISER, null)
                    .compose(result -> result.accepted() ? owner.read().map(read -> Map.of("seq", result.lastSeq(),
                            "items", read.snapshot().agenda()))
                            : Future.failedFuture(Rest.Answered.of(result.refusal()))));
        }).onComplete(done -> {
            if (done.succeeded()) {
                ctx.json(done.result());
            } else {
                Rest.fail(ctx, done.cause());
            }
        });
    }

    /** What the agenda keeps of a petition: never the citizen, and of its content the beginning only. */
    static AgendaPetition item(Petition p, FieldList fields) {
        String code = p.classification().fieldCode();
        String field = fields.byCode(code).map(PetitionField::vi).orElse(code);
        String prepared = p.draft() != null ? p.draft().text() : p.answer() != null ? p.answer().text() : null;
        return new AgendaPetition(p.id(), p.trackingCode(), p.citizen().villageOrOrganisation(), field,
                beginning(p.content()), p.assignment() == null ? null : p.assignment().officeName(), prepared);
    }

    private static String beginning(String content) {
        if (content == null || content.codePointCount(0, content.length()) <= SUMMARY_CHARS) {
            return content;
        }
        return content.substring(0, content.offsetByCodePoints(0, SUMMARY_CHARS)).stripTrailing() + "…";
    }
}
