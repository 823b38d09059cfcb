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
        this.utf8 = Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
    }

    int size() {
        return utf8.readableBytes();
    }

    /** Completes when the bytes have been handed to the socket. */
    Future<Void> writeTo(ServerWebSocket ws) {
        return ws.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8.retainedDuplicate(), true));
    }
}
