package vn.doithoai.plan;

import java.util.Map;

/**
 * The number of direct dialogues the commune commits to for the year (plan 000, II.2.1: "dự kiến
 * 03 cuộc"), and optionally how many of each kind; the kinds need not add up to all of them.
 */
public record Target(int direct, Map<DialogueKind, Integer> byKind) {

    public Target {
        byKind = byKind == null ? Map.of() : Map.copyOf(byKind);
    }
}
