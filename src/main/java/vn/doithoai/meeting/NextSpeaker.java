package vn.doithoai.meeting;

import java.util.ArrayList;
import java.util.List;

/**
 * One of the next people in the queue, as the hall may see them: name and village, nothing else
 * (DOMAIN: the display "shows no personal data beyond name and village"). Displays and phones get
 * this short list instead of every registration, so what they receive grows with the queue's
 * changes, not with the number of registrations times the number of phones.
 */
public record NextSpeaker(int id, String name, String village) {

    /** How many of the queue's head the hall sees (the phone shows ten, the display five). */
    public static final int SHOWN = 10;

    public static List<NextSpeaker> of(MeetingState s) {
        var next = new ArrayList<NextSpeaker>(Math.min(SHOWN, s.queue().size()));
        for (int id : s.queue()) {
            if (next.size() == SHOWN) {
                break;
            }
            Registration r = s.registrations().get(id);
            next.add(new NextSpeaker(r.id(), r.name(), r.village()));
        }
        return List.copyOf(next);
    }
}
