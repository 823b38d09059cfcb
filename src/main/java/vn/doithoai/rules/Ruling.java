package vn.doithoai.rules;

import java.util.List;

/**
 * The answer of a set of rules outside the meeting (accounts, offices, plans, petitions) to a
 * command: the events it causes, or a refusal that changes nothing.
 */
public record Ruling<E>(List<E> events, Refusal refusal) {

    @SafeVarargs
    public static <E> Ruling<E> accept(E... events) {
        return new Ruling<>(List.of(events), null);
    }

    public static <E> Ruling<E> accept(List<E> events) {
        return new Ruling<>(List.copyOf(events), null);
    }

    public static <E> Ruling<E> refuse(String code, String vi, String en) {
        return new Ruling<>(List.of(), new Refusal(code, vi, en));
    }

    public static <E> Ruling<E> refuse(Refusal refusal) {
        return new Ruling<>(List.of(), refusal);
    }

    public boolean accepted() {
        return refusal == null;
    }
}
