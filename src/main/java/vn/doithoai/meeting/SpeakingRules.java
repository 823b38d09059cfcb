package vn.doithoai.meeting;

/**
 * How long people speak and who may register.
 *
 * @param slotSeconds      a speaker's slot
 * @param warningSeconds   how long before the end the countdown turns to its warning colour
 * @param perVillageCap    registrations allowed per village or organisation; 0 means no cap
 *                         (plan 004 II.2.1: each village invites at most 5)
 * @param firstTimersFirst whether people who have not spoken yet go before repeat speakers
 * @param responseSeconds  a responder's slot
 */
public record SpeakingRules(int slotSeconds, int warningSeconds, int perVillageCap,
                            boolean firstTimersFirst, int responseSeconds) {

    public static final SpeakingRules DEFAULT = new SpeakingRules(300, 60, 5, true, 300);
}
