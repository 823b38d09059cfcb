package vn.doithoai.documents;

import java.util.Objects;

/** One line of a count: a label (a field, a village, a channel) and how many petitions it has. */
public record CountRow(String label, int count) {

    public CountRow {
        Objects.requireNonNull(label, "label");
    }
}
