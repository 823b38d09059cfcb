package vn.doithoai.transport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.doithoai.codec.Json;
import vn.doithoai.live.Meetings;
import vn.doithoai.meeting.Role;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A meeting's secret role links and its join link, as the organiser is shown them once: wherever
 * the meeting was created from (the organiser's page or the yearly plan), the answer is the same.
 */
final class RoleLinks {

    private RoleLinks() {
    }

    static Map<String, String> of(String publicUrl, String joinCode, Map<Role, String> tokens) {
        var links = new LinkedHashMap<String, String>();
        tokens.forEach((role, token) -> links.put(role.name().toLowerCase(), publicUrl + "/" + role.name().toLowerCase() + "#token=" + token));
        links.put("join", publicUrl + "/j/" + joinCode);
        return links;
    }

    /** {@code {meetingId, joinCode, links}}: the answer to a meeting created. */
    static ObjectNode created(String publicUrl, Meetings.Created c) {
        ObjectNode answer = Json.object().put("meetingId", c.meetingId().toString()).put("joinCode", c.joinCode());
        answer.set("links", Json.tree(of(publicUrl, c.joinCode(), c.tokens())));
        return answer;
    }
}
