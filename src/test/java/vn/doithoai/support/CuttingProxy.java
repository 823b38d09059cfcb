package vn.doithoai.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy on loopback between the server and PostgreSQL that, once armed, passes on the next
 * client packet that runs a given statement (its text, or a connection that sent that text before),
 * then cuts that connection: PostgreSQL gets the statement, the server never gets its answer. New
 * connections go on as before. Only for the text given before the packets come.
 */
public final class CuttingProxy implements AutoCloseable {

    private final ServerSocket listening;
    private final String targetHost;
    private final int targetPort;
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile String cutAfter;

    public CuttingProxy(String targetHost, int targetPort) throws IOException {
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        Thread acceptor = new Thread(this::accept, "cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listening.getLocalPort();
    }

    /** Watches for connections that send {@code text}; none is cut until {@link #arm}. */
    public void watch(String text) {
        cutAfter = text;
    }

    /** The next packet that runs the watched statement is passed on, then its connection is cut. */
    public void arm() {
        armed.set(true);
    }

    public boolean armed() {
        return armed.get();
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket server = new Socket(targetHost, targetPort);
                AtomicBoolean severed = new AtomicBoolean();
                pump(client, server, true, severed);
                pump(server, client, false, severed);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** {@code severed}: set before the last packet goes on, so that no answer to it comes back. */
    private void pump(Socket from, Socket to, boolean fromClient, AtomicBoolean severed) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            // A prepared statement's text is sent once per connection (Parse); later runs of it are
            // only its name and values (Bind, Execute): a connection that sent the text is watched.
            boolean sentText = false;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (severed.get()) {
                        return;
                    }
                    String chunk = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                    boolean hasText = cutAfter != null && chunk.contains(cutAfter);
                    boolean cut = fromClient && (hasText || sentText) && armed.compareAndSet(true, false);
                    sentText |= hasText;
                    if (cut) {
                        severed.set(true);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    if (cut) {
                        Thread.sleep(200); // PostgreSQL reads and commits the statement meanwhile
                        from.close();
                        to.close();
                        return;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the other side closed, or this one was cut
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }, "cutting-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listening.close();
    }
}
