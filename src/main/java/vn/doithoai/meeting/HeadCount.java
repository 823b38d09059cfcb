package vn.doithoai.meeting;

import java.util.List;

/**
 * Who is in the hall, as numbers only: the one thing about attendance the display and the phones
 * are sent. Invitations taken back count nowhere.
 */
public record HeadCount(int delegatesInvited, int delegatesPresent, int inviteesInvited, int inviteesPresent,
                        int walkIns) {

    public static final HeadCount NONE = new HeadCount(0, 0, 0, 0, 0);

    static HeadCount of(List<Invitation> invitations, int walkIns) {
        int delegates = 0;
        int delegatesPresent = 0;
        int invitees = 0;
        int inviteesPresent = 0;
        for (Invitation i : invitations) {
            if (i.removed()) {
                continue;
            }
            boolean delegate = i.kind() == Invitation.Kind.DELEGATE;
            delegates += delegate ? 1 : 0;
            invitees += delegate ? 0 : 1;
            delegatesPresent += delegate && i.present() ? 1 : 0;
            inviteesPresent += !delegate && i.present() ? 1 : 0;
        }
        return new HeadCount(delegates, delegatesPresent, invitees, inviteesPresent, walkIns);
    }
}
