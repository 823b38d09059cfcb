package vn.doithoai.desk;

import vn.doithoai.petition.Petition;
import vn.doithoai.store.PetitionStore;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The message a citizen who gave an e-mail address gets when the petition's status changes: plain
 * text, Vietnamese then English, the status, the public answer when there is one, and the tracking
 * link. Nothing of the petition's private parts (the draft, a transfer's note).
 */
public final class CitizenNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final String publicUrl;

    public CitizenNotices(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    public String trackingLink(String code) {
        return publicUrl + "/tra-cuu#" + code;
    }

    Optional<PetitionStore.Notice> of(Petition p) {
        String email = p.citizen().email();
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        var body = new StringBuilder();
        body.append("Kính gửi ông/bà").append(p.citizen().name() == null ? "" : " " + p.citizen().name()).append(",\n\n");
        body.append("Kiến nghị mã ").append(p.trackingCode()).append(", tiếp nhận ngày ").append(DAY.format(p.receivedOn()))
                .append(", nay ở trạng thái: ").append(p.status().vi).append(".\n");
        if (p.assignment() != null) {
            body.append("Cơ quan giải quyết: ").append(p.assignment().officeName());
            if (p.assignment().dueDate() != null) {
                body.append(", hạn ").append(DAY.format(p.assignment().dueDate()));
            }
            body.append(".\n");
        }
        if (p.answer() != null) {
            body.append("\nTrả lời:\n").append(p.answer().text()).append("\n");
        }
        if (p.referral() != null) {
            body.append("Đã chuyển đến: ").append(p.referral().to()).append(".\n");
        }
        body.append("\nTheo dõi kiến nghị: ").append(trackingLink(p.trackingCode())).append("\n\n");
        body.append("---\nYour petition ").append(p.trackingCode()).append(" is now: ").append(p.status().en)
                .append(". Follow it at ").append(trackingLink(p.trackingCode())).append("\n");
        String subject = "Kiến nghị " + p.trackingCode() + ": " + p.status().vi;
        return Optional.of(new PetitionStore.Notice(email, subject, body.toString()));
    }
}
