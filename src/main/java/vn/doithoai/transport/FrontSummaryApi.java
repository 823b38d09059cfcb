package vn.doithoai.transport;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.doithoai.access.Action;
import vn.doithoai.documents.CountRow;
import vn.doithoai.documents.FrontSummary;
import vn.doithoai.documents.FrontSummaryDocx;
import vn.doithoai.documents.Signature;
import vn.doithoai.petition.Channel;
import vn.doithoai.petition.Petition;
import vn.doithoai.petition.PetitionField;
import vn.doithoai.petition.FieldList;
import vn.doithoai.rules.Refusal;
import vn.doithoai.store.Directory;
import vn.doithoai.store.PetitionFieldStore;
import vn.doithoai.store.PetitionStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The Front's summary of a commune's petitions before a meeting (plan 000 V.4): counts by field,
 * village and channel and the sensitive ones, as data for its page and as the .docx the Front hands
 * the leaders. Every figure is a query on the petitions; no contact of anyone is in it.
 */
public final class FrontSummaryApi implements Routes {

    static final int SHORT_CONTENT = 300;
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final PetitionStore petitions;
    private final Directory directory;
    private final Clock clock;
    private final PetitionFieldStore fields;

    public FrontSummaryApi(PetitionStore petitions, PetitionFieldStore fields, Directory directory, Clock clock) {
        this.fields = fields;
        this.petitions = petitions;
        this.directory = directory;
        this.clock = clock;
    }

    /** Behind the staff gate. {@code ?from=yyyy-mm-dd&to=yyyy-mm-dd} (received on those days, both included). */
    @Override
    public void mount(Router router) {
        router.get("/api/communes/:communeId/petition-summary").handler(ctx -> summary(ctx, false));
        router.get("/api/communes/:communeId/petition-summary.docx").handler(ctx -> summary(ctx, true));
    }

    private void summary(RoutingContext ctx, boolean docx) {
        Optional<UUID> communeId = Rest.uuid(ctx, "communeId").filter(id -> StaffGate.allowed(ctx, Action.READ, id));
        if (communeId.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(Petition.ZONE));
        LocalDate from;
        LocalDate to;
        try {
            from = param(ctx, "from").map(LocalDate::parse).orElse(today.withDayOfYear(1));
            to = param(ctx, "to").map(LocalDate::parse).orElse(today);
        } catch (DateTimeParseException e) {
            Problem.of(Refusal.FIELD_INVALID, "Ngày không đúng dạng năm-tháng-ngày (2026-06-30)",
                    "A date is not of the form year-month-day (2026-06-30)").send(ctx, 400);
            return;
        }
        if (to.isBefore(from)) {
            Problem.of(Refusal.FIELD_INVALID, "Ngày kết thúc trước ngày bắt đầu", "The end is before the start").send(ctx, 400);
            return;
        }
        Instant start = from.atStartOfDay(Petition.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Petition.ZONE).toInstant();
        UUID id = communeId.get();
        Future<FrontSummary> built = directory.commune(id).compose(commune -> Future.all(
                        petitions.countBy(id, "field", start, end), petitions.countBy(id, "village", start, end),
                        petitions.countBy(id, "channel", start, end), petitions.sensitive(id, start, end), fields.of(id))
                .map(all -> assemble(commune.map(Directory.Commune::name).orElse(""), today, all.resultAt(0), all.resultAt(1),
                        all.resultAt(2), all.resultAt(3), all.<PetitionFieldStore.Loaded>resultAt(4).list())));
        if (!docx) {
            Rest.respond(ctx, 200, built.map(s -> Map.of("from", from, "to", to, "total", s.total(), "byField", s.byField(),
                    "byVillage", s.byVillage(), "byChannel", s.byChannel(), "sensitive", s.sensitive())));
            return;
        }
        built.compose(s -> ctx.vertx().executeBlocking(() -> write(s), false)).onComplete(done -> {
            if (done.failed()) {
                Rest.fail(ctx, done.cause());
            } else {
                ctx.response().putHeader("Content-Type", DOCX)
                        .putHeader("Content-Disposition", "attachment; filename=\"tong-hop-kien-nghi-" + from + "-" + to + ".docx\"")
                        .end(Buffer.buffer(done.result()));
            }
        });
    }

    private static FrontSummary assemble(String communeName, LocalDate today, List<PetitionStore.Count> byField,
                                         List<PetitionStore.Count> byVillage, List<PetitionStore.Count> byChannel,
                                         List<Petition> sensitive, FieldList fields) {
        String place = communeName.replaceFirst("(?iu)^xã\\s+", "");
        Function<String, String> fieldLabel = code -> fields.byCode(code).map(PetitionField::vi).orElse(code);
        return new FrontSummary(communeName, "Ủy ban MTTQ Việt Nam\nxã " + place, place, today, null,
                rows(byField, c -> fieldLabel.apply(c.key())), rows(byVillage, PetitionStore.Count::label),
                rows(byChannel, c -> Channel.valueOf(c.key()).vi),
                sensitive.stream().map(p -> new FrontSummary.SensitivePetition(p.receivedOn(), p.citizen().villageOrOrganisation(),
                        fieldLabel.apply(p.classification().fieldCode()), shortened(p.content()))).toList(),
                new Signature("TM. Ban Thường trực", "Chủ tịch", null),
                List.of("Thường trực Đảng ủy xã;", "Thường trực HĐND, UBND xã;", "Lưu: VT."));
    }

    private static List<CountRow> rows(List<PetitionStore.Count> counts, Function<PetitionStore.Count, String> label) {
        return counts.stream().map(c -> new CountRow(label.apply(c), (int) c.count())).toList();
    }

    private static String shortened(String content) {
        return content.length() <= SHORT_CONTENT ? content : content.substring(0, SHORT_CONTENT) + "…";
    }

    private static byte[] write(FrontSummary summary) throws IOException {
        var out = new ByteArrayOutputStream();
        FrontSummaryDocx.write(summary, out);
        return out.toByteArray();
    }

    private static Optional<String> param(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
