package vn.doithoai.documents;

import java.util.List;

/**
 * The minutes of a dialogue (biên bản hội nghị đối thoại) as plain data, every value already worded
 * as it is printed (times "08:05", lengths "04:12", dates "31/07/2026"), so the .docx and the print
 * page say exactly the same. Built from the meeting's record by {@link MinutesOfMeeting}; nothing
 * in it is typed twice. A null text is printed as a blank to fill in by hand.
 *
 * @param version   draft, final or approved, and the words that tell it on the document
 * @param heading   the header block and the title
 * @param session   when, where, what kind of dialogue, who chaired it and who kept the minutes
 * @param program   the steps of the program, in order
 * @param notes     the secretary's own lines in order, each as it reads now (a corrected line once)
 * @param refusals  the speakers the chair refused or stopped, with the grounds
 * @param addenda   corrections made after the approval, printed after the approved text
 * @param checkCode the hash of the record's chain at the close, or null before the close
 */
public record Minutes(Version version, Heading heading, Session session, Attendance attendance, List<String> program,
                      List<Speech> speeches, List<Answer> answers, List<Note> notes, List<Refused> refusals,
                      List<ConclusionLine> conclusions, String closing, Signatures signatures, List<Addendum> addenda,
                      String checkCode) {

    public Minutes {
        program = List.copyOf(program);
        speeches = List.copyOf(speeches);
        answers = List.copyOf(answers);
        notes = List.copyOf(notes);
        refusals = List.copyOf(refusals);
        conclusions = List.copyOf(conclusions);
        addenda = List.copyOf(addenda);
    }

    /** How far the text is signed; {@code mark}: the words printed under the header block. */
    public record Version(Stage stage, String mark) {
    }

    public enum Stage { DRAFT, FINAL, APPROVED }

    /**
     * @param issuingBody  its lines as printed, e.g. "Xã Ia Băng\nVăn phòng HĐND-UBND xã"
     * @param placeAndDate "Ia Băng, ngày 15 tháng 6 năm 2026"
     * @param subject      the meeting's title, under "BIÊN BẢN"
     */
    public record Heading(String issuingBody, String placeAndDate, String subject) {
    }

    /** {@code form}: "Đối thoại trực tiếp, định kỳ"; {@code time}: "từ 08 giờ 00 đến 11 giờ 30, ngày 15/06/2026". */
    public record Session(String time, String venue, String form, String topic, String group, List<String> chairs,
                          String hostOffice, String secretary) {
        public Session {
            chairs = List.copyOf(chairs);
        }
    }

    /**
     * Who came: the delegates present by name, the citizens as numbers only.
     *
     * @param lines e.g. "Đại biểu: 5 người có mặt trên 6 người được mời."
     */
    public record Attendance(List<String> lines, List<Delegate> delegates) {
        public Attendance {
            lines = List.copyOf(lines);
            delegates = List.copyOf(delegates);
        }
    }

    public record Delegate(String name, String title, String office) {
    }

    /** {@code start}: the real start, "08:05", or "—" for one called who did not speak; {@code length}: "04:12". */
    public record Speech(int number, String speaker, String village, String topic, String summary, String start,
                         String length) {
    }

    /** {@code answers}: the number of the speech it answers, or null. */
    public record Answer(int number, String responder, String office, Integer answers, String start, String length) {
    }

    /** {@code about}: who held the floor when it was written, or null. */
    public record Note(String at, String text, String about) {
    }

    /** {@code what}: "Không cho phát biểu" or "Dừng phát biểu"; {@code grounds}: the ground and the chair's words. */
    public record Refused(int number, String name, String village, String what, String grounds) {
    }

    /** {@code speeches}: "Về ý kiến số 1, 3", or null. */
    public record ConclusionLine(int number, String text, String outcome, String office, String deadline,
                                 String speeches) {
    }

    /** The names under THƯ KÝ and CHỦ TRÌ, null until they sign. */
    public record Signatures(String secretary, String chair) {
    }

    /** {@code heading}: "Phụ lục ngày 18/06/2026"; {@code by}: "Thư ký" or "Chủ trì". */
    public record Addendum(String heading, String by, String text) {
    }
}
