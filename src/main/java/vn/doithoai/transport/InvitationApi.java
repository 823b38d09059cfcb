package vn.doithoai.transport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nayuki.qrcodegen.QrCode;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.doithoai.access.Action;
import vn.doithoai.access.Secrets;
import vn.doithoai.codec.Json;
import vn.doithoai.live.CommandResult;
import vn.doithoai.live.MeetingOwner;
import vn.doithoai.live.Meetings;
import vn.doithoai.meeting.Actor;
import vn.doithoai.meeting.Command;
import vn.doithoai.meeting.Invitation;
import vn.doithoai.meeting.MeetingState;
import vn.doithoai.rules.Refusal;
import vn.doithoai.store.Directory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A meeting's invitation list, kept by the organiser (docs/api.md, "Invitations and attendance"):
 * each invitation is a command to the meeting's own writer, so it is in the record like the rest.
 * The routes sit behind {@link RestApi}'s meeting check; every one of them needs MANAGE_MEETINGS,
 * the list too: its personal codes are what the door checks people in with.
 */
final class InvitationApi {

    /** What the organiser sends; the personal code is the server's to make. */
    record NewInvitation(Invitation.Kind kind, String name, String title, String office, String village) {
    }

    /** Draws of a new code when one is already given in the meeting (a few in a thousand meetings). */
    private static final int CODE_DRAWS = 5;

    private final Meetings meetings;

    InvitationApi(Meetings meetings) {
        this.meetings = meetings;
    }

    void mount(Router router) {
        router.post("/api/meetings/:meetingId/invitations").handler(this::add);
        router.delete("/api/meetings/:meetingId/invitations/:invitationId").handler(this::remove);
        router.get("/api/meetings/:meetingId/invitations").handler(this::list);
    }

    private void add(RoutingContext ctx) {
        Directory.MeetingRow row = RestApi.meeting(ctx);
        Rest.body(ctx, NewInvitation.class).ifPresent(wanted -> meetings.get(row.id())
                .compose(owner -> invite(owner, wanted, CODE_DRAWS).compose(added -> !added.result().accepted()
                        ? Future.succeededFuture(added)
                        : owner.read().map(read -> added.withId(idOf(read.snapshot(), added.code())))))
                .onComplete(done -> {
                    if (done.failed()) {
                        Rest.fail(ctx, done.cause());
                    } else if (!done.result().result().accepted()) {
                        Rest.refuse(ctx, done.result().result().refusal());
                    } else {
                        Added added = done.result();
                        ctx.response().setStatusCode(201);
                        ctx.json(Map.of("invitationId", added.invitationId(), "code", added.code(),
                                "seq", added.result().lastSeq()));
                    }
                }));
    }

    private record Added(CommandResult result, String code, int invitationId) {
        Added withId(int id) {
            return new Added(result, code, id);
        }
    }

    private static Future<Added> invite(MeetingOwner owner, NewInvitation wanted, int drawsLeft) {
        String code = Secrets.newPersonalCode();
        var command = new Command.AddInvitation(wanted.kind(), wanted.name(), wanted.title(), wanted.office(),
                wanted.village(), code);
        return owner.submit(command, Actor.ORGANISER, null).compose(result -> {
            boolean taken = !result.accepted() && Refusal.CODE_TAKEN.equals(result.refusal().code());
            return taken && drawsLeft > 1 ? invite(owner, wanted, drawsLeft - 1)
                    : Future.succeededFuture(new Added(result, code, 0));
        });
    }

    private static int idOf(MeetingState state, String code) {
        return state.invitations().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow().id();
    }

    private void remove(RoutingContext ctx) {
        Directory.MeetingRow row = RestApi.meeting(ctx);
        int invitationId;
        try {
            invitationId = Integer.parseInt(ctx.pathParam("invitationId"));
        } catch (NumberFormatException e) {
            Problem.notFound("giấy mời", "invitation").send(ctx, 404);
            return;
        }
        meetings.get(row.id()).compose(owner -> owner.submit(new Command.RemoveInvitation(invitationId), Actor.ORGANISER, null))
                .onComplete(done -> {
                    if (done.failed()) {
                        Rest.fail(ctx, done.cause());
                    } else if (done.result().accepted()) {
                        ctx.json(Map.of("seq", done.result().lastSeq()));
                    } else {
                        Rest.refuse(ctx, done.result().refusal());
                    }
                });
    }

    /** What the printed list needs: the meeting, and each invitation still standing with its QR code. */
    private void list(RoutingContext ctx) {
        Directory.MeetingRow row = RestApi.meeting(ctx);
        if (!StaffGate.allowed(ctx, Action.MANAGE_MEETINGS, row.communeId())) {
            return;
        }
        Rest.respond(ctx, 200, meetings.get(row.id()).compose(MeetingOwner::read).map(read -> {
            MeetingState s = read.snapshot();
            ObjectNode answer = Json.object();
            answer.set("meeting", Json.object().put("id", row.id().toString()).put("title", s.setup().title())
                    .put("scheduledAt", s.setup().scheduledAt() == null ? null : s.setup().scheduledAt().toString())
                    .put("venue", s.setup().venue()));
            answer.put("invitesPerVillage", s.setup().rules().invitesPerVillage());
            answer.set("headCount", Json.tree(s.headCount()));
            ArrayNode invitations = answer.putArray("invitations");
            s.invitations().stream().filter(i -> !i.removed()).forEach(i -> {
                ObjectNode item = (ObjectNode) Json.tree(i);
                item.remove("removed");
                invitations.add(item.put("qr", qrDataUri(i.code())));
            });
            return answer;
        }));
    }

    /** The code alone, as the door's scanner reads it; an image the page shows without another request. */
    static String qrDataUri(String code) {
        String svg = JoinQrCode.svg(QrCode.encodeText(code, QrCode.Ecc.MEDIUM));
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }
}
