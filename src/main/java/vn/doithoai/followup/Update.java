package vn.doithoai.followup;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One report of the responsible office on its conclusion: what it says, the day it happened
 * ({@code on}, a day in Vietnam, which may be earlier than the day it was typed) and when it was
 * recorded. Who reported it is beside the event in the ledger.
 */
public record Update(Kind kind, String note, LocalDate on, Instant at) {

    public enum Kind {
        STARTED("Bắt đầu thực hiện", "Started"),
        NOTED("Cập nhật tiến độ", "Progress noted"),
        DONE("Hoàn thành", "Done"),
        TRANSFERRED("Chuyển cấp có thẩm quyền", "Transferred");

        public final String vi;
        public final String en;

        Kind(String vi, String en) {
            this.vi = vi;
            this.en = en;
        }
    }
}
