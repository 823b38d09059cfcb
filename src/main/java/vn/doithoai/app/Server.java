package vn.doithoai.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.access.OrganiserSecret;
import vn.doithoai.access.SignInLimits;
import vn.doithoai.desk.CitizenNotices;
import vn.doithoai.desk.ConclusionFollowUps;
import vn.doithoai.desk.FollowUpDesk;
import vn.doithoai.desk.MeetingAnswers;
import vn.doithoai.desk.PetitionDesk;
import vn.doithoai.live.MeetingHosts;
import vn.doithoai.live.MeetingOwner;
import vn.doithoai.mail.OutboxSender;
import vn.doithoai.live.Meetings;
import vn.doithoai.store.AccountStore;
import vn.doithoai.store.Directory;
import vn.doithoai.store.FollowUpStore;
import vn.doithoai.store.Ledger;
import vn.doithoai.store.ClosedMeetingBookmarks;
import vn.doithoai.store.OfficeStore;
import vn.doithoai.store.OutboxStore;
import vn.doithoai.store.PetitionFieldStore;
import vn.doithoai.store.PetitionStore;
import vn.doithoai.store.PlanStore;
import vn.doithoai.store.ReportStore;
import vn.doithoai.store.EventStore;
import vn.doithoai.store.RecordChain;
import vn.doithoai.store.SnapshotStore;
import vn.doithoai.transport.AccountApi;
import vn.doithoai.transport.FollowUpApi;
import vn.doithoai.transport.AgendaApi;
import vn.doithoai.transport.Admission;
import vn.doithoai.transport.FrontSummaryApi;
import vn.doithoai.transport.MinutesApi;
import vn.doithoai.transport.ReportApi;
import vn.doithoai.transport.OfficeApi;
import vn.doithoai.transport.PetitionApi;
import vn.doithoai.transport.PetitionFieldApi;
import vn.doithoai.transport.NoticeApi;
import vn.doithoai.transport.Routes;
import vn.doithoai.transport.PublicPetitionApi;
import vn.doithoai.transport.StaffGate;
import vn.doithoai.transport.OrganiserGate;
import vn.doithoai.transport.PlanApi;
import vn.doithoai.transport.RateLimits;
import vn.doithoai.transport.RestApi;
import vn.doithoai.transport.WebServer;
import vn.doithoai.transport.WsEndpoint;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The whole server, put together: database, migrations, the meetings rebuilt from their logs, then
 * the HTTP and WebSocket server. Started from a plain thread (main, or a test).
 */
public final class Server implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    static final int POOL_SIZE = 8;
    /** Vert.x's default number of event loops: the web server runs one instance on each. */
    static final int EVENT_LOOPS = 2 * Runtime.getRuntime().availableProcessors();
    /** The meetings' own event loops, one per core (see {@link #startMeetingsVertx()}). */
    static final int MEETING_LOOPS = Runtime.getRuntime().availableProcessors();
    static final long EVICT_EVERY_MS = 5 * 60_000;
    /** Within the ten seconds a service manager or Docker waits after SIGTERM. */
    static final long STOP_SNAPSHOTS_MS = 5_000;

    private final Database database;
    private final Vertx vertx;
    private final Vertx meetingsVertx;
    private final HttpServer http;
    private final String publicUrl;
    private final Meetings meetings;

    private Server(Database database, Vertx vertx, Vertx meetingsVertx, HttpServer http, String publicUrl,
                   Meetings meetings) {
        this.database = database;
        this.vertx = vertx;
        this.meetingsVertx = meetingsVertx;
        this.http = http;
        this.publicUrl = publicUrl;
        this.meetings = meetings;
    }

    public static Server start(Config requested) throws Exception {
        long began = System.nanoTime();
        Config config = requested.port() == 0 ? requested.withPort(freePort()) : requested;
        // Independent steps of the start overlap: Vert.x starts while PostgreSQL does, and the
        // pool's first connection is made while Flyway checks the schema.
        CompletableFuture<Vertx> vertxStarted = CompletableFuture.supplyAsync(() -> Vertx.vertx(vertxOptions()));
        CompletableFuture<Vertx> meetingsVertxStarted = CompletableFuture.supplyAsync(Server::startMeetingsVertx);
        Database database;
        try {
            database = Database.start(config);
        } catch (Exception | Error e) {
            vertxStarted.thenAccept(Vertx::close);
            meetingsVertxStarted.thenAccept(Vertx::close);
            throw e;
        }
        Vertx vertx = vertxStarted.join();
        Vertx meetingsVertx = meetingsVertxStarted.join();
        try {
            Pool pool = pool(vertx, database, POOL_SIZE);
            Future<?> firstConnection = pool.query("SELECT 1").execute();
            Migrations.run(database);
            database.grantAppRole();
            DurabilityCheck.require(database);
            firstConnection.toCompletionStage().toCompletableFuture().exceptionally(e -> null).join();
            var store = new EventStore(pool);
            var directory = new Directory(pool);
            Clock clock = Clock.systemUTC();
            MeetingHosts hosts = await(MeetingHosts.deploy(meetingsVertx, MEETING_LOOPS,
                    () -> new EventStore(pool(meetingsVertx, database, MeetingHosts.WRITER_CONNECTIONS))));
            var meetings = new Meetings(hosts, store, new SnapshotStore(pool), directory, clock);
            String secretHash = await(OrganiserSecret.establish(vertx, directory, config.adminSecretIfSet().orElse(null)));
            vertx.setPeriodic(EVICT_EVERY_MS, id -> meetings.evictIdleClosed());
            var watch = new DatabaseWatch(vertx, pool, database);
            watch.start();
            String publicUrl = config.publicUrl();
            var limits = new RateLimits(clock);
            vertx.setPeriodic(EVICT_EVERY_MS, id -> limits.forgetIdle());
            var ledger = new Ledger(pool);
            var officeStore = new OfficeStore(pool, ledger);
            var ws = new WsEndpoint(vertx, new Admission(directory, officeStore, publicUrl, clock), meetings, clock, publicUrl,
                    config.allowedOrigins(), limits);
            var outbox = new OutboxStore(pool);
            startMail(vertx, outbox, config, clock);
            var accountStore = new AccountStore(pool, ledger);
            var offices = new OfficeApi(officeStore, clock);
            var signIns = new SignInLimits(clock);
            vertx.setPeriodic(EVICT_EVERY_MS, id -> signIns.forgetOld());
            var accounts = new AccountApi(vertx, accountStore, officeStore, signIns,
                    new OrganiserGate(secretHash, directory::setOrganiserSecretHash), clock);
            await(accounts.ensureFirstAdministrator(secretHash));
            var gate = new StaffGate(accountStore, clock);
            var notices = new CitizenNotices(publicUrl);
            var petitionStore = new PetitionStore(pool, ledger, outbox);
            var fieldStore = new PetitionFieldStore(pool, ledger);
            var desk = new PetitionDesk(petitionStore, fieldStore, notices, clock);
            var petitions = new PetitionApi(desk, petitionStore, officeStore, ledger, clock);
            Function<UUID, Future<MeetingAnswers.Closed>> closedMeeting = id -> meetings.get(id).compose(MeetingOwner::read)
                    .map(read -> new MeetingAnswers.Closed(read.seq(), read.snapshot()));
            var answers = new MeetingAnswers(vertx, new ClosedMeetingBookmarks(pool, ClosedMeetingBookmarks.Of.MEETING_ANSWERS), petitionStore, desk, closedMeeting, clock);
            var followUpStore = new FollowUpStore(pool, ledger);
            var followUps = new ConclusionFollowUps(vertx, followUpStore, officeStore, closedMeeting, clock);
            meetings.afterClose(id -> {
                answers.recordedAfterClose(id);
                followUps.recordedAfterClose(id);
            });
            var followUpDesk = new FollowUpDesk(followUpStore, clock);
            var publicPetitions = new PublicPetitionApi(desk, petitionStore, directory, limits, notices, fieldStore, followUpDesk, clock);
            var chain = new RecordChain(pool);
            var api = new RestApi(directory, meetings, chain, publicUrl, watch::databaseUp, limits, offices);
            var plans = new PlanApi(new PlanStore(pool, ledger), officeStore, directory, meetings, publicUrl, clock);
            // Begun just before listening, so its first queries overlap the bind; not waited for: the
            // other meetings are served as soon as the server listens, a long log is rebuilt meanwhile
            // (a screen asking for it waits for the same load), and its running slot's timer restarts.
            Future<Integer> recovering = meetings.recoverLive();
            List<Routes> routes = List.of(offices, petitions, new FrontSummaryApi(petitionStore, fieldStore, directory, clock),
                    new PetitionFieldApi(fieldStore, clock), publicPetitions, plans, new AgendaApi(meetings, petitionStore, fieldStore),
                    new FollowUpApi(followUpDesk, followUpStore, ledger, gate, clock),
                    new NoticeApi(meetings, directory, followUpStore, limits, publicUrl, clock),
                    new MinutesApi(meetings, directory, chain),
                    new ReportApi(new ReportStore(pool), fieldStore, directory, gate, clock));
            HttpServer http = listen(new WebServer(vertx, api, accounts, routes, ws, gate, publicUrl), config);
            LOG.info("doithoai listening on {}:{} — open {} (ready in {} ms, {} sockets)",
                    config.host(), http.actualPort(), publicUrl, Duration.ofNanos(System.nanoTime() - began).toMillis(),
                    vertx.isNativeTransportEnabled() ? "epoll" : "Java NIO");
            recovering.onComplete(done -> {
                if (done.succeeded()) {
                    LOG.info("{} live meeting(s) served again, {} ms after the start", done.result(),
                            Duration.ofNanos(System.nanoTime() - began).toMillis());
                } else {
                    LOG.error("Rebuilding the live meetings failed: {}", done.cause().getMessage());
                }
            });
            // The petitions answered by meetings closed before a stop that came too soon for them.
            answers.catchUp().onComplete(done -> {
                if (done.failed()) {
                    LOG.error("The closed meetings' answers to petitions could not be looked for ({}); looking again in a while",
                            done.cause().getMessage());
                } else if (done.result() > 0) {
                    LOG.info("{} closed meeting(s) have petitions to answer still; answering them", done.result());
                }
            });
            // The conclusions of meetings closed before a stop that came too soon to open their follow-ups.
            followUps.catchUp().onComplete(done -> {
                if (done.failed()) {
                    LOG.error("The closed meetings' conclusions to follow could not be looked for ({}); looking again in a while",
                            done.cause().getMessage());
                } else if (done.result() > 0) {
                    LOG.info("{} closed meeting(s) have conclusions still to be followed; opening their follow-ups", done.result());
                }
            });
            return new Server(database, vertx, meetingsVertx, http, publicUrl, meetings);
        } catch (Exception | Error e) {
            vertx.close();
            meetingsVertx.close();
            database.close();
            throw e;
        }
    }

    /** Messages to citizens wait in the outbox; without a mail server they wait until one is configured. */
    private static void startMail(Vertx vertx, OutboxStore outbox, Config config, Clock clock) {
        if (config.smtp().isPresent()) {
            new OutboxSender(vertx, outbox, config.smtp().get(), clock).start();
            LOG.info("Messages to citizens are sent through {}", config.smtp().get().describe());
        } else {
            LOG.info("No mail server configured ({}): messages to citizens wait in the outbox", Config.SMTP_URL);
        }
    }

    /**
     * A Vert.x of its own for the meetings, whose event loops serve no sockets: a meeting's command
     * and its commit are then handled by a thread that is mostly idle, which the kernel runs as
     * soon as it wakes, instead of one busy writing to thousands of screens. In the fan-out
     * benchmark, the slowest 2% of commands spent 12–17 ms instead of 38–82 ms from the chair's
     * frame read to the commit answered.
     */
    private static Vertx startMeetingsVertx() {
        return Vertx.vertx(vertxOptions().setEventLoopPoolSize(MEETING_LOOPS));
    }

    /**
     * Netty's epoll transport where the jar has it (Linux on x86-64), else Java NIO. In the fan-out
     * benchmark it cost 11 % less server CPU for the same 19,400 deliveries a second.
     */
    private static VertxOptions vertxOptions() {
        return new VertxOptions().setPreferNativeTransport(true);
    }

    /** Its connections are made on the event loop of the context that first needs each one. */
    private static Pool pool(Vertx vertx, Database database, int size) {
        return PgBuilder.pool().with(new PoolOptions().setMaxSize(size)).connectingTo(database.connectOptions())
                .using(vertx).build();
    }

    public int port() {
        return http.actualPort();
    }

    public Meetings meetings() {
        return meetings;
    }

    /** The Vert.x the meetings run on: a test holds their snapshot threads through it (see HeldSnapshotThreads). */
    public Vertx meetingsVertx() {
        return meetingsVertx;
    }

    public String publicUrl() {
        return publicUrl;
    }

    @Override
    public void close() throws Exception {
        try {
            // No new screens or commands, then the meetings are saved as they stand, so the next
            // start has no log to replay; a stop that must not wait long gives up on that.
            await(http.close());
            Future<Integer> saved = meetings.snapshotBeforeStop().timeout(STOP_SNAPSHOTS_MS, TimeUnit.MILLISECONDS)
                    .onSuccess(n -> LOG.info("{} meeting(s) saved as snapshots before stopping", n))
                    .onFailure(e -> LOG.warn("The meetings were not all saved as snapshots before stopping: {}",
                            e.getMessage()));
            await(saved.otherwiseEmpty());
        } finally {
            try {
                await(Future.join(vertx.close(), meetingsVertx.close()));
            } finally {
                database.close();
            }
        }
    }

    /** For port 0 (tests): a free port chosen up front, so the public URL is known before listening. */
    private static int freePort() throws java.io.IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** An operator's mistake, said in one line: another program holds the port. */
    public static final class PortInUse extends RuntimeException {
        PortInUse(Config config) {
            super("port " + config.port() + " on " + config.host() + " is already in use; stop what uses it or set"
                    + " DOITHOAI_PORT to another port", null, false, false);
        }
    }

    private static HttpServer listen(WebServer web, Config config) throws Exception {
        try {
            return await(web.listen(config.host(), config.port(), EVENT_LOOPS));
        } catch (java.util.concurrent.ExecutionException e) {
            if (isAddressInUse(e.getCause())) {
                throw new PortInUse(config);
            }
            throw e;
        }
    }

    /** Java NIO says BindException; the epoll transport gives the errno (EADDRINUSE is 98 on Linux). */
    private static boolean isAddressInUse(Throwable bindFailure) {
        return bindFailure instanceof java.net.BindException
                || bindFailure instanceof io.netty.channel.unix.Errors.NativeIoException nativeFailure
                && nativeFailure.expectedErr() == -98;
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
