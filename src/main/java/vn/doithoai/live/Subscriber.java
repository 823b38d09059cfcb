package vn.doithoai.live;

import io.vertx.core.Context;
import vn.doithoai.meeting.Visibility;

/**
 * A screen following a meeting. Its methods are called on the screen's own context, in order:
 * first {@link #caughtUp}, then every event after it; they must not block.
 */
public interface Subscriber {

    Visibility.Viewer viewer();

    /** The context the screen's connection lives on: what it receives is handed over there. */
    Context context();

    /**
     * The event loop the screen's connection runs on. Vert.x gives every connection a context of
     * its own, so screens are grouped by loop: a round then costs one hand-over per loop, not one
     * per screen. (Vert.x has no public accessor for a context's loop; this is the one place.)
     */
    default io.netty.channel.EventLoop loop() {
        return ((io.vertx.core.internal.ContextInternal) context()).nettyEventLoop();
    }

    void caughtUp(CatchUp catchUp);

    /** The events of one commit, in order; never empty. */
    void deliver(Round round);

    /**
     * The meeting's record could not be read back after the screen was welcomed (with the state
     * as saved): nothing more will come, and its commands would fail. The screen is let go.
     */
    void meetingUnavailable();
}
