package vn.doithoai.offices;

import java.util.UUID;

/** An office of a commune with its head, as it stands. A retired office stays in the record. */
public record Office(UUID id, UUID communeId, long seq, String name, String headName, String headTitle, int position,
                     boolean retired) {
}
