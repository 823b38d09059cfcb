package vn.doithoai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.TestPostgres;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark harness works and its numbers are sane: a tiny fan-out, burst and recovery
 * against an in-process server. No assertion on absolute speed.
 */
class BenchSmokeTest {

    /** Where the harness writes its JSON; removed after each test. */
    @TempDir
    Path out;

    private Scenarios.Env env() {
        return new Scenarios.Env(() -> {
            try {
                return new InProcessServer(TestPostgres.freshDatabaseConfig().withAdminSecret(Organiser.SECRET));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, 1, 20, 1000, "256m", out);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTinyFanOutReachesEveryScreen() throws Exception {
        JsonNode r = Scenarios.fanOut(env(), 2, 5, 4, 2, 1, false);
        JsonNode d = r.path("doithoai");
        assertThat(d.path("commandsSent").asInt()).isPositive();
        assertThat(d.path("commandsUnanswered").asInt()).isZero();
        assertThat(d.path("commandsRefused").asInt()).isZero();
        assertThat(d.path("deliveriesMissing").asLong()).isZero();
        assertThat(d.path("screensWithGapOrMissingEvents").asInt()).isZero();
        assertThat(d.path("deliveriesMeasured").asLong()).isEqualTo(d.path("toLastScreen").path("count").asLong() * 5);
        for (String which : new String[] {"toEachScreen", "toLastScreen", "toChairAck"}) {
            double p99 = d.path(which).path("p99Ms").asDouble();
            assertThat(p99).as(which).isPositive().isLessThan(60_000);
            assertThat(d.path(which).path("maxMs").asDouble()).isGreaterThanOrEqualTo(d.path(which).path("p50Ms").asDouble());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTinyBurstPersistsEveryAcknowledgedRegistration() throws Exception {
        JsonNode r = Scenarios.burst(env(), 50, 200, 2, 1, 50, 1);
        JsonNode paced = r.path("paced");
        assertThat(paced.path("acked").asInt()).isEqualTo(50);
        assertThat(paced.path("persisted").asLong()).isEqualTo(50);
        assertThat(paced.path("lost").asLong()).isZero();
        assertThat(paced.path("ack").path("p99Ms").asDouble()).isPositive().isFinite();
        assertThat(r.path("cold").path("acked").asInt()).isEqualTo(50);
        assertThat(r.path("oneMeetingFlood").path("acked").asInt()).isEqualTo(50);
        assertThat(r.path("manyMeetingsFlood").path("acked").asInt()).isEqualTo(50);
        assertThat(r.path("rawInserts").path("oneConnection").path("commitsPerSecond").asDouble()).isPositive().isFinite();
        assertThat(r.path("rawInserts").path("pool8").path("commitsPerSecond").asDouble()).isPositive().isFinite();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTinyRecoveryServesTheMeetingAgain() throws Exception {
        JsonNode r = Scenarios.recovery(env(), 200, 2);
        assertThat(r.path("eventsWritten").asLong()).isGreaterThanOrEqualTo(200);
        assertThat(r.path("each")).hasSize(2);
        r.path("each").forEach(start -> assertThat(start.path("welcomeSeq").asLong()).isEqualTo(r.path("eventsWritten").asLong()));
        assertThat(r.path("welcomeSeq").asLong()).isEqualTo(r.path("eventsWritten").asLong());
        assertThat(r.path("servedMs").asDouble()).isPositive().isGreaterThanOrEqualTo(r.path("readyMs").asDouble());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTinyMinutesRunWritesTheDocumentOfAMeetingMadeByTheRules() throws Exception {
        JsonNode r = MinutesScenario.run(9, 2, 1);
        assertThat(r.path("speeches").asInt()).isEqualTo(9);
        assertThat(r.path("answers").asInt()).isEqualTo(3);
        assertThat(r.path("events").asInt()).isGreaterThan(40);
        assertThat(r.path("hours").asDouble()).isBetween(3.9, 4.1);
        assertThat(r.path("docxBytes").asInt()).isPositive();
        assertThat(r.path("latency").path("count").asLong()).isEqualTo(2);
    }
}
