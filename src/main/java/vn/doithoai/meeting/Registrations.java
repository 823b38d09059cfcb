package vn.doithoai.meeting;

import vn.doithoai.rules.Fields;

import vn.doithoai.rules.Refusal;

/** A registration to speak, from a phone or at the desk: the same checks for both. */
final class Registrations {

    private Registrations() {
    }

    static Decision register(MeetingState s, String name, String village, String group, String topic,
                             String summary, String phone, String note, Registration.Source source,
                             String attendeeId) {
        String cleanName = Fields.line(name);
        String cleanVillage = Fields.line(village);
        String cleanGroup = Fields.line(group);
        String cleanTopic = Fields.line(topic);
        String cleanSummary = Fields.paragraph(summary);
        String cleanPhone = Fields.line(phone);
        String cleanNote = Fields.paragraph(note);
        Refusal problem = Fields.first(
                Fields.required(cleanName, Fields.F_NAME, Fields.NAME),
                Fields.required(cleanVillage, Fields.F_VILLAGE, Fields.VILLAGE),
                Fields.optional(cleanGroup, Fields.F_GROUP, Fields.GROUP),
                Fields.required(cleanTopic, Fields.F_TOPIC, Fields.TOPIC),
                Fields.optional(cleanSummary, Fields.F_SUMMARY, Fields.SUMMARY),
                Fields.phone(cleanPhone),
                Fields.optional(cleanNote, Fields.F_NOTE, Fields.NOTE));
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
                cleanGroup, cleanTopic, cleanSummary, cleanPhone, cleanNote, source, attendeeId));
    }

    /** Villages are the same when they are without regard to case (Vietnamese rules). */
    private static int placesTaken(MeetingState s, String village) {
        return ((RegistrationTable) s.registrations()).placesTakenBy(village);
    }
}
