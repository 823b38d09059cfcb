package vn.doithoai.offices;

import java.util.UUID;

/** What an administrator asks of the office directory. */
public sealed interface OfficeCommand {

    record Add(UUID communeId, String name, String headName, String headTitle, int position) implements OfficeCommand {
    }

    record Change(String name, String headName, String headTitle) implements OfficeCommand {
    }

    /** The office no longer exists (merged, renamed away): no longer offered, kept in the record. */
    record Retire() implements OfficeCommand {
    }
}
