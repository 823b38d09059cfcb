package vn.doithoai.meeting;

/**
 * How long people speak, who may register, and how many each village may invite.
 *
 * @param slotSeconds       a speaker's slot; a speaker who asked for less at registration gets that
 * @param warningSeconds    how long before the end the countdown turns to its warning colour
 * @param perVillageCap     registrations to speak allowed per village or organisation; 0 means no cap
 * @param firstTimersFirst  whether people who have not spoken yet go before repeat speakers
 * @param responseSeconds   a responder's slot
 * @param invitesPerVillage people each village may invite (plan 004 II.2.1: "mỗi đơn vị không quá
 *                          05 đại biểu"); 0 means no cap; absent (a setup from before it existed) means 5
 */
public record SpeakingRules(int slotSeconds, int warningSeconds, int perVillageCap,
                            boolean firstTimersFirst, int responseSeconds, Integer invitesPerVillage) {

    public static final int INVITES_PER_VILLAGE = 5;
    public static final SpeakingRules DEFAULT = new SpeakingRules(300, 60, 5, true, 300, INVITES_PER_VILLAGE);

    public SpeakingRules {
        invitesPerVillage = invitesPerVillage == null ? INVITES_PER_VILLAGE : invitesPerVillage;
    }

    /** With the plan's invitation cap. */
    public SpeakingRules(int slotSeconds, int warningSeconds, int perVillageCap, boolean firstTimersFirst,
                         int responseSeconds) {
        this(slotSeconds, warningSeconds, perVillageCap, firstTimersFirst, responseSeconds, null);
    }
}
