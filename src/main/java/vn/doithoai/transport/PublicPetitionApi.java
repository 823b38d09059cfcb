package vn.doithoai.transport;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.codec.Json;
import vn.doithoai.desk.CitizenNotices;
import vn.doithoai.desk.FollowUpDesk;
import vn.doithoai.desk.PetitionDesk;
import vn.doithoai.followup.FollowUp;
import vn.doithoai.followup.FollowUpCommand;
import vn.doithoai.followup.PublicFollowUp;
import vn.doithoai.petition.Channel;
import vn.doithoai.petition.Citizen;
import vn.doithoai.petition.FieldList;
import vn.doithoai.petition.Petition;
import vn.doithoai.petition.PublicView;
import vn.doithoai.petition.TrackingCode;
import vn.doithoai.rules.Refusal;
import vn.doithoai.store.Directory;
import vn.doithoai.store.PetitionFieldStore;
import vn.doithoai.store.PetitionStore;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What citizens reach without an account (docs/api.md): the public petition form and the tracking
 * page. The form is limited per address and carries a field people never see (a honeypot): a
 * program that fills every field is answered as if it succeeded, and nothing is stored. The
 * tracking answer is {@link PublicView}: never the citizen, the content or the draft; with it, when
 * a meeting's conclusion answered the petition, that conclusion's follow-up as {@link PublicFollowUp},
 * which the citizen may rate once it is settled.
 */
public final class PublicPetitionApi implements Routes {

    private static final Logger LOG = LoggerFactory.getLogger(PublicPetitionApi.class);
    static final String FORM_PATH = "/kien-nghi";
    static final String TRACKING_PATH = "/tra-cuu";
    /** The system actor of petitions sent by citizens through the form. */
    static final String FORM_ACTOR = "public-form";
    /** The system actor of the ratings citizens send through the tracking page. */
    static final String RATING_ACTOR = "public-tracking";

    record FormPetition(UUID communeId, String name, String village, String email, String phone, String fieldCode,
                        String content, String website) {
    }

    record RatingForm(Boolean satisfied, String reason) {
    }

    private final PetitionDesk desk;
    private final PetitionStore petitions;
    private final Directory directory;
    private final RateLimits limits;
    private final CitizenNotices notices;
    private final PetitionFieldStore fields;
    private final FollowUpDesk followUps;
    private final Clock clock;
    /** Communes once found: a commune is never removed, so the form asks the database once for each. */
    private final java.util.Set<UUID> knownCommunes = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public PublicPetitionApi(PetitionDesk desk, PetitionStore petitions, Directory directory, RateLimits limits,
                             CitizenNotices notices, PetitionFieldStore fields, FollowUpDesk followUps, Clock clock) {
        this.fields = fields;
        this.followUps = followUps;
        this.clock = clock;
        this.desk = desk;
        this.petitions = petitions;
        this.directory = directory;
        this.limits = limits;
        this.notices = notices;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/public/communes").handler(ctx -> Rest.respond(ctx, 200, directory.communes().map(all -> Map.of("communes",
                all.stream().map(c -> Map.of("id", c.id(), "name", c.name(), "province", c.province() == null ? "" : c.province()))
                        .toList()))));
        router.get("/api/public/petition-options").handler(this::options);
        router.post("/api/public/petitions").handler(this::submit);
        router.get("/api/public/petitions/:code").handler(this::track);
        router.post("/api/public/petitions/:code/rating").handler(this::rate);
    }

    /** The lists the form offers; {@code ?communeId=} for that commune's fields (else the defaults). */
    private void options(RoutingContext ctx) {
        String commune = ctx.request().getParam("communeId");
        UUID communeId;
        try {
            communeId = commune == null || commune.isBlank() ? null : UUID.fromString(commune);
        } catch (IllegalArgumentException e) {
            Problem.notFound("xã", "commune").send(ctx, 404);
            return;
        }
        Future<FieldList> list = communeId == null ? Future.succeededFuture(FieldList.start()) : fields.of(communeId).map(l -> l.list());
        Rest.respond(ctx, 200, list.map(PetitionApi::options));
    }

    private void submit(RoutingContext ctx) {
        String address = ClientAddress.of(ctx.request().remoteAddress(), ctx.request().headers());
        long wait = limits.take(RateLimits.Kind.PUBLIC_PETITION, address);
        if (wait > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(wait));
            ProtocolProblems.rateLimited(wait).send(ctx, 429);
            return;
        }
        Optional<FormPetition> body = Rest.body(ctx, FormPetition.class);
        if (body.isEmpty()) {
            return;
        }
        FormPetition f = body.get();
        if (f.website() != null && !f.website().isEmpty()) {
            LOG.info("A petition form with its hidden field filled was answered and dropped (a program, not a person), from {}", address);
            String code = TrackingCode.next(new java.security.SecureRandom());
            Rest.respond(ctx, 201, Future.succeededFuture(Map.of("trackingCode", code, "trackingUrl", notices.trackingLink(code))));
            return;
        }
        if (f.communeId() == null) {
            Problem.of(Refusal.FIELD_MISSING, "Hãy chọn xã nhận kiến nghị", "Choose the commune the petition is for").send(ctx, 400);
            return;
        }
        Future<Boolean> exists = knownCommunes.contains(f.communeId()) ? Future.succeededFuture(true)
                : directory.commune(f.communeId()).map(c -> {
                    c.ifPresent(found -> knownCommunes.add(found.id()));
                    return c.isPresent();
                });
        exists.compose(known -> !known ? Future.succeededFuture((PetitionDesk.Outcome) null)
                        : desk.receive(FORM_ACTOR, f.communeId(), new PetitionDesk.Received(
                                new Citizen(f.name(), f.village(), f.email(), f.phone()), null, Channel.WEB_FORM,
                                f.fieldCode() == null ? "khac" : f.fieldCode(), null, f.content())))
                .onComplete(done -> {
                    if (done.failed()) {
                        Rest.fail(ctx, done.cause());
                    } else if (done.result() == null) {
                        Problem.notFound("xã", "commune").send(ctx, 404);
                    } else if (done.result().refusal() != null) {
                        Rest.refuse(ctx, done.result().refusal());
                    } else {
                        String code = done.result().stored().petition().trackingCode();
                        Rest.respond(ctx, 201, Future.succeededFuture(Map.of("trackingCode", code, "trackingUrl", notices.trackingLink(code))));
                    }
                });
    }

    private void track(RoutingContext ctx) {
        String address = ClientAddress.of(ctx.request().remoteAddress(), ctx.request().headers());
        long wait = limits.waitSeconds(RateLimits.Kind.TRACKING_GUESS, address);
        if (wait > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(wait));
            ProtocolProblems.rateLimited(wait).send(ctx, 429);
            return;
        }
        Optional<String> code = TrackingCode.normalise(ctx.pathParam("code"));
        if (code.isEmpty()) {
            limits.take(RateLimits.Kind.TRACKING_GUESS, address);
            Problem.of(Problem.NOT_FOUND, "Mã theo dõi có dạng KN-XXXX-XXXX", "A tracking code looks like KN-XXXX-XXXX").send(ctx, 404);
            return;
        }
        petitions.byTrackingCode(code.get()).onComplete(found -> {
            if (found.failed()) {
                Rest.fail(ctx, found.cause());
            } else if (found.result().isEmpty()) {
                limits.take(RateLimits.Kind.TRACKING_GUESS, address);
                Problem.of(Problem.NOT_FOUND, "Không có kiến nghị mang mã " + code.get(), "No petition has the code " + code.get())
                        .send(ctx, 404);
            } else {
                var petition = found.result().get().petition();
                Rest.respond(ctx, 200, Future.all(fields.of(petition.communeId()), followUps.answering(petition)).map(both -> {
                    var view = (com.fasterxml.jackson.databind.node.ObjectNode) Json.tree(PublicView.of(petition,
                            both.<PetitionFieldStore.Loaded>resultAt(0).list().all()));
                    Optional<vn.doithoai.store.FollowUpStore.Stored> followUp = both.resultAt(1);
                    view.set("followUp", Json.tree(followUp.map(f -> PublicFollowUp.of(f.followUp(), petition.trackingCode(), today()))
                            .orElse(null)));
                    return view;
                }));
            }
        });
    }

    /**
     * The citizen rates what the conclusion that answered the petition gave: recorded on that
     * conclusion's follow-up, once per petition, limited per address like the form.
     */
    private void rate(RoutingContext ctx) {
        String address = ClientAddress.of(ctx.request().remoteAddress(), ctx.request().headers());
        long wait = limits.take(RateLimits.Kind.RATING, address);
        if (wait > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(wait));
            ProtocolProblems.rateLimited(wait).send(ctx, 429);
            return;
        }
        Optional<String> code = TrackingCode.normalise(ctx.pathParam("code"));
        if (code.isEmpty()) {
            Problem.of(Problem.NOT_FOUND, "Mã theo dõi có dạng KN-XXXX-XXXX", "A tracking code looks like KN-XXXX-XXXX").send(ctx, 404);
            return;
        }
        Optional<RatingForm> body = Rest.body(ctx, RatingForm.class);
        if (body.isEmpty()) {
            return;
        }
        petitions.byTrackingCode(code.get())
                .compose(found -> found.isEmpty() ? Future.failedFuture(new Rest.Answered(Problem.of(Problem.NOT_FOUND,
                        "Không có kiến nghị mang mã " + code.get(), "No petition has the code " + code.get()), 404))
                        : followUps.answering(found.get().petition()))
                .compose(followUp -> followUp.isEmpty() ? Future.failedFuture(Rest.Answered.of(new Refusal(Refusal.WRONG_STATE,
                        "Kiến nghị này chưa được trả lời bằng kết luận của hội nghị nên chưa thể đánh giá",
                        "This petition was not answered by a meeting's conclusion, so it cannot be rated")))
                        : followUps.act(RATING_ACTOR, followUp.get(),
                                new FollowUpCommand.Rate(code.get(), body.get().satisfied(), body.get().reason())))
                .onComplete(done -> {
                    if (done.failed()) {
                        Rest.fail(ctx, done.cause());
                    } else if (done.result().refusal() != null) {
                        Rest.refuse(ctx, done.result().refusal());
                    } else {
                        FollowUp f = done.result().stored().followUp();
                        Rest.respond(ctx, 200, Future.succeededFuture(Map.of("followUp", PublicFollowUp.of(f, code.get(), today()))));
                    }
                });
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(FollowUp.ZONE));
    }
}
