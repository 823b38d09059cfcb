package vn.doithoai.meeting;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The registrations of a meeting by id, immutable. Ids run 1, 2, 3… without gaps, so the table is
 * an array and a change copies references, not a hash map: a replay of thousands of registrations
 * stays linear in practice. Seen from outside it is an ordinary read-only map.
 */
final class RegistrationTable extends AbstractMap<Integer, Registration> {

    static final RegistrationTable EMPTY = new RegistrationTable(new Registration[0]);

    private final Registration[] byId; // index = id - 1

    private RegistrationTable(Registration[] byId) {
        this.byId = byId;
    }

    static RegistrationTable of(Map<Integer, Registration> registrations) {
        if (registrations instanceof RegistrationTable table) {
            return table;
        }
        var byId = new Registration[registrations.size()];
        for (Registration r : registrations.values()) {
            if (r.id() < 1 || r.id() > byId.length || byId[r.id() - 1] != null) {
                throw new IllegalArgumentException("registration ids must run 1.." + byId.length + " without gaps");
            }
            byId[r.id() - 1] = r;
        }
        return new RegistrationTable(byId);
    }

    /** The same table with this registration added (the next id) or replaced. */
    RegistrationTable with(Registration r) {
        int index = r.id() - 1;
        if (index < 0 || index > byId.length) {
            throw new IllegalArgumentException("registration " + r.id() + " does not follow " + byId.length);
        }
        Registration[] copy = Arrays.copyOf(byId, Math.max(byId.length, index + 1));
        copy[index] = r;
        return new RegistrationTable(copy);
    }

    @Override
    public Registration get(Object key) {
        if (key instanceof Integer id && id >= 1 && id <= byId.length) {
            return byId[id - 1];
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return byId.length;
    }

    /** In id order, without an entry object per registration. */
    @Override
    public Collection<Registration> values() {
        return Collections.unmodifiableList(Arrays.asList(byId));
    }

    @Override
    public void forEach(BiConsumer<? super Integer, ? super Registration> action) {
        for (Registration r : byId) {
            action.accept(r.id(), r);
        }
    }

    /**
     * How many registrations match: a plain loop over the array, because a phone registering
     * is checked against every registration of the meeting, two thousand times in a burst.
     */
    static int count(Map<Integer, Registration> registrations, java.util.function.Predicate<Registration> test) {
        int n = 0;
        for (Registration r : ((RegistrationTable) registrations).byId) {
            if (test.test(r)) {
                n++;
            }
        }
        return n;
    }

    /** The registrations that are new or changed since {@code before}, compared by identity. */
    List<Registration> changedSince(RegistrationTable before) {
        var changed = new ArrayList<Registration>();
        for (int i = 0; i < byId.length; i++) {
            if (i >= before.byId.length || before.byId[i] != byId[i]) {
                changed.add(byId[i]);
            }
        }
        return changed;
    }

    @Override
    public Set<Entry<Integer, Registration>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<Integer, Registration>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < byId.length;
                    }

                    @Override
                    public Entry<Integer, Registration> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Registration r = byId[next++];
                        return new SimpleImmutableEntry<>(r.id(), r);
                    }
                };
            }

            @Override
            public int size() {
                return byId.length;
            }
        };
    }
}
