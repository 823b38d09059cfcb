package vn.doithoai.followup;

import vn.doithoai.meeting.Outcome;

import java.time.LocalDate;

/**
 * What the tracking page shows, to whoever holds a petition's code, of the conclusion that answered
 * the petition. Built from a chosen few fields: the office's notes, the Front's findings and the
 * other citizens' ratings stay with staff.
 *
 * @param canRate whether this petition's citizen may rate now (settled, not yet rated)
 * @param rated   this petition's rating (satisfied or not), null before; its reason is not sent back
 */
public record PublicFollowUp(FollowUpStatus status, String statusVi, String statusEn, Outcome outcome, String outcomeVi,
                             String outcomeEn, String officeName, LocalDate deadline, boolean overdue, LocalDate settledOn,
                             String result, String transferredTo, boolean canRate, Boolean rated) {

    public static PublicFollowUp of(FollowUp f, String petitionCode, LocalDate today) {
        Boolean rated = f.ratingOf(petitionCode).map(Rating::satisfied).orElse(null);
        return new PublicFollowUp(f.status(), f.status().vi, f.status().en, f.outcome(), f.outcome().vi, f.outcome().en,
                f.officeName(), f.deadline(), f.overdueOn(today), f.settledOn(), f.result(), f.transferredTo(),
                !f.status().open() && rated == null, rated);
    }
}
