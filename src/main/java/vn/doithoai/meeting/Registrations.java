package vn.doithoai.meeting;

import vn.doithoai.rules.Fields;

import vn.doithoai.rules.Refusal;

/** A registration to speak, from a phone or at the desk: the same checks for both. */
final class Registrations {

    private Registrations() {
    }

    static Decision register(MeetingState s, String name, String village, String group, String topic,
                             String summary, String phone, String note, Integer minutes, String petitionCode,
                             Registration.Source source, String attendeeId) {
        String cleanName = Fields.line(name);
        String cleanVillage = Fields.line(village);
        String cleanGroup = Fields.line(group);
        String cleanTopic = Fields.line(topic);
        String cleanSummary = Fields.paragraph(summary);
        String cleanPhone = Fields.line(phone);
        String cleanNote = Fields.paragraph(note);
        PetitionCodes.Checked code = PetitionCodes.cleaned(petitionCode);
        Refusal problem = Fields.first(
                Fields.required(cleanName, Fields.F_NAME, Fields.NAME),
                Fields.required(cleanVillage, Fields.F_VILLAGE, Fields.VILLAGE),
                Fields.optional(cleanGroup, Fields.F_GROUP, Fields.GROUP),
                Fields.required(cleanTopic, Fields.F_TOPIC, Fields.TOPIC),
                Fields.optional(cleanSummary, Fields.F_SUMMARY, Fields.SUMMARY),
                Fields.phone(cleanPhone),
                Fields.optional(cleanNote, Fields.F_NOTE, Fields.NOTE),
                minutesProblem(minutes, s.setup().rules().slotSeconds()),
                code.problem());
        if (problem != null) {
            return Decision.refuse(problem);
        }
        int cap = s.setup().rules().perVillageCap();
        if (cap > 0 && placesTaken(s, cleanVillage) >= cap) {
            return Decision.refuse(Refusal.VILLAGE_CAP_REACHED,
                    cleanVillage + " đã có đủ " + cap + " người đăng ký phát biểu",
                    cleanVillage + " already has " + cap + " registrations to speak");
        }
        return Decision.accept(new Event.SpeakerRegistered(s.nextRegistrationId(), cleanName, cleanVillage,
                cleanGroup, cleanTopic, cleanSummary, cleanPhone, cleanNote, source, attendeeId, minutes, code.code()));
    }

    /**
     * More time than the rules' slot is refused, not cut down to it: what the record says a person
     * asked for is then what they will get (plan 004 II.3.3: people speak for the time they
     * registered), and nobody learns only at the microphone that their seven minutes became five.
     * The forms offer only times within the slot, so this reaches a form drawn before the organiser
     * shortened it, and says what the slot is.
     */
    private static Refusal minutesProblem(Integer minutes, int slotSeconds) {
        if (minutes == null || (minutes >= 1 && minutes * 60L <= slotSeconds)) {
            return null;
        }
        String slotVi = slotSeconds % 60 == 0 ? slotSeconds / 60 + " phút" : slotSeconds + " giây";
        String slotEn = slotSeconds % 60 == 0 ? slotSeconds / 60 + " minutes" : slotSeconds + " seconds";
        return new Refusal(Refusal.FIELD_INVALID,
                "Thời gian xin phát biểu phải từ 1 phút đến " + slotVi + " (quy định của hội nghị)",
                "The speaking time asked for must be between 1 minute and " + slotEn + " (the meeting's rule)");
    }

    /** Villages are the same when they are without regard to case (Vietnamese rules). */
    private static int placesTaken(MeetingState s, String village) {
        return ((RegistrationTable) s.registrations()).placesTakenBy(village);
    }
}
