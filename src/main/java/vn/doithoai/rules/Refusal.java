package vn.doithoai.rules;

/**
 * Why a command changed nothing: a stable code a client can branch on and a message a person can
 * read, in Vietnamese and in English.
 */
public record Refusal(String code, String vi, String en) {

    public static final String WRONG_ROLE = "WRONG_ROLE";
    public static final String WRONG_STATE = "WRONG_STATE";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String NOT_YOURS = "NOT_YOURS";
    public static final String FIELD_MISSING = "FIELD_MISSING";
    public static final String FIELD_TOO_LONG = "FIELD_TOO_LONG";
    public static final String FIELD_INVALID = "FIELD_INVALID";
    public static final String QUEUE_EMPTY = "QUEUE_EMPTY";
    public static final String LIST_CLOSED = "LIST_CLOSED";
    public static final String VILLAGE_CAP_REACHED = "VILLAGE_CAP_REACHED";
    public static final String PHONE_CAP_REACHED = "PHONE_CAP_REACHED";
    public static final String NO_TURN = "NO_TURN";
    public static final String ALREADY_CHECKED_IN = "ALREADY_CHECKED_IN";
    /** A personal code given twice in one meeting: the server makes another and asks again. */
    public static final String CODE_TAKEN = "CODE_TAKEN";
}
