package vn.doithoai.meeting;

import java.time.Instant;
import java.util.List;

/**
 * A line of the minutes: the secretary's text, or an automatic line for what the record already
 * knows (who spoke when, for how long). A correction keeps the earlier texts.
 */
public record MinuteEntry(int id, Instant at, String text, String textEn, Integer turnId,
                          int stepIndex, boolean automatic, List<String> earlierTexts) {

    public MinuteEntry {
        earlierTexts = List.copyOf(earlierTexts);
    }

    MinuteEntry corrected(String newText) {
        var earlier = new java.util.ArrayList<>(earlierTexts);
        earlier.add(text);
        return new MinuteEntry(id, at, newText, textEn, turnId, stepIndex, automatic, earlier);
    }
}
