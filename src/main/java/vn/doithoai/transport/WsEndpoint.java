package vn.doithoai.transport;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.live.Meetings;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one WebSocket endpoint, {@code /ws}. It refuses an upgrade from a foreign browser origin
 * with 403 (a page elsewhere must not drive a meeting with a visitor's link) and sends every
 * screen the server time now and then, so clocks stay corrected.
 */
public final class WsEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(WsEndpoint.class);
    public static final String PATH = "/ws";
    static final long TIME_EVERY_MS = 15_000;
    /**
     * Every 100 ms one slice of the screens gets the time, so 20,000 screens never get it at once.
     * (With a slice a second, each loop of a 20,000-screen server wrote some 300 clock frames in
     * one go, while a chair's command on that loop waited.)
     */
    private static final int TIME_SLICES = (int) (TIME_EVERY_MS / 100);

    private final Admission admission;
    private final Meetings meetings;
    private final Clock clock;
    private final Set<String> allowedOrigins;
    private final Vertx vertx;
    /** Each event loop sends the time to its own screens, with no hand-over between threads. */
    private final RateLimits limits;
    private final Map<EventLoop, TimeSlices> timeByLoop = new ConcurrentHashMap<>();

    public WsEndpoint(Vertx vertx, Admission admission, Meetings meetings, Clock clock, String publicUrl,
                      List<String> allowedOrigins, RateLimits limits) {
        this.vertx = vertx;
        this.limits = limits;
        this.admission = admission;
        this.meetings = meetings;
        this.clock = clock;
        this.allowedOrigins = ConcurrentHashMap.newKeySet();
        this.allowedOrigins.add(origin(publicUrl));
        allowedOrigins.forEach(o -> this.allowedOrigins.add(origin(o)));
    }

    /**
     * Takes the upgrades on the server itself, before any router: a socket then keeps no request
     * or routing context alive, which matters at thousands of idle screens.
     */
    public void install(HttpServer server) {
        server.webSocketHandshakeHandler(this::handshake).webSocketHandler(this::accepted);
    }

    private void handshake(ServerWebSocketHandshake handshake) {
        if (!PATH.equals(handshake.path())) {
            handshake.reject(404);
            return;
        }
        String origin = handshake.headers().get("Origin");
        if (origin != null && !isAllowed(origin, handshake.headers().get("Host"))) {
            LOG.info("Refused a WebSocket from the foreign origin {}", origin);
            handshake.reject(403);
            return;
        }
        handshake.accept();
    }

    private void accepted(ServerWebSocket ws) {
        Context context = Vertx.currentContext();
        var session = new WsSession(ws, context, admission, meetings, clock, limits);
        EventLoop loop = session.loop();
        // Only this loop's thread adds its own key, so the check and the put cannot race.
        TimeSlices time = timeByLoop.get(loop);
        if (time == null) {
            time = new TimeSlices(vertx, clock, TIME_EVERY_MS, TIME_SLICES);
            timeByLoop.put(loop, time);
        }
        session.start(time.add(session::sendTime));
    }

    /**
     * The public URL, a configured origin, or the page's own host when that host is an address
     * (a phone on the hall's network that opened the server by its IP) or localhost. A host
     * name alone is not trusted: a page of attacker.example whose name was pointed at this server
     * (DNS rebinding) sends Origin and Host both as attacker.example.
     */
    private boolean isAllowed(String origin, String host) {
        String o = origin(origin);
        if (allowedOrigins.contains(o)) {
            return true;
        }
        if (host == null || !isAddressOrLocalhost(host)) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return o.equals("http://" + h) || o.equals("https://" + h);
    }

    /** "192.168.1.10:8080", "[::1]:8080", "localhost:8080": no name that someone else's DNS could answer for. */
    static boolean isAddressOrLocalhost(String hostHeader) {
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            return h.indexOf(']') > 0;
        }
        String name = h.contains(":") ? h.substring(0, h.indexOf(':')) : h;
        return name.equals("localhost") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    static String origin(String url) {
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
