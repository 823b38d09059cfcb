package vn.doithoai.followup;

import org.junit.jupiter.api.Test;
import vn.doithoai.codec.Json;
import vn.doithoai.codec.TypeNames;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A follow-up is its stream: replayed, or read back from the ledger's JSON, it is the same follow-up. */
class FollowUpReplayTest {

    private static FollowUpScript aFullLife() {
        var script = FollowUpScript.assigned();
        script.advance(Duration.ofDays(2));
        script.ok(new FollowUpCommand.Start("Đã khảo sát", null));
        script.ok(new FollowUpCommand.MarkForSupervision(2026), "front");
        script.advance(Duration.ofDays(5));
        script.ok(new FollowUpCommand.Note("Đã có dự toán", null));
        script.ok(new FollowUpCommand.RecordSupervision("Đúng tiến độ", null), "front");
        script.ok(new FollowUpCommand.Finish("Đã sửa xong", null));
        script.ok(new FollowUpCommand.Rate(FollowUpScript.CODE, true, null), "public-tracking");
        return script;
    }

    @Test
    void replayingTheStreamRebuildsTheFollowUpExactly() {
        var script = aFullLife();
        assertThat(FollowUpRules.replay(script.log())).isEqualTo(script.followUp());
        assertThat(FollowUpRules.replay(List.of())).isNull();
    }

    @Test
    void eventsAndStateReadBackFromTheirStoredJsonAreTheSame() throws Exception {
        var script = aFullLife();
        TypeNames<FollowUpEvent> names = TypeNames.of(FollowUpEvent.class);
        List<FollowUpEvent> readBack = new ArrayList<>();
        for (FollowUpEvent event : script.log()) {
            Class<? extends FollowUpEvent> type = names.byName(names.nameOf(event)).orElseThrow();
            readBack.add(Json.read(Json.write(event), type));
        }
        assertThat(readBack).isEqualTo(script.log());
        assertThat(Json.read(Json.write(script.followUp()), FollowUp.class)).isEqualTo(script.followUp());
    }
}
