package vn.doithoai.live;

import vn.doithoai.rules.Refusal;

/**
 * The answer to a command: the sequences of the events it caused, or why nothing changed.
 * A repeated command id gets the first answer again, marked {@code duplicate}.
 */
public record CommandResult(long firstSeq, long lastSeq, boolean duplicate, Refusal refusal) {

    public static final String STORAGE_FAILED = "STORAGE_FAILED";
    public static final String STORAGE_UNCONFIRMED = "STORAGE_UNCONFIRMED";
    public static final String COMMAND_FAILED = "COMMAND_FAILED";
    public static final String COMMAND_ID_REUSED = "COMMAND_ID_REUSED";

    static CommandResult stored(long firstSeq, long lastSeq) {
        return new CommandResult(firstSeq, lastSeq, false, null);
    }

    static CommandResult refused(Refusal refusal) {
        return new CommandResult(0, 0, false, refusal);
    }

    /** A rule threw on this command (a defect): refused, nothing stored, the round goes on. */
    static CommandResult failedInRules() {
        return refused(new Refusal(COMMAND_FAILED,
                "Không thực hiện được thao tác này với dữ liệu đã gửi; không có gì thay đổi.",
                "This action could not be carried out with the data sent; nothing changed."));
    }

    /** The sender used this command id before for another command: nothing is done, nor said done. */
    static CommandResult idReused() {
        return refused(new Refusal(COMMAND_ID_REUSED,
                "Mã thao tác này đã được dùng cho một thao tác khác; không có gì thay đổi.",
                "This command id was already used for another command; nothing changed."));
    }

    /** PostgreSQL did not answer in time or the link broke: stored or not, nobody can say yet. */
    static CommandResult notConfirmed() {
        return refused(new Refusal(STORAGE_UNCONFIRMED,
                "Chưa xác nhận được việc lưu thao tác. Vui lòng gửi lại: thao tác chỉ được thực hiện một lần.",
                "The action could not be confirmed as stored. Please send it again: it is carried out only once."));
    }

    static CommandResult notStored() {
        return refused(new Refusal(STORAGE_FAILED,
                "Chưa lưu được thao tác, không có gì thay đổi. Vui lòng thử lại.",
                "The action could not be stored and nothing changed. Please try again."));
    }

    CommandResult asDuplicate() {
        return new CommandResult(firstSeq, lastSeq, true, null);
    }

    public boolean accepted() {
        return refusal == null;
    }
}
