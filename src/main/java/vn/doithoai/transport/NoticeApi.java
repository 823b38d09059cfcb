package vn.doithoai.transport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.doithoai.access.Secrets;
import vn.doithoai.codec.Json;
import vn.doithoai.documents.NoticeOfConclusions;
import vn.doithoai.documents.NoticeOfConclusionsDocx;
import vn.doithoai.live.MeetingOwner;
import vn.doithoai.live.Meetings;
import vn.doithoai.meeting.Actor;
import vn.doithoai.meeting.Command;
import vn.doithoai.meeting.MeetingState;
import vn.doithoai.meeting.MeetingStatus;
import vn.doithoai.rules.Refusal;
import vn.doithoai.store.Directory;
import vn.doithoai.store.FollowUpStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * The notice of conclusions of a closed meeting (docs/api.md, "The notice of conclusions"): the
 * organiser publishes it (a command to the meeting's own writer, so it is in the record), staff
 * download it as .docx, and anyone reads it by the meeting's join code, the code already printed on
 * the hall's QR, once it is published. What the public gets is {@link NoticeOfConclusions}: no
 * one's name, phone or tracking code. The staff routes sit behind {@link RestApi}'s meeting check:
 * publishing needs MANAGE_MEETINGS in the meeting's commune, the .docx READ.
 */
public final class NoticeApi implements Routes {

    /** The public page, at a short path people can type: {@code /thong-bao/<joinCode>}. */
    static final String PAGE_PREFIX = "/thong-bao/";
    static final String NOT_PUBLISHED = "NOT_PUBLISHED";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final Meetings meetings;
    private final Directory directory;
    private final RateLimits limits;
    private final String publicUrl;
    private final Clock clock;
    private final FollowUpStore followUps;

    public NoticeApi(Meetings meetings, Directory directory, FollowUpStore followUps, RateLimits limits, String publicUrl,
                     Clock clock) {
        this.followUps = followUps;
        this.meetings = meetings;
        this.directory = directory;
        this.limits = limits;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        router.post("/api/meetings/:meetingId/notice").handler(this::publish);
        router.get("/api/meetings/:meetingId/notice.docx").handler(this::docx);
        router.get("/api/public/notices/:joinCode").handler(this::show);
    }

    /** The address of a meeting's public notice. */
    static String pageUrl(String publicUrl, String joinCode) {
        return publicUrl + PAGE_PREFIX + joinCode;
    }

    private void publish(RoutingContext ctx) {
        Directory.MeetingRow row = RestApi.meeting(ctx);
        meetings.get(row.id()).compose(owner -> owner.submit(new Command.PublishNotice(), Actor.ORGANISER, null)
                        .compose(result -> !result.accepted() ? Future.failedFuture(Rest.Answered.of(result.refusal()))
                                : owner.read().map(read -> Map.of("seq", result.lastSeq(),
                                        "publishedAt", read.snapshot().noticePublishedAt().toString(),
                                        "url", pageUrl(publicUrl, row.joinCode())))))
                .onComplete(done -> {
                    if (done.failed()) {
                        Rest.fail(ctx, done.cause());
                    } else {
                        ctx.json(done.result());
                    }
                });
    }

    /** The .docx of a closed meeting, published or not (a draft is read before it is published): dated the day it was published, else today. */
    private void docx(RoutingContext ctx) {
        Directory.MeetingRow row = RestApi.meeting(ctx);
        meetings.get(row.id()).compose(MeetingOwner::read).compose(read -> {
                    MeetingState s = read.snapshot();
                    if (s.status() != MeetingStatus.CLOSED) {
                        return Future.failedFuture(new Rest.Answered(Problem.of(Refusal.WRONG_STATE,
                                "Hội nghị chưa kết thúc: chưa có thông báo kết luận",
                                "The meeting has not closed: there is no notice of conclusions yet"), 409));
                    }
                    LocalDate date = (s.noticePublishedAt() != null ? s.noticePublishedAt() : clock.instant())
                            .atZone(NoticeOfConclusions.VIETNAM).toLocalDate();
                    return Future.all(communeName(row), liveStatuses(row)).map(both ->
                            NoticeOfConclusions.of(s, both.resultAt(0), date, both.resultAt(1)));
                })
                .compose(notice -> ctx.vertx().executeBlocking(() -> write(notice), false))
                .onComplete(done -> {
                    if (done.failed()) {
                        Rest.fail(ctx, done.cause());
                    } else {
                        ctx.response().putHeader("Content-Type", DOCX)
                                .putHeader("Content-Disposition", "attachment; filename=\"thong-bao-ket-luan-" + row.joinCode() + ".docx\"")
                                .end(Buffer.buffer(done.result()));
                    }
                });
    }

    /**
     * Where each conclusion stands now, from its follow-up (so that people can supervise it, plan 000
     * V.3): assigned, in progress, done, transferred, and "quá hạn" past its deadline while open.
     */
    private Future<java.util.Map<Integer, NoticeOfConclusions.Label>> liveStatuses(Directory.MeetingRow row) {
        LocalDate today = clock.instant().atZone(NoticeOfConclusions.VIETNAM).toLocalDate();
        return followUps.ofMeeting(row.id()).map(list -> {
            var statuses = new java.util.HashMap<Integer, NoticeOfConclusions.Label>();
            for (FollowUpStore.Stored stored : list) {
                var f = stored.followUp();
                boolean late = f.overdueOn(today);
                statuses.put(f.conclusionId(), new NoticeOfConclusions.Label(late ? "OVERDUE" : f.status().name(),
                        late ? f.status().vi + " — quá hạn" : f.status().vi, late ? f.status().en + " — overdue" : f.status().en));
            }
            return statuses;
        });
    }

    /** Public: the published notice of the meeting with this join code; a code that opens nothing counts as a guess. */
    private void show(RoutingContext ctx) {
        String address = ClientAddress.of(ctx.request().remoteAddress(), ctx.request().headers());
        long wait = limits.waitSeconds(RateLimits.Kind.JOIN_GUESS, address);
        if (wait > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(wait));
            ProtocolProblems.rateLimited(wait).send(ctx, 429);
            return;
        }
        String code = Secrets.normalizeJoinCode(ctx.pathParam("joinCode"));
        Future<Directory.MeetingRow> found = !Secrets.isJoinCode(code) ? Future.succeededFuture(null)
                : directory.meetingByJoinCode(code).map(row -> row.orElse(null));
        found.compose(row -> {
            if (row == null) {
                limits.take(RateLimits.Kind.JOIN_GUESS, address);
                return Future.failedFuture(new Rest.Answered(Problem.of(Problem.NOT_FOUND,
                        "Không có hội nghị mang mã " + code, "No meeting has the code " + code), 404));
            }
            return meetings.get(row.id()).compose(MeetingOwner::read).compose(read -> {
                MeetingState s = read.snapshot();
                if (s.noticePublishedAt() == null) {
                    return Future.failedFuture(new Rest.Answered(Problem.of(NOT_PUBLISHED, "Chưa có thông báo kết luận",
                            "The notice of conclusions is not published yet"), 404));
                }
                LocalDate date = s.noticePublishedAt().atZone(NoticeOfConclusions.VIETNAM).toLocalDate();
                return Future.all(communeName(row), liveStatuses(row)).map(both ->
                        publicJson(row, s, NoticeOfConclusions.of(s, both.resultAt(0), date, both.resultAt(1))));
            });
        }).onComplete(done -> {
            if (done.failed()) {
                Rest.fail(ctx, done.cause());
            } else {
                ctx.response().putHeader("content-type", "application/json; charset=utf-8")
                        .putHeader("cache-control", "no-cache").end(Json.write(done.result()));
            }
        });
    }

    /** What the public page shows, field by field: nothing from the record that is not in the notice. */
    private static ObjectNode publicJson(Directory.MeetingRow row, MeetingState s, NoticeOfConclusions n) {
        ObjectNode answer = Json.object()
                .put("joinCode", row.joinCode())
                .put("commune", n.communeName())
                .put("place", n.place())
                .put("meetingTitle", n.meetingTitle())
                .put("heldOn", n.heldOn().toString())
                .put("venue", n.venue())
                .put("hostOffice", n.hostOffice())
                .put("publishedAt", s.noticePublishedAt().toString())
                .put("publishedOn", n.date().toString());
        ArrayNode chairs = answer.putArray("chairs");
        n.chairs().forEach(chairs::add);
        ArrayNode conclusions = answer.putArray("conclusions");
        for (NoticeOfConclusions.Item item : n.conclusions()) {
            ObjectNode c = conclusions.addObject()
                    .put("number", item.number())
                    .put("text", item.text())
                    .put("office", item.office())
                    .put("deadline", item.deadline() == null ? null : item.deadline().toString());
            c.set("outcome", Json.tree(item.outcome()));
            c.set("status", Json.tree(item.status()));
            ArrayNode villages = c.putArray("villages");
            item.villages().forEach(villages::add);
        }
        return answer;
    }

    private Future<String> communeName(Directory.MeetingRow row) {
        return directory.commune(row.communeId()).map(c -> c.map(Directory.Commune::name).orElse(""));
    }

    private static byte[] write(NoticeOfConclusions notice) throws IOException {
        var out = new ByteArrayOutputStream();
        NoticeOfConclusionsDocx.write(notice, out);
        return out.toByteArray();
    }
}
