package vn.doithoai.meeting;

import vn.doithoai.rules.Fields;

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

    static final RegistrationTable EMPTY = new RegistrationTable(new Registration[0], new int[0], new int[0]);

    private final Registration[] byId; // index = id - 1
    /*
     * Beside each registration, a hash of what a new one is checked against: the phone of a waiting
     * one, the village of one that holds a place (0: none). A registration is checked against every
     * other of its meeting; comparing ints in one array is far cheaper than visiting two thousand
     * registrations, and only a matching hash is looked at closely.
     */
    private final int[] waitingPhone;
    private final int[] placeVillage;

    private RegistrationTable(Registration[] byId, int[] waitingPhone, int[] placeVillage) {
        this.byId = byId;
        this.waitingPhone = waitingPhone;
        this.placeVillage = placeVillage;
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
        var phones = new int[byId.length];
        var villages = new int[byId.length];
        for (int i = 0; i < byId.length; i++) {
            phones[i] = waitingPhoneOf(byId[i]);
            villages[i] = placeVillageOf(byId[i]);
        }
        return new RegistrationTable(byId, phones, villages);
    }

    /** The same table with this registration added (the next id) or replaced. */
    RegistrationTable with(Registration r) {
        int index = r.id() - 1;
        if (index < 0 || index > byId.length) {
            throw new IllegalArgumentException("registration " + r.id() + " does not follow " + byId.length);
        }
        int size = Math.max(byId.length, index + 1);
        Registration[] copy = Arrays.copyOf(byId, size);
        int[] phones = Arrays.copyOf(waitingPhone, size);
        int[] villages = Arrays.copyOf(placeVillage, size);
        copy[index] = r;
        phones[index] = waitingPhoneOf(r);
        villages[index] = placeVillageOf(r);
        return new RegistrationTable(copy, phones, villages);
    }

    /** How many waiting registrations this phone holds. */
    int waitingFrom(String attendeeId) {
        int hash = nonZero(attendeeId.hashCode());
        int n = 0;
        for (int i = 0; i < waitingPhone.length; i++) {
            if (waitingPhone[i] == hash && attendeeId.equals(byId[i].attendeeId())) {
                n++;
            }
        }
        return n;
    }

    /** How many registrations of this village (compared without case) hold a place. */
    int placesTakenBy(String village) {
        String key = Fields.storedKey(village);
        int hash = nonZero(key.hashCode());
        int n = 0;
        for (int i = 0; i < placeVillage.length; i++) {
            if (placeVillage[i] == hash && Fields.storedKey(byId[i].village()).equals(key)) {
                n++;
            }
        }
        return n;
    }

    private static int waitingPhoneOf(Registration r) {
        return r.status() == Registration.Status.WAITING && r.attendeeId() != null ? nonZero(r.attendeeId().hashCode()) : 0;
    }

    private static int placeVillageOf(Registration r) {
        return r.status().holdsAPlace() ? nonZero(Fields.storedKey(r.village()).hashCode()) : 0;
    }

    private static int nonZero(int hash) {
        return hash == 0 ? 1 : hash;
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
