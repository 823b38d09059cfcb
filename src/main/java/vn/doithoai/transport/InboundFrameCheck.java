package vn.doithoai.transport;

import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Each frame a screen sends, checked before its message is read: no single frame over the
 * protocol's limit (the socket is then closed with 1009, "message too big"), and a text message
 * that is UTF-8 (else closed with 1007, RFC 6455 §8.1: it must not be read with replacement
 * characters). A text message may come in several frames, and a letter may be split between them.
 */
final class InboundFrameCheck {

    static final short TOO_BIG = 1009;
    static final short NOT_UTF8 = 1007;

    private static final byte[] NOTHING = new byte[0];
    /**
     * One decoder per event loop, not per socket: a screen that sits idle holds only the two fields
     * below. The UTF-8 decoder keeps nothing between calls but what it leaves unread, which is kept
     * here as {@link #carry}.
     */
    private static final ThreadLocal<CharsetDecoder> UTF8 = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8
            .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));

    private final int maxFrameBytes;
    private boolean inText;
    private byte[] carry = NOTHING;

    InboundFrameCheck(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /** 0 when the frame is fine; else the close code. */
    short check(WebSocketFrame frame) {
        if (frame.isClose() || frame.isPing() || frame.type() == WebSocketFrameType.PONG) {
            return 0;
        }
        byte[] bytes = frame.binaryData().getBytes();
        if (bytes.length > maxFrameBytes) {
            return TOO_BIG;
        }
        if (frame.isText()) {
            inText = true;
            carry = NOTHING;
        } else if (!frame.isContinuation() || !inText) {
            return 0; // binary: answered as such by the session
        }
        boolean valid = isUtf8Part(bytes, frame.isFinal());
        if (frame.isFinal()) {
            inText = false;
        }
        return valid ? 0 : NOT_UTF8;
    }

    /** Decodes this part after what the last part left unfinished (at most three bytes of a letter). */
    private boolean isUtf8Part(byte[] bytes, boolean last) {
        ByteBuffer in = carry.length == 0 ? ByteBuffer.wrap(bytes)
                : ByteBuffer.allocate(carry.length + bytes.length).put(carry).put(bytes).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        CharsetDecoder utf8 = UTF8.get().reset();
        CoderResult result = utf8.decode(in, out, last);
        if (result.isError() || (last && (utf8.flush(out).isError() || in.hasRemaining()))) {
            return false;
        }
        carry = in.hasRemaining() ? new byte[in.remaining()] : NOTHING;
        in.get(carry);
        return true;
    }
}
