package vn.doithoai.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.access.Secrets;
import vn.doithoai.codec.Json;
import vn.doithoai.codec.TypeNames;
import vn.doithoai.live.CatchUp;
import vn.doithoai.live.MeetingOwner;
import vn.doithoai.live.Meetings;
import vn.doithoai.live.Published;
import vn.doithoai.live.Round;
import vn.doithoai.live.Subscriber;
import vn.doithoai.meeting.Actor;
import vn.doithoai.meeting.Role;
import vn.doithoai.meeting.Command;
import vn.doithoai.meeting.Visibility;

import java.time.Clock;

/**
 * One screen's WebSocket: the hello that admits it to a meeting, its commands, and the events
 * sent to it, filtered for its role. Any bad frame gets an error frame; nothing else happens.
 * Events arrive on the socket's own context (see {@link #context}).
 */
final class WsSession implements Subscriber {

    private static final Logger LOG = LoggerFactory.getLogger(WsSession.class);
    /** The largest message the protocol reads; anything larger is answered with an error. */
    static final int MAX_MESSAGE_CHARS = 16 * 1024;
    static final int MAX_COMMAND_ID = 100;
    /**
     * What may wait unsent for one screen before it is closed as too slow. Events are shared
     * buffers (one copy for every screen), so this bounds a screen's lag more than memory.
     */
    static final int MAX_PENDING_BYTES = 8 * 1024 * 1024;
    private static final int HELLO_TRIES = 5;
    /** A socket that has not said hello by then is closed: it would hold a connection and get the clock for nothing. */
    static final int HELLO_WITHIN_SECONDS = 10;

    record Hello(String type, Integer v, String token, String join, String attendeeKey, Long lastSeq) {
    }

    record CommandMessage(String type, String id, String name, JsonNode args) {
    }

    private final ServerWebSocket ws;
    private final Context context;
    private final Admission admission;
    private final Meetings meetings;
    private final Clock clock;
    private final RateLimits limits;
    /** Where the screen connects from, for the rate limits. */
    private final String address;
    private long helloTimer = -1;
    private final InboundFrameCheck frameCheck = new InboundFrameCheck(WebServer.MAX_WEBSOCKET_FRAME);
    private Frames.MeetingRef meeting;
    private Actor actor;
    private String attendeeKey;
    private Visibility.Viewer viewer;
    private volatile MeetingOwner owner;
    private boolean admitting;
    /** Event bytes handed to the socket and not yet written out; only on the socket's context. */
    private long pendingBytes;
    private boolean closing;
    private int failedHellos;

    WsSession(ServerWebSocket ws, Context context, Admission admission, Meetings meetings, Clock clock, RateLimits limits) {
        this.ws = ws;
        this.context = context;
        this.admission = admission;
        this.meetings = meetings;
        this.clock = clock;
        this.limits = limits;
        this.address = ClientAddress.of(ws.remoteAddress(), ws.headers());
    }

    void start(Runnable onClose) {
        // Called for each frame before the message it belongs to is handed to onText.
        ws.frameHandler(frame -> {
            short closeCode = frameCheck.check(frame);
            if (closeCode != 0 && !closing) {
                closing = true;
                ws.close(closeCode, closeCode == InboundFrameCheck.TOO_BIG ? "frame too large" : "text is not UTF-8");
            }
        });
        ws.textMessageHandler(this::onText);
        ws.binaryMessageHandler(b -> send(Frames.error(null, ProtocolProblems.textOnly())));
        ws.exceptionHandler(this::onTransportError);
        helloTimer = context.owner().setTimer(HELLO_WITHIN_SECONDS * 1000L, id -> {
            helloTimer = -1;
            if (owner == null && !admitting && !ws.isClosed()) {
                send(Frames.error(null, ProtocolProblems.noHello(HELLO_WITHIN_SECONDS)));
                closing = true;
                ws.close((short) 1008, "no hello");
            }
        });
        ws.closeHandler(v -> {
            if (helloTimer >= 0) {
                context.owner().cancelTimer(helloTimer);
            }
            if (owner != null) {
                owner.leave(this);
            }
            onClose.run();
        });
    }

    /** Vert.x reports a message over the transport limit here; the rest of it is then dropped. */
    private void onTransportError(Throwable e) {
        if (e instanceof IllegalStateException && e.getMessage() != null && e.getMessage().contains("max message size")) {
            send(Frames.error(null, ProtocolProblems.tooLarge(MAX_MESSAGE_CHARS)));
        } else {
            LOG.debug("WebSocket error: {}", e.getMessage());
        }
    }

    void sendTime(SharedText timeFrame) {
        if (!closing && !ws.isClosed()) {
            timeFrame.writeTo(ws);
        }
    }

    // ---- Subscriber: called on the meeting's context ---------------------------------------

    @Override
    public Visibility.Viewer viewer() {
        return viewer;
    }

    @Override
    public Context context() {
        return context;
    }

    @Override
    public void caughtUp(CatchUp catchUp) {
        if (catchUp.storedState() == null) {
            send(Frames.welcome(meeting, viewer, attendeeKey, catchUp, clock.millis()));
        } else if (!ws.isClosed()) {
            Frames.welcomeWithStoredState(meeting, viewer, attendeeKey, catchUp, clock.millis()).writeInFramesTo(ws);
        }
        attendeeKey = null; // sent once; the phone keeps it, the server needs only the id
        if (viewer.role() == Role.CHAIR || viewer.role() == Role.SECRETARY) {
            admission.officesOf(meeting).onSuccess(offices -> context.runOnContext(v -> send(Frames.offices(offices))))
                    .onFailure(e -> LOG.warn("The offices of meeting {} could not be read for its console: {}", meeting.meetingId(), e.getMessage()));
        }
    }

    @Override
    public void meetingUnavailable() {
        owner = null; // it has let this screen go
        if (!ws.isClosed()) {
            ws.close((short) 1011, "meeting unavailable, reconnect");
        }
    }

    /**
     * Counts the bytes not yet taken by the socket: a screen that cannot keep up is closed and
     * catches up when it reconnects, rather than hold the server's memory. (Vert.x's own
     * writeQueueFull counts messages, and a burst of small events trips it at sixteen.)
     */
    @Override
    public void deliver(Round round) {
        // The merged frame is the hall's: staff and the door, who see more, get each event.
        if (viewer.role().seesInvitations() || round.events().size() <= Frames.BATCH_OVER) {
            for (Published event : round.events()) {
                write(Frames.eventFrame(event, viewer));
            }
            return;
        }
        write(Frames.batchFrame(round));
        String own = Frames.own(round, viewer);
        if (own != null) {
            write(new SharedText(own));
        }
    }

    private void write(SharedText frame) {
        if (closing || ws.isClosed()) {
            return;
        }
        int size = frame.size();
        // Only a backlog counts: a screen that has taken everything so far gets the next frame
        // however large (a merged round of long minutes can be megabytes).
        if (pendingBytes > 0 && pendingBytes + size > MAX_PENDING_BYTES) {
            closing = true;
            LOG.info("Closing a slow {} screen of meeting {} ({} KiB unsent); it will catch up when it reconnects",
                    viewer.role().name().toLowerCase(), meeting.meetingId(), pendingBytes / 1024);
            ws.close((short) 1013, "too slow, reconnect");
            return;
        }
        pendingBytes += size;
        frame.writeTo(ws).onComplete(written -> pendingBytes -= size);
    }

    // ---- what the client sends -------------------------------------------------------------

    private void onText(String text) {
        if (closing) {
            return;
        }
        if (text.length() > MAX_MESSAGE_CHARS) {
            send(Frames.error(null, ProtocolProblems.tooLarge(MAX_MESSAGE_CHARS)));
            return;
        }
        JsonNode message;
        try {
            message = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            send(Frames.error(null, Problem.badJson("JSON sai cú pháp", "malformed JSON")));
            return;
        }
        String type = message != null && message.isObject() ? message.path("type").asText("") : "";
        switch (type) {
            case "hello" -> onHello(message);
            case "command" -> onCommand(message);
            case "ping" -> send(Frames.pong(message.path("t").asLong(0), clock.millis()));
            default -> send(Frames.error(null, ProtocolProblems.unknownType(type)));
        }
    }

    private void onHello(JsonNode message) {
        Hello hello;
        try {
            hello = Json.read(message, Hello.class);
        } catch (JsonProcessingException e) {
            send(Frames.error(null, JsonErrors.describe(e)));
            return;
        }
        if (owner != null || admitting) {
            send(Frames.error(null, ProtocolProblems.alreadyJoined()));
            return;
        }
        if (hello.v() == null || hello.v() != Frames.VERSION) {
            send(Frames.error(null, ProtocolProblems.unsupportedVersion(Frames.VERSION)));
            return;
        }
        if ((hello.token() == null) == (hello.join() == null)) {
            send(Frames.error(null, ProtocolProblems.needsOneCredential()));
            return;
        }
        if (hello.join() != null) {
            long wait = limits.waitSeconds(RateLimits.Kind.JOIN_GUESS, address);
            if (wait == 0 && !Secrets.isAttendeeKey(hello.attendeeKey())) {
                wait = limits.take(RateLimits.Kind.NEW_ATTENDEE, address);
            }
            if (wait > 0) {
                send(Frames.error(null, ProtocolProblems.rateLimited(wait)));
                return;
            }
        }
        admitting = true;
        admission.admit(hello.token(), hello.join(), hello.attendeeKey())
                .compose(admitted -> {
                    if (admitted.isEmpty()) {
                        return io.vertx.core.Future.succeededFuture(false);
                    }
                    meeting = admitted.get().meeting();
                    actor = admitted.get().actor();
                    attendeeKey = admitted.get().attendeeKey();
                    viewer = Visibility.Viewer.of(actor);
                    return meetings.get(meeting.meetingId())
                            .compose(o -> {
                                owner = o;
                                return o.join(this, hello.lastSeq());
                            })
                            .map(true);
                })
                .onComplete(done -> {
                    admitting = false;
                    if (owner != null && helloTimer >= 0) {
                        // Joined: the ten seconds to say hello no longer run (a timer less per screen).
                        context.owner().cancelTimer(helloTimer);
                        helloTimer = -1;
                    }
                    if (owner != null && ws.isClosed()) {
                        // The screen left while it was being admitted: don't keep it subscribed.
                        owner.leave(this);
                    }
                    if (done.failed()) {
                        LOG.warn("A screen could not join meeting {}: {}", meeting == null ? "?" : meeting.meetingId(),
                                done.cause().getMessage());
                        send(Frames.error(null, ProtocolProblems.unavailable()));
                    } else if (!done.result()) {
                        if (hello.join() != null) {
                            limits.take(RateLimits.Kind.JOIN_GUESS, address);
                        }
                        refuseCredentials();
                    }
                });
    }

    private void refuseCredentials() {
        send(Frames.error(null, ProtocolProblems.badCredentials()));
        if (++failedHellos >= HELLO_TRIES) {
            ws.close((short) 1008, "too many failed hellos");
        }
    }

    private void onCommand(JsonNode message) {
        CommandMessage frame;
        try {
            frame = Json.read(message, CommandMessage.class);
        } catch (JsonProcessingException e) {
            send(Frames.error(null, JsonErrors.describe(e)));
            return;
        }
        String id = frame.id();
        // A number is not taken as its text: ids are strings (docs/protocol.md).
        if (!message.path("id").isTextual() || id.isBlank() || id.length() > MAX_COMMAND_ID) {
            send(Frames.error(null, ProtocolProblems.badCommandId(MAX_COMMAND_ID)));
            return;
        }
        if (owner == null) {
            send(Frames.error(id, ProtocolProblems.notJoined()));
            return;
        }
        var type = TypeNames.COMMANDS.byName(frame.name());
        if (type.isEmpty()) {
            send(Frames.error(id, ProtocolProblems.unknownCommand(frame.name())));
            return;
        }
        if (type.get() == Command.Register.class) {
            long wait = limits.take(RateLimits.Kind.REGISTRATION, address);
            if (wait > 0) {
                send(Frames.error(id, ProtocolProblems.rateLimited(wait)));
                return;
            }
        }
        Command command;
        try {
            JsonNode args = frame.args() == null || frame.args().isNull() ? Json.object() : frame.args();
            command = Json.read(args, type.get());
        } catch (JsonProcessingException e) {
            send(Frames.error(id, JsonErrors.describe(e)));
            return;
        }
        owner.submit(command, actor, id).onComplete(result -> {
            if (result.failed()) {
                LOG.warn("Command {} on meeting {} failed: {}", frame.name(), meeting.meetingId(), result.cause().getMessage());
                send(Frames.error(id, ProtocolProblems.unavailable()));
            } else if (result.result().accepted()) {
                send(Frames.ack(id, result.result()));
            } else {
                send(Frames.error(id, Problem.of(result.result().refusal())));
            }
        });
    }

    private void send(String frame) {
        if (!ws.isClosed()) {
            ws.writeTextMessage(frame);
        }
    }
}
