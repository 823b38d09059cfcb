package vn.doithoai.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bare limit for fan-out: a Vert.x WebSocket server with no rules and no database. A socket
 * says {@code HELLO <room>} and gets a welcome; {@code CMD <id> <bytes>} makes one event frame of
 * about that size, with the room's next seq, written to every socket of the room (the sender
 * too), then acknowledged — the same frame shapes the load generator reads from doithoai.
 * Run as its own JVM: {@code java -Xmx… -cp … vn.doithoai.bench.BareBroadcaster <port>}.
 */
public final class BareBroadcaster {

    private record Room(List<ServerWebSocket> sockets, AtomicLong seq) {
    }

    private BareBroadcaster() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true)); // the server's transport
        Map<String, Room> rooms = new ConcurrentHashMap<>();
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .webSocketHandler(ws -> {
                    String[] joined = new String[1];
                    ws.textMessageHandler(text -> {
                        if (text.startsWith("HELLO ")) {
                            joined[0] = text.substring(6).trim();
                            rooms.computeIfAbsent(joined[0], r -> new Room(new CopyOnWriteArrayList<>(), new AtomicLong()))
                                    .sockets().add(ws);
                            ws.writeTextMessage("{\"type\":\"welcome\",\"seq\":" + rooms.get(joined[0]).seq().get() + "}");
                        } else if (text.startsWith("CMD ") && joined[0] != null) {
                            String[] parts = text.split(" ");
                            Room room = rooms.get(joined[0]);
                            long seq = room.seq().incrementAndGet();
                            String head = "{\"type\":\"event\",\"seq\":" + seq + ",\"name\":\"SlotExtended\",\"data\":\"";
                            int pad = Math.max(0, Integer.parseInt(parts[2]) - head.length() - 2);
                            String frame = head + "x".repeat(pad) + "\"}";
                            for (ServerWebSocket s : room.sockets()) {
                                if (!s.writeQueueFull()) {
                                    s.writeTextMessage(frame);
                                }
                            }
                            ws.writeTextMessage("{\"type\":\"ack\",\"id\":\"" + parts[1] + "\",\"firstSeq\":" + seq
                                    + ",\"lastSeq\":" + seq + ",\"duplicate\":false}");
                        }
                    });
                    ws.closeHandler(v -> {
                        if (joined[0] != null) {
                            rooms.get(joined[0]).sockets().remove(ws);
                        }
                    });
                })
                .listen()
                .onSuccess(s -> System.out.println("READY " + s.actualPort()))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }
}
