package vn.doithoai.codec;

import vn.doithoai.meeting.Command;
import vn.doithoai.meeting.Event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Names the records of a sealed interface by their simple names: {@code SpeakerCalled},
 * {@code CallNext}. These names are stored in the log and spoken by the protocol, so renaming a
 * record is a change of both.
 */
public final class TypeNames<T> {

    public static final TypeNames<Event> EVENTS = new TypeNames<>(Event.class);
    public static final TypeNames<Command> COMMANDS = new TypeNames<>(Command.class);

    private final Map<String, Class<? extends T>> byName = new LinkedHashMap<>();

    /** For the sealed events or commands of any set of rules. */
    public static <T> TypeNames<T> of(Class<T> sealed) {
        return new TypeNames<>(sealed);
    }

    @SuppressWarnings("unchecked")
    private TypeNames(Class<T> sealed) {
        for (Class<?> type : sealed.getPermittedSubclasses()) {
            byName.put(type.getSimpleName(), (Class<? extends T>) type);
        }
    }

    public Optional<Class<? extends T>> byName(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    public String nameOf(T value) {
        return value.getClass().getSimpleName();
    }
}
