package vn.doithoai.meeting;

import vn.doithoai.rules.Refusal;

/** The refusals that many commands share, worded once. */
final class Refusals {

    private Refusals() {
    }

    static Decision wrongState(String vi, String en) {
        return Decision.refuse(Refusal.WRONG_STATE, vi, en);
    }

    static Decision notInProgress() {
        return wrongState("Hội nghị chưa bắt đầu hoặc đã kết thúc", "The meeting is not in progress");
    }

    static Decision closed() {
        return wrongState("Hội nghị đã kết thúc", "The meeting is closed");
    }

    static Decision noRegistration(int id) {
        return Decision.refuse(Refusal.NOT_FOUND, "Không có đăng ký số " + id, "No registration number " + id);
    }

    static Decision notWaiting(Registration r) {
        return wrongState("Đăng ký số " + r.id() + " không còn trong danh sách chờ",
                "Registration " + r.id() + " is no longer waiting");
    }

    static Decision noTurn() {
        return Decision.refuse(Refusal.NO_TURN, "Không có ai đang phát biểu", "Nobody holds the floor");
    }

    static Decision noTurnNumber(int id) {
        return Decision.refuse(Refusal.NOT_FOUND, "Không có lượt phát biểu số " + id, "No turn number " + id);
    }

    static Decision of(Refusal refusal) {
        return Decision.refuse(refusal);
    }
}
