package vn.doithoai.transport;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/** The HTTP server: the REST API, the WebSocket endpoint and the pages of {@code web/}. */
public final class WebServer {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** Frames above this close the socket (1009); the protocol's own limit is lower and answered politely. */
    static final int MAX_WEBSOCKET_FRAME = 64 * 1024;
    /**
     * What the transport itself takes in one frame or message before it drops the connection. Above
     * the protocol's limit on purpose: a frame up to this size is read whole and the socket closed
     * with 1009 (InboundFrameCheck); cut off mid-frame, the client saw a TCP reset instead.
     */
    static final int TRANSPORT_LIMIT = 1024 * 1024;
    /** The screens; each has its page in web/. */
    static final List<String> SCREENS = List.of("organiser", "accounts", "plan", "petitions", "chair", "secretary", "display",
            "phone", "door", "invitations", "followup", "minutes", "reports");
    /** The pages on the classpath, read for the hashes of their import maps. */
    static final List<String> PAGES = Stream.concat(Stream.of("index"), SCREENS.stream())
            .map(page -> "webroot/" + page + ".html").toList();

    private final Vertx vertx;
    private final RestApi api;
    private final WsEndpoint ws;
    private final StaffGate gate;
    private final AccountApi accounts;
    private final List<Routes> routes;
    private final String publicUrl;

    /** {@code routes}: the other APIs, each behind the staff gate's prefixes or public, in the order they are mounted. */
    public WebServer(Vertx vertx, RestApi api, AccountApi accounts, List<Routes> routes, WsEndpoint ws, StaffGate gate,
                     String publicUrl) {
        this.vertx = vertx;
        this.accounts = accounts;
        this.routes = List.copyOf(routes);
        this.api = api;
        this.ws = ws;
        this.gate = gate;
        this.publicUrl = publicUrl;
    }

    /**
     * One server per event loop on the same port: Vert.x hands each new connection to them in
     * turn, so the screens' sockets are spread over every loop. A single server would keep all
     * of them on one thread, one core for twenty thousand sockets.
     */
    public Future<HttpServer> listen(String host, int port, int eventLoops) {
        Router router = router();
        var first = new java.util.concurrent.atomic.AtomicReference<HttpServer>();
        return vertx.deployVerticle(() -> new VerticleBase() {
                    @Override
                    public Future<?> start() {
                        HttpServer server = vertx.createHttpServer(options()).requestHandler(router);
                        ws.install(server);
                        return server.listen(port, host).onSuccess(s -> first.compareAndSet(null, s));
                    }
                }, new DeploymentOptions().setInstances(eventLoops))
                .map(id -> first.get());
    }

    private Router router() {
        Router router = Router.router(vertx);
        String contentSecurityPolicy = ContentSecurityPolicy.forPages(PAGES);
        router.route().handler(ctx -> {
            ctx.response().putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Content-Security-Policy", contentSecurityPolicy);
            ctx.next();
        });
        router.route("/api/*").handler(BodyHandler.create().setBodyLimit(RestApi.MAX_BODY));
        accounts.mount(router, gate);
        api.mount(router, gate);
        routes.forEach(r -> r.mount(router));
        router.route("/api/*").handler(ctx -> Problem.notFound("địa chỉ API này", "API route").send(ctx, 404));
        router.get("/j/:code").handler(ctx -> ctx.redirect("/phone#join=" + ctx.pathParam("code").replaceAll("[^A-Za-z0-9]", "")));
        router.get(JoinQrCode.PATH).handler(new JoinQrCode(publicUrl, "/j/")::handle);
        router.get(JoinQrCode.NOTICE_PATH).handler(new JoinQrCode(publicUrl, NoticeApi.PAGE_PREFIX)::handle);
        new WebJars().mount(router);
        // The citizens' pages, at short Vietnamese paths they can type from a poster.
        router.route(PublicPetitionApi.FORM_PATH).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> ctx.reroute("/kien-nghi.html"));
        router.route(PublicPetitionApi.TRACKING_PATH).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> ctx.reroute("/tra-cuu.html"));
        for (String notice : List.of("/thong-bao", NoticeApi.PAGE_PREFIX + ":code")) {
            router.route(notice).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> ctx.reroute("/thong-bao.html"));
        }
        for (String screen : SCREENS) {
            // HEAD too: uptime monitors ask that way, and a page that exists must not answer 404.
            router.route("/" + screen).method(HttpMethod.GET).method(HttpMethod.HEAD)
                    .handler(ctx -> ctx.reroute("/" + screen + ".html"));
        }
        router.route().handler(StaticHandler.create("webroot").setCachingEnabled(false)
                // Vert.x names the platform's charset on text files: US-ASCII under a POSIX locale.
                .setDefaultContentEncoding(StandardCharsets.UTF_8.name()));
        router.route().failureHandler(ctx -> {
            int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            if (status >= 500) {
                LOG.error("{} {} failed: {}", ctx.request().method(), ctx.request().path(),
                        ctx.failure() == null ? "status " + status : ctx.failure().toString());
            }
            Problem.of(status == 404 ? Problem.NOT_FOUND : status == 413 ? "TOO_LARGE" : status >= 500 ? Problem.INTERNAL : Problem.BAD_REQUEST,
                    status == 413 ? "Dữ liệu gửi lên quá lớn" : "Yêu cầu không xử lý được (" + status + ")",
                    status == 413 ? "The request body is too large" : "The request could not be handled (" + status + ")")
                    .send(ctx, status);
        });
        return router;
    }

    private static HttpServerOptions options() {
        return new HttpServerOptions()
                .setMaxWebSocketFrameSize(TRANSPORT_LIMIT)
                .setMaxWebSocketMessageSize(TRANSPORT_LIMIT)
                .setCompressionSupported(true)
                // Deflate per socket would cost memory and CPU per screen and undo encoding each event once.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
    }
}
