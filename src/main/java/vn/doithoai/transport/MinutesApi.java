package vn.doithoai.transport;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.doithoai.documents.Minutes;
import vn.doithoai.documents.MinutesDocx;
import vn.doithoai.documents.MinutesOfMeeting;
import vn.doithoai.live.CatchUp;
import vn.doithoai.live.MeetingOwner;
import vn.doithoai.live.Meetings;
import vn.doithoai.store.Directory;
import vn.doithoai.store.RecordChain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * A meeting's minutes (docs/api.md, "The minutes"): built from the meeting's state as the rules
 * rebuilt it, the commune's name and the head of the record's chain at the close, as JSON for the
 * print page and as the .docx offices sign. The routes sit behind {@link RestApi}'s meeting check,
 * which lets a GET through with READ in the meeting's commune.
 */
public final class MinutesApi implements Routes {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final Meetings meetings;
    private final Directory directory;
    private final RecordChain chain;

    public MinutesApi(Meetings meetings, Directory directory, RecordChain chain) {
        this.meetings = meetings;
        this.directory = directory;
        this.chain = chain;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/meetings/:meetingId/minutes").handler(ctx -> Rest.respond(ctx, 200, minutes(ctx)));
        router.get("/api/meetings/:meetingId/minutes.docx").handler(this::docx);
    }

    private Future<Minutes> minutes(RoutingContext ctx) {
        Directory.MeetingRow row = RestApi.meeting(ctx);
        return Future.all(meetings.get(row.id()).compose(MeetingOwner::read), directory.commune(row.communeId()),
                        chain.check(row.id()))
                .map(all -> MinutesOfMeeting.from(all.<CatchUp>resultAt(0).snapshot(),
                        all.<Optional<Directory.Commune>>resultAt(1).map(Directory.Commune::name).orElse(""),
                        all.<RecordChain.Result>resultAt(2).headAtClose()));
    }

    /** Written off the event loop: a long meeting's document takes tens of milliseconds. */
    private void docx(RoutingContext ctx) {
        minutes(ctx).compose(m -> ctx.vertx().executeBlocking(() -> write(m), false)).onComplete(done -> {
            if (done.failed()) {
                Rest.fail(ctx, done.cause());
            } else {
                ctx.response().putHeader("Content-Type", DOCX)
                        .putHeader("Content-Disposition", "attachment; filename=\"bien-ban-" + RestApi.meeting(ctx).id() + ".docx\"")
                        .end(Buffer.buffer(done.result()));
            }
        });
    }

    private static byte[] write(Minutes minutes) throws IOException {
        var out = new ByteArrayOutputStream();
        MinutesDocx.write(minutes, out);
        return out.toByteArray();
    }
}
