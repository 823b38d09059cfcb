package vn.doithoai.transport;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.doithoai.access.Action;
import vn.doithoai.offices.DefaultOffices;
import vn.doithoai.offices.Office;
import vn.doithoai.offices.OfficeCommand;
import vn.doithoai.offices.OfficeEvent;
import vn.doithoai.offices.OfficeRules;
import vn.doithoai.rules.Ruling;
import vn.doithoai.store.OfficeStore;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The office directory of a commune (docs/api.md): offices and their heads, each change an event. */
public final class OfficeApi implements Routes {

    record OfficeFields(String name, String headName, String headTitle) {
    }

    private final OfficeStore offices;
    private final Clock clock;

    public OfficeApi(OfficeStore offices, Clock clock) {
        this.offices = offices;
        this.clock = clock;
    }

    /** Behind the staff gate. */
    @Override
    public void mount(Router router) {
        router.get("/api/communes/:communeId/offices").handler(this::list);
        router.post("/api/communes/:communeId/offices").handler(this::add);
        router.put("/api/offices/:officeId").handler(ctx -> change(ctx, false));
        router.post("/api/offices/:officeId/retire").handler(ctx -> change(ctx, true));
    }

    /** A new commune's offices, so that responders can be picked from the first day. */
    public Future<Void> addDefaults(UUID communeId, String actor) {
        Future<Office> chain = Future.succeededFuture();
        int position = 0;
        for (DefaultOffices.Default office : DefaultOffices.ALL) {
            var command = new OfficeCommand.Add(communeId, office.name(), null, office.headTitle(), ++position);
            chain = chain.compose(previous -> save(null, UUID.randomUUID(), OfficeRules.decide(null, command), actor));
        }
        return chain.mapEmpty();
    }

    private void list(RoutingContext ctx) {
        Rest.uuid(ctx, "communeId").filter(id -> StaffGate.allowed(ctx, Action.READ, id))
                .ifPresent(id -> Rest.respond(ctx, 200, offices.of(id).map(list -> Map.of("offices", list))));
    }

    private void add(RoutingContext ctx) {
        var communeId = Rest.uuid(ctx, "communeId").filter(id -> StaffGate.allowed(ctx, Action.MANAGE_OFFICES, id));
        var fields = communeId.isPresent() ? Rest.body(ctx, OfficeFields.class) : java.util.Optional.<OfficeFields>empty();
        if (fields.isEmpty()) {
            return;
        }
        offices.nextPosition(communeId.get()).onComplete(position -> {
            if (position.failed()) {
                Rest.fail(ctx, position.cause());
                return;
            }
            OfficeFields f = fields.get();
            Ruling<OfficeEvent> ruling = OfficeRules.decide(null,
                    new OfficeCommand.Add(communeId.get(), f.name(), f.headName(), f.headTitle(), position.result()));
            answer(ctx, 201, null, UUID.randomUUID(), ruling);
        });
    }

    private void change(RoutingContext ctx, boolean retire) {
        Rest.uuid(ctx, "officeId").ifPresent(id -> offices.byId(id).onComplete(found -> {
            if (found.failed()) {
                Rest.fail(ctx, found.cause());
            } else if (found.result().isEmpty()) {
                Problem.notFound("cơ quan", "office").send(ctx, 404);
            } else if (StaffGate.allowed(ctx, Action.MANAGE_OFFICES, found.result().get().communeId())) {
                Office office = found.result().get();
                if (retire) {
                    answer(ctx, 200, office, id, OfficeRules.decide(office, new OfficeCommand.Retire()));
                } else {
                    Rest.body(ctx, OfficeFields.class).ifPresent(f -> answer(ctx, 200, office, id,
                            OfficeRules.decide(office, new OfficeCommand.Change(f.name(), f.headName(), f.headTitle()))));
                }
            }
        }));
    }

    private void answer(RoutingContext ctx, int status, Office before, UUID id, Ruling<OfficeEvent> ruling) {
        if (!ruling.accepted()) {
            Rest.refuse(ctx, ruling.refusal());
            return;
        }
        Rest.respond(ctx, status, save(before, id, ruling, StaffGate.caller(ctx).actor()));
    }

    private Future<Office> save(Office before, UUID id, Ruling<OfficeEvent> ruling, String actor) {
        if (!ruling.accepted()) {
            return Future.failedFuture(new IllegalStateException(ruling.refusal().en()));
        }
        return offices.record(before, id, List.copyOf(ruling.events()), actor, clock.instant());
    }
}
