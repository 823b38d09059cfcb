package vn.doithoai.petition;

import java.time.LocalDate;
import java.util.List;

/**
 * What the public tracking page shows of a petition to whoever holds its code. Built from a
 * chosen few fields, never by copying the petition and removing some: so a field added to
 * {@link Petition} later stays private until someone decides otherwise. The citizen, the content
 * (which often names people), the draft, the note of a transfer and the Front's sensitive flag are
 * not here.
 */
public record PublicView(String trackingCode, LocalDate receivedOn, Channel channel, String channelVi,
                         String channelEn, String fieldCode, String fieldVi, String fieldEn,
                         PetitionStatus status, String statusVi, String statusEn, String officeName,
                         LocalDate dueDate, PublicAnswer answer, String transferredTo) {

    /** @param fields the commune's list, for the field's labels; a code no longer in it shows as itself */
    public static PublicView of(Petition p, List<PetitionField> fields) {
        String code = p.classification().fieldCode();
        PetitionField field = PetitionFields.byCode(fields, code).orElse(new PetitionField(code, code, code));
        Channel channel = p.classification().channel();
        Assignment assignment = p.assignment();
        return new PublicView(p.trackingCode(), p.receivedOn(), channel, channel.vi, channel.en, code,
                field.vi(), field.en(), p.status(), p.status().vi, p.status().en,
                assignment == null ? null : assignment.officeName(),
                assignment == null ? null : assignment.dueDate(),
                p.answer(),
                p.referral() == null ? null : p.referral().to());
    }
}
