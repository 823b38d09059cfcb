package vn.doithoai.live;

import vn.doithoai.meeting.Visibility;

/**
 * A screen following a meeting. Its methods are called on the meeting's context, in order: first
 * {@link #caughtUp}, then every event after it; they must not block.
 */
public interface Subscriber {

    Visibility.Viewer viewer();

    void caughtUp(CatchUp catchUp);

    void deliver(Published event);
}
