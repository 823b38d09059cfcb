package vn.doithoai.documents;

import vn.doithoai.meeting.Conclusion;
import vn.doithoai.meeting.MeetingState;
import vn.doithoai.meeting.MeetingStatus;
import vn.doithoai.meeting.Outcome;
import vn.doithoai.meeting.Turn;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The notice of conclusions of a closed meeting (thông báo kết luận, plan 004 III.1), as plain data:
 * what the meeting was, and each conclusion with the office that acts on it, its deadline and its
 * status. It is public: the people raising a matter are named by their village only, never by name or
 * phone, and the petitions' tracking codes are left out.
 *
 * @param issuingBody  "Ủy ban nhân dân\nxã Kiến Minh"; its lines are kept, in capitals
 * @param place        the place the date is written at, e.g. "Kiến Minh"
 * @param date         the day the notice is dated: the day it was (last) published
 * @param heldOn       the day the meeting was held
 * @param hostOffice   the office the reports go through, or null
 * @param recipients   the "Nơi nhận" list
 */
public record NoticeOfConclusions(String communeName, String issuingBody, String place, LocalDate date,
                                  String meetingTitle, LocalDate heldOn, String venue, List<String> chairs,
                                  String hostOffice, List<Item> conclusions, Signature signature,
                                  List<String> recipients) {

    /** Commune meetings are held in Vietnam: its days are the ones written on the notice. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public NoticeOfConclusions {
        chairs = List.copyOf(chairs);
        conclusions = List.copyOf(conclusions);
        recipients = List.copyOf(recipients);
    }

    /** A code with its words in both languages, e.g. an outcome or a status. */
    public record Label(String code, String vi, String en) {

        static Label of(Outcome outcome) {
            return new Label(outcome.name(), outcome.vi, outcome.en);
        }
    }

    /**
     * One conclusion as the public reads it.
     *
     * @param villages the villages (or organisations) of the speeches it answers, in the order spoken
     * @param status   where it stands: for now what the meeting decided ({@code outcome}); the
     *                 follow-up of conclusions fills in the later statuses
     */
    public record Item(int number, String text, String office, LocalDate deadline, Label outcome, Label status,
                       List<String> villages) {

        public Item {
            villages = List.copyOf(villages);
        }

        /** "30/09/2026", or "" without a deadline. */
        public String deadlineText() {
            return deadline == null ? "" : DAY.format(deadline);
        }
    }

    /**
     * The notice of a closed meeting of the commune {@code communeName} ("Xã Kiến Minh" or
     * "Kiến Minh"), dated {@code date}.
     */
    public static NoticeOfConclusions of(MeetingState s, String communeName, LocalDate date) {
        return of(s, communeName, date, java.util.Map.of());
    }

    /**
     * The same with each conclusion's live status where its follow-up knows one ({@code statuses} by
     * conclusion id); the others show what the meeting decided.
     */
    public static NoticeOfConclusions of(MeetingState s, String communeName, LocalDate date, java.util.Map<Integer, Label> statuses) {
        if (s.status() != MeetingStatus.CLOSED) {
            throw new IllegalArgumentException("a notice of conclusions is made of a closed meeting");
        }
        String place = communeName.replaceFirst("(?iu)^xã\\s+", "");
        Instant held = s.startedAt() != null ? s.startedAt() : s.setup().scheduledAt() != null ? s.setup().scheduledAt() : s.closedAt();
        var items = new ArrayList<Item>();
        for (Conclusion c : s.conclusions()) {
            items.add(new Item(items.size() + 1, c.text(), c.office(), c.deadline(), Label.of(c.outcome()),
                    statuses.getOrDefault(c.id(), Label.of(c.outcome())), villages(s, c)));
        }
        return new NoticeOfConclusions(communeName, "Ủy ban nhân dân\nxã " + place, place, date, s.setup().title(),
                held.atZone(VIETNAM).toLocalDate(), s.setup().venue(), s.setup().chairs(), s.setup().hostOffice(), items,
                new Signature("TM. Ủy ban nhân dân", "Chủ tịch", null),
                List.of("Thường trực Đảng ủy xã;", "Thường trực HĐND xã;", "Ủy ban MTTQ Việt Nam xã;",
                        "Các cơ quan, đơn vị được giao;", "Các thôn, làng (niêm yết công khai);", "Lưu: VT."));
    }

    /** The villages of the citizens' speeches a conclusion answers: of a speaker, the village alone. */
    private static List<String> villages(MeetingState s, Conclusion c) {
        var villages = new LinkedHashSet<String>();
        for (int turnId : c.turnIds()) {
            s.turn(turnId).filter(t -> t.kind() == Turn.Kind.SPEECH).map(Turn::villageOrOffice)
                    .filter(Objects::nonNull).filter(v -> !v.isBlank()).ifPresent(villages::add);
        }
        return List.copyOf(villages);
    }

    /** "15/06/2026". */
    public static String dayText(LocalDate day) {
        return DAY.format(day);
    }
}
