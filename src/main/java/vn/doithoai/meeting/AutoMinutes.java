package vn.doithoai.meeting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The lines of the minutes that the record already knows, written in Vietnamese and English:
 * the secretary need not type who spoke when and for how long.
 */
final class AutoMinutes {

    /** Commune meetings are held in Vietnam; the minutes give local hall time. */
    static final ZoneId HALL_TIME = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(HALL_TIME);

    private AutoMinutes() {
    }

    static MeetingState meetingStarted(MeetingState s, Instant at) {
        return s.withAutomaticMinute(at, null,
                "Khai mạc hội nghị lúc " + CLOCK.format(at) + ".",
                "The meeting opened at " + CLOCK.format(at) + ".");
    }

    static MeetingState stepChanged(MeetingState s, Instant at) {
        ProgramStep step = s.setup().steps().get(s.stepIndex());
        int number = s.stepIndex() + 1;
        return s.withAutomaticMinute(at, null,
                CLOCK.format(at) + " — Bước " + number + ": " + step.vi() + ".",
                CLOCK.format(at) + " — Step " + number + ": " + step.en() + ".");
    }

    static MeetingState refused(MeetingState s, Instant at, Registration r, RefusalGround ground, String text) {
        return s.withAutomaticMinute(at, null,
                CLOCK.format(at) + " — Chủ trì không đồng ý cho " + r.name() + " (" + r.village()
                        + ") phát biểu. Lý do: " + reasonVi(ground, text) + ".",
                CLOCK.format(at) + " — The chair refused the floor to " + r.name() + " (" + r.village()
                        + "). Reason: " + reasonEn(ground, text) + ".");
    }

    static MeetingState turnEnded(MeetingState s, Turn t) {
        String vi;
        String en;
        if (t.firstStartedAt() == null) {
            vi = CLOCK.format(t.endedAt()) + " — " + t.name() + " (" + t.villageOrOffice() + ") được mời nhưng không phát biểu.";
            en = CLOCK.format(t.endedAt()) + " — " + t.name() + " (" + t.villageOrOffice() + ") was called but did not speak.";
        } else {
            String span = CLOCK.format(t.firstStartedAt()) + "–" + CLOCK.format(t.endedAt());
            boolean speech = t.kind() == Turn.Kind.SPEECH;
            vi = span + " — " + t.name() + " (" + t.villageOrOffice() + ") "
                    + (speech ? "phát biểu" : "trả lời") + (t.topic() == null ? "" : " về «" + t.topic() + "»")
                    + ", " + durationVi(t.spokenMs())
                    + (t.overtimeMs() > 0 ? ", quá giờ " + durationVi(t.overtimeMs()) : "") + ".";
            en = span + " — " + t.name() + " (" + t.villageOrOffice() + ") "
                    + (speech ? "spoke" : "answered") + (t.topic() == null ? "" : " on «" + t.topic() + "»")
                    + ", " + durationEn(t.spokenMs())
                    + (t.overtimeMs() > 0 ? ", " + durationEn(t.overtimeMs()) + " over time" : "") + ".";
        }
        if (t.stopGround() != null) {
            RefusalGround ground = RefusalGround.valueOf(t.stopGround());
            vi += " Chủ trì dừng phát biểu. Lý do: " + reasonVi(ground, t.stopText()) + ".";
            en += " The chair stopped the speaker. Reason: " + reasonEn(ground, t.stopText()) + ".";
        }
        return s.withAutomaticMinute(t.endedAt(), t.id(), vi, en);
    }

    static MeetingState meetingClosed(MeetingState s, Instant at) {
        return s.withAutomaticMinute(at, null,
                "Bế mạc hội nghị lúc " + CLOCK.format(at) + ".",
                "The meeting closed at " + CLOCK.format(at) + ".");
    }

    private static String reasonVi(RefusalGround ground, String text) {
        return ground == RefusalGround.OTHER || ground == null ? text : text == null ? ground.vi : ground.vi + " — " + text;
    }

    private static String reasonEn(RefusalGround ground, String text) {
        return ground == RefusalGround.OTHER || ground == null ? text : text == null ? ground.en : ground.en + " — " + text;
    }

    static String durationVi(long ms) {
        long seconds = Math.round(ms / 1000.0);
        return seconds >= 60 ? seconds / 60 + " phút " + seconds % 60 + " giây" : seconds + " giây";
    }

    static String durationEn(long ms) {
        long seconds = Math.round(ms / 1000.0);
        return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }
}
