package vn.doithoai.petition;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer as given to the citizen, and public: in writing, or at a named meeting. The meeting's
 * id is null for a meeting not held in this system; its title is always there.
 */
public record PublicAnswer(String text, How how, UUID meetingId, String meetingTitle, Instant at) {

    public enum How {
        IN_WRITING("Trả lời bằng văn bản", "Answered in writing"),
        AT_MEETING("Trả lời tại hội nghị", "Answered at a meeting");

        public final String vi;
        public final String en;

        How(String vi, String en) {
            this.vi = vi;
            this.en = en;
        }
    }
}
