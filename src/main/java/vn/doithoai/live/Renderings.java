package vn.doithoai.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Renderings of one event or round, each made once and shared by every screen that reads it the
 * same way. Screens on different event loops ask at once, hence the concurrent map; a rendering
 * must not ask for another one while it is being made (no nested computeIfAbsent).
 */
final class Renderings {

    private final Map<String, Object> made = new ConcurrentHashMap<>(4);

    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> render) {
        // Read first: all but the first of a thousand screens find it made, and a plain read takes
        // no lock, where computeIfAbsent may lock the key's bin even when the key is there.
        Object found = made.get(key);
        return (T) (found != null ? found : made.computeIfAbsent(key, k -> render.get()));
    }

    /** Whoever asks after this renders again: safe while screens still read, at the cost of the work. */
    void forget() {
        made.clear();
    }
}
