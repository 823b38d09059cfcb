package vn.doithoai.meeting;

import vn.doithoai.rules.Refusal;

import java.util.List;

/** The rules' answer to a command: the events it causes, or a refusal that changes nothing. */
public record Decision(List<Event> events, Refusal refusal) {

    public static Decision accept(Event... events) {
        return new Decision(List.of(events), null);
    }

    public static Decision accept(List<Event> events) {
        return new Decision(List.copyOf(events), null);
    }

    public static Decision refuse(String code, String vi, String en) {
        return new Decision(List.of(), new Refusal(code, vi, en));
    }

    public static Decision refuse(Refusal refusal) {
        return new Decision(List.of(), refusal);
    }

    public boolean accepted() {
        return refusal == null;
    }
}
