package vn.doithoai.offices;

import java.util.UUID;

/** What happened to an office, appended to its stream in the ledger. */
public sealed interface OfficeEvent {

    record OfficeAdded(UUID communeId, String name, String headName, String headTitle, int position) implements OfficeEvent {
    }

    record OfficeChanged(String name, String headName, String headTitle) implements OfficeEvent {
    }

    record OfficeRetired() implements OfficeEvent {
    }
}
