package vn.doithoai.mail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doithoai.app.Database;
import vn.doithoai.app.SmtpSettings;
import vn.doithoai.store.OutboxStore;
import vn.doithoai.support.MovableClock;
import vn.doithoai.support.SmtpSink;
import vn.doithoai.support.TestPostgres;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox against a real PostgreSQL and a real SMTP conversation on loopback. */
class OutboxSenderTest {

    private Vertx vertx;
    private Pool pool;
    private Database database;
    private OutboxStore outbox;
    private final MovableClock clock = new MovableClock("2026-06-01T08:00:00Z");

    @BeforeEach
    void database() throws Exception {
        database = Database.start(TestPostgres.freshDatabaseConfig());
        database.grantAppRole();
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().connectingTo(database.connectOptions()).using(vertx).build();
        outbox = new OutboxStore(pool);
    }

    @AfterEach
    void close() throws Exception {
        await(vertx.close());
        database.close();
    }

    private void enqueue(String to) throws Exception {
        await(pool.withTransaction(tx -> outbox.enqueue(tx, "petition KN-TEST", to, "Kiến nghị của ông/bà đã được trả lời",
                "Nội dung trả lời: <b>không phải HTML</b>\nTrân trọng.", clock.instant())));
    }

    @Test
    void aMessageIsSentAsPlainTextWithItsVietnameseIntact() throws Exception {
        try (var sink = new SmtpSink()) {
            enqueue("dan@example.vn");
            var sender = new OutboxSender(vertx, outbox, SmtpSettings.parse("smtp://127.0.0.1:" + sink.port() + "?from=ubnd@xa.example.vn"), clock);
            assertThat(await(sender.sendDue())).isEqualTo(1);
            assertThat(sink.messages()).hasSize(1);
            String raw = sink.messages().get(0);
            assertThat(raw).contains("To: dan@example.vn").contains("text/plain").doesNotContain("text/html");
            assertThat(await(outbox.pending())).isZero();
            assertThat(await(sender.sendDue())).isZero();
        }
    }

    @Test
    void aMailServerThatIsDownDelaysTheMessageAndItIsSentLater() throws Exception {
        var sink = new SmtpSink();
        int port = sink.port();
        sink.close();
        enqueue("dan@example.vn");
        var sender = new OutboxSender(vertx, outbox, SmtpSettings.parse("smtp://127.0.0.1:" + port + "?from=ubnd@xa.example.vn"), clock);
        assertThat(await(sender.sendDue())).isZero();
        assertThat(await(outbox.pending())).isEqualTo(1);
        assertThat(await(sender.sendDue())).as("not due again before its wait").isZero();

        try (var again = new SmtpSink()) {
            var senderToNewPort = new OutboxSender(vertx, outbox, SmtpSettings.parse("smtp://127.0.0.1:" + again.port() + "?from=ubnd@xa.example.vn"), clock);
            clock.advance(Duration.ofMinutes(2));
            assertThat(await(senderToNewPort.sendDue())).isEqualTo(1);
            assertThat(again.messages()).hasSize(1);
            assertThat(await(outbox.pending())).isZero();
        }
    }

    @Test
    void eachFailedTryWaitsLongerUpToSixHours() {
        assertThat(OutboxSender.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxSender.retryAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(OutboxSender.retryAfter(30)).isEqualTo(Duration.ofHours(6));
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
