package vn.doithoai.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;

import java.nio.charset.StandardCharsets;

/**
 * A text message encoded to UTF-8 once and written to many sockets. {@code writeTextMessage}
 * would encode the same event again for each of a meeting's hundreds of screens; the profile of
 * the fan-out benchmark showed that encoding on top. Vert.x 5.0 has no public way to make a text
 * frame from bytes, hence its frame implementation here, in this one place.
 */
final class SharedText {

    /** An unpooled heap buffer: our reference is never released, each write takes its own. */
    private final ByteBuf utf8;

    SharedText(String text) {
        this(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)));
    }

    private SharedText(ByteBuf utf8) {
        this.utf8 = utf8;
    }

    /** A message whose middle is already UTF-8 text, joined without a copy. */
    static SharedText of(String head, byte[] utf8Middle, String tail) {
        return new SharedText(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.UTF_8), utf8Middle,
                tail.getBytes(StandardCharsets.UTF_8)));
    }

    int size() {
        return utf8.readableBytes();
    }

    @Override
    public String toString() {
        return utf8.toString(StandardCharsets.UTF_8);
    }

    /** Completes when the bytes have been handed to the socket. */
    Future<Void> writeTo(ServerWebSocket ws) {
        return ws.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8.retainedDuplicate(), true));
    }

    /**
     * The same in frames of at most {@link WebServer#MAX_WEBSOCKET_FRAME}, as {@code writeTextMessage}
     * does: for a message of megabytes (a long meeting's welcome), which a client may refuse as one frame.
     */
    Future<Void> writeInFramesTo(ServerWebSocket ws) {
        int size = utf8.readableBytes();
        if (size <= WebServer.MAX_WEBSOCKET_FRAME) {
            return writeTo(ws);
        }
        Future<Void> written = null;
        for (int at = 0; at < size; at += WebServer.MAX_WEBSOCKET_FRAME) {
            int length = Math.min(WebServer.MAX_WEBSOCKET_FRAME, size - at);
            written = ws.writeFrame(new WebSocketFrameImpl(at == 0 ? WebSocketFrameType.TEXT : WebSocketFrameType.CONTINUATION,
                    utf8.retainedSlice(utf8.readerIndex() + at, length), at + length == size));
        }
        return written;
    }
}
