package vn.doithoai.mail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.app.SmtpSettings;
import vn.doithoai.store.OutboxStore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Sends the outbox's messages through the configured mail server, a few at a time, every few
 * seconds. A failed send is tried again later, waiting longer each time (1, 2, 4 ... minutes, at most
 * six hours): a mail server down for a day delays the messages, it does not lose them. Plain text
 * only: what citizens wrote never becomes markup in a message.
 */
public final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    static final long EVERY_MS = 3_000;
    static final int BATCH = 20;
    /** Longer than a send can take: until then no other sender takes the message. */
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration LONGEST_WAIT = Duration.ofHours(6);

    private final Vertx vertx;
    private final OutboxStore outbox;
    private final MailClient client;
    private final String from;
    private final Clock clock;
    private boolean busy;

    public OutboxSender(Vertx vertx, OutboxStore outbox, SmtpSettings smtp, Clock clock) {
        this.vertx = vertx;
        this.outbox = outbox;
        this.from = smtp.from();
        this.clock = clock;
        MailConfig config = new MailConfig().setHostname(smtp.host()).setPort(smtp.port()).setSsl(smtp.tls())
                .setStarttls(smtp.tls() ? StartTLSOptions.DISABLED : StartTLSOptions.OPTIONAL)
                .setUsername(smtp.user()).setPassword(smtp.password());
        this.client = MailClient.create(vertx, config);
    }

    public void start() {
        vertx.setPeriodic(EVERY_MS, id -> sendDue());
    }

    /** One pass; a pass still running is not doubled. */
    public Future<Integer> sendDue() {
        if (busy) {
            return Future.succeededFuture(0);
        }
        busy = true;
        return outbox.claimDue(clock.instant(), LEASE, BATCH)
                .compose(this::sendAll)
                .onComplete(done -> {
                    busy = false;
                    if (done.failed()) {
                        LOG.warn("The outbox could not be read: {}", done.cause().getMessage());
                    }
                });
    }

    private Future<Integer> sendAll(List<OutboxStore.Message> due) {
        Future<Integer> chain = Future.succeededFuture(0);
        for (OutboxStore.Message message : due) {
            chain = chain.compose(sent -> send(message).map(ok -> ok ? sent + 1 : sent));
        }
        return chain;
    }

    private Future<Boolean> send(OutboxStore.Message message) {
        MailMessage mail = new MailMessage().setFrom(from).setTo(message.to()).setSubject(message.subject()).setText(message.body());
        return client.sendMail(mail)
                .compose(result -> outbox.markSent(message.id(), clock.instant()).map(true))
                .recover(failure -> {
                    Duration wait = retryAfter(message.attempts() + 1);
                    LOG.warn("A message about {} could not be sent (try {}), trying again in {} min: {}", message.about(),
                            message.attempts() + 1, wait.toMinutes(), failure.getMessage());
                    return outbox.markFailed(message.id(), clock.instant().plus(wait), String.valueOf(failure.getMessage()))
                            .map(false);
                });
    }

    static Duration retryAfter(int attempts) {
        Duration wait = Duration.ofMinutes(1L << Math.min(attempts - 1, 10));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
