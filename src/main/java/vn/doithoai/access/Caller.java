package vn.doithoai.access;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who sent a request to the staff API: a signed-in account. The transport asks {@link #may}, never
 * decides itself.
 */
public record Caller(Account account) {

    /** The actor in the record of what the organiser secret did: make or restore the first administrator. */
    public static final String OPERATOR_ACTOR = "operator";

    public Caller {
        java.util.Objects.requireNonNull(account, "account");
    }

    private static final Set<Action> ADMIN = EnumSet.complementOf(EnumSet.of(Action.CREATE_COMMUNES));
    private static final Set<Action> OFFICE = EnumSet.of(Action.READ, Action.RECORD_PETITIONS, Action.DRAFT_ANSWERS,
            Action.REPORT_ON_CONCLUSIONS);
    private static final Set<Action> FRONT = EnumSet.of(Action.READ, Action.RECORD_PETITIONS, Action.FRONT_WORK);
    private static final Set<Action> VIEWER = EnumSet.of(Action.READ);

    /** Whether this caller may do {@code action} in the commune {@code communeId} (null: no commune in particular). */
    public boolean may(Action action, UUID communeId) {
        if (account.disabled()) {
            return false;
        }
        if (action == Action.CREATE_COMMUNES) {
            return account.role() == AccountRole.ADMIN && account.allCommunes();
        }
        boolean here = communeId == null ? account.allCommunes() : account.reaches(communeId);
        return here && allowed(account.role()).contains(action);
    }

    /**
     * Whether this caller may report on a conclusion carried out by {@code officeId} in the commune:
     * its administrators may for every office, an office's staff only for its own office's (a
     * conclusion whose office is not in the directory has none: its administrators report on it).
     */
    public boolean mayReportOn(UUID communeId, UUID officeId) {
        if (!may(Action.REPORT_ON_CONCLUSIONS, communeId)) {
            return false;
        }
        return account.role() != AccountRole.OFFICE_STAFF || officeId != null && officeId.equals(account.officeId());
    }

    /** What the actor column of the record says: who did it. */
    public String actor() {
        return "account:" + account.id();
    }

    private static Set<Action> allowed(AccountRole role) {
        return switch (role) {
            case ADMIN -> ADMIN;
            case OFFICE_STAFF -> OFFICE;
            case FRONT_STAFF -> FRONT;
            case UPPER_VIEWER -> VIEWER;
        };
    }
}
