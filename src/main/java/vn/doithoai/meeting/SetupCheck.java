package vn.doithoai.meeting;

import vn.doithoai.rules.Fields;

import vn.doithoai.rules.Refusal;

import java.util.ArrayList;
import java.util.List;

/** Cleans an organiser's setup and says what is wrong with it, if anything. */
final class SetupCheck {

    private static final Fields.Name TOPIC = new Fields.Name("Chủ đề", "Topic");
    private static final Fields.Name VENUE = new Fields.Name("Địa điểm", "Venue");
    private static final Fields.Name CHAIR = new Fields.Name("Người chủ trì", "Chair");
    private static final Fields.Name HOST = new Fields.Name("Cơ quan chủ trì tham mưu", "Host office");
    private static final Fields.Name STEP = new Fields.Name("Bước chương trình", "Program step");

    private SetupCheck() {
    }

    static Setup cleaned(Setup s) {
        List<String> chairs = s.chairs().stream().map(Fields::line).filter(c -> c != null).toList();
        List<ProgramStep> steps = s.steps().stream()
                .map(p -> new ProgramStep(Fields.line(p.vi()), Fields.line(p.en()) == null ? Fields.line(p.vi()) : Fields.line(p.en())))
                .toList();
        return new Setup(s.kind(), Fields.line(s.title()), Fields.paragraph(s.topic()), Fields.line(s.group()),
                s.scheduledAt(), Fields.line(s.venue()), chairs, Fields.line(s.hostOffice()), steps, s.rules());
    }

    /** Null when the cleaned setup is acceptable. */
    static Refusal problem(Setup s) {
        Refusal fields = Fields.first(
                Fields.required(s.title(), Fields.F_TITLE, Fields.TITLE),
                Fields.optional(s.topic(), TOPIC, Fields.LONG_TEXT),
                Fields.optional(s.group(), Fields.F_GROUP, Fields.GROUP),
                Fields.optional(s.venue(), VENUE, Fields.TITLE),
                Fields.optional(s.hostOffice(), HOST, Fields.OFFICE));
        if (fields != null) {
            return fields;
        }
        var checks = new ArrayList<Refusal>();
        s.chairs().forEach(c -> checks.add(Fields.optional(c, CHAIR, Fields.OFFICE)));
        s.steps().forEach(p -> checks.add(Fields.required(p.vi(), STEP, Fields.TITLE)));
        Refusal listed = Fields.first(checks.toArray(Refusal[]::new));
        if (listed != null) {
            return listed;
        }
        if (s.chairs().size() > 10 || s.steps().size() > 20) {
            return new Refusal(Refusal.FIELD_INVALID, "Tối đa 10 người chủ trì và 20 bước chương trình",
                    "At most 10 chairs and 20 program steps");
        }
        return rulesProblem(s.rules());
    }

    private static Refusal rulesProblem(SpeakingRules r) {
        if (r.slotSeconds() < 30 || r.slotSeconds() > 3600 || r.responseSeconds() < 30 || r.responseSeconds() > 3600) {
            return new Refusal(Refusal.FIELD_INVALID, "Thời gian phát biểu phải từ 30 giây đến 60 phút",
                    "A speaking slot must be between 30 seconds and 60 minutes");
        }
        if (r.warningSeconds() < 0 || r.warningSeconds() >= r.slotSeconds()) {
            return new Refusal(Refusal.FIELD_INVALID, "Thời điểm báo sắp hết giờ phải ngắn hơn thời gian phát biểu",
                    "The warning must come before the end of the slot");
        }
        if (r.perVillageCap() < 0 || r.perVillageCap() > 1000) {
            return new Refusal(Refusal.FIELD_INVALID, "Số người đăng ký mỗi thôn phải từ 0 (không giới hạn) đến 1000",
                    "Registrations per village must be between 0 (no cap) and 1000");
        }
        if (r.invitesPerVillage() < 0 || r.invitesPerVillage() > 1000) {
            return new Refusal(Refusal.FIELD_INVALID, "Số người được mời mỗi thôn phải từ 0 (không giới hạn) đến 1000",
                    "Invitations per village must be between 0 (no cap) and 1000");
        }
        return null;
    }
}
