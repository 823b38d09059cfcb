package vn.doithoai.transport;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.doithoai.access.Action;
import vn.doithoai.petition.FieldList;
import vn.doithoai.rules.Ruling;
import vn.doithoai.store.PetitionFieldStore;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** A commune's list of petition fields (docs/api.md): read by staff, edited by its administrator. */
public final class PetitionFieldApi implements Routes {

    record Names(String vi, String en) {
    }

    private final PetitionFieldStore fields;
    private final Clock clock;

    public PetitionFieldApi(PetitionFieldStore fields, Clock clock) {
        this.fields = fields;
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        String base = "/api/communes/:communeId/petition-fields";
        router.get(base).handler(this::list);
        router.post(base).handler(ctx -> change(ctx, Names.class, n -> new FieldList.Command.Add(n.vi(), n.en()), 201));
        router.put(base + "/:code").handler(ctx -> change(ctx, Names.class,
                n -> new FieldList.Command.Rename(ctx.pathParam("code"), n.vi(), n.en()), 200));
        router.post(base + "/:code/retire").handler(ctx -> change(ctx, null, n -> new FieldList.Command.Retire(ctx.pathParam("code")), 200));
        router.post(base + "/:code/restore").handler(ctx -> change(ctx, null, n -> new FieldList.Command.Restore(ctx.pathParam("code")), 200));
    }

    /** What a list answer holds: the fields offered and the retired ones, each with its labels. */
    static Map<String, Object> shown(FieldList list) {
        return Map.of("fields", list.active(), "retired", list.all().stream().filter(f -> list.retired().contains(f.code())).toList());
    }

    private void list(RoutingContext ctx) {
        Rest.uuid(ctx, "communeId").filter(id -> StaffGate.allowed(ctx, Action.READ, id))
                .ifPresent(id -> Rest.respond(ctx, 200, fields.of(id).map(loaded -> shown(loaded.list()))));
    }

    private <B> void change(RoutingContext ctx, Class<B> bodyType, Function<B, FieldList.Command> command, int status) {
        Optional<UUID> communeId = Rest.uuid(ctx, "communeId").filter(id -> StaffGate.allowed(ctx, Action.MANAGE_OFFICES, id));
        if (communeId.isEmpty()) {
            return;
        }
        Optional<B> body = bodyType == null ? Optional.empty() : Rest.body(ctx, bodyType);
        if (bodyType != null && body.isEmpty()) {
            return;
        }
        UUID id = communeId.get();
        fields.of(id).onComplete(loaded -> {
            if (loaded.failed()) {
                Rest.fail(ctx, loaded.cause());
                return;
            }
            Ruling<FieldList.Event> ruling = loaded.result().list().decide(command.apply(body.orElse(null)));
            if (!ruling.accepted()) {
                Rest.refuse(ctx, ruling.refusal());
                return;
            }
            Rest.respond(ctx, status, fields.record(id, loaded.result(), List.copyOf(ruling.events()), StaffGate.caller(ctx).actor(),
                    clock.instant()).map(after -> shown(after.list())));
        });
    }
}
