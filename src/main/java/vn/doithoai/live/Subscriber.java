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

    void caughtUp(CatchUp catchUp);

    /** The events of one commit, in order; never empty. */
    void deliver(Round round);
}
