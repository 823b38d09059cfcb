package vn.doithoai.meeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The speaking order: where a new registration goes, and how the order changes. */
final class Queue {

    private Queue() {
    }

    /**
     * At the end; but with the first-timers-first rule, a person who has not spoken yet goes
     * before the first waiting repeat speaker.
     */
    static List<Integer> placeNew(MeetingState s, Registration added) {
        var order = new ArrayList<>(s.queue());
        if (!s.setup().rules().firstTimersFirst()) {
            order.add(added.id());
            return order;
        }
        Set<String> spoke = s.peopleWhoSpoke();
        if (spoke.contains(added.personKey())) {
            order.add(added.id());
            return order;
        }
        int firstRepeat = indexOfFirstRepeatSpeaker(s, order, spoke);
        order.add(firstRepeat < 0 ? order.size() : firstRepeat, added.id());
        return order;
    }

    /**
     * After someone has spoken, their other waiting registrations go behind everyone who has
     * not spoken yet, when the first-timers-first rule is on.
     */
    static List<Integer> afterSpeech(MeetingState s, Registration speaker) {
        if (!s.setup().rules().firstTimersFirst()) {
            return s.queue();
        }
        Set<String> spoke = s.peopleWhoSpoke();
        if (!spoke.contains(speaker.personKey())) {
            return s.queue();
        }
        var theirs = new ArrayList<Integer>();
        var others = new ArrayList<Integer>();
        for (int id : s.queue()) {
            (s.registrations().get(id).personKey().equals(speaker.personKey()) ? theirs : others).add(id);
        }
        if (theirs.isEmpty()) {
            return s.queue();
        }
        int firstRepeat = indexOfFirstRepeatSpeaker(s, others, spoke);
        others.addAll(firstRepeat < 0 ? others.size() : firstRepeat, theirs);
        return others;
    }

    static List<Integer> without(List<Integer> queue, int registrationId) {
        var order = new ArrayList<>(queue);
        order.remove(Integer.valueOf(registrationId));
        return order;
    }

    static List<Integer> moved(List<Integer> queue, int registrationId, int position) {
        var order = without(queue, registrationId);
        order.add(Math.max(0, Math.min(position, order.size())), registrationId);
        return order;
    }

    private static int indexOfFirstRepeatSpeaker(MeetingState s, List<Integer> order, Set<String> spoke) {
        if (spoke.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < order.size(); i++) {
            if (spoke.contains(s.registrations().get(order.get(i)).personKey())) {
                return i;
            }
        }
        return -1;
    }
}
