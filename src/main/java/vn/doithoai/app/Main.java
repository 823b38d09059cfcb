package vn.doithoai.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the server from the environment's settings; stops cleanly on Ctrl-C or SIGTERM. */
public final class Main {

    static {
        // Under a POSIX locale (systemd, cron, a bare container) the JVM would write the log as
        // ASCII, every Vietnamese letter a "?": the console is UTF-8 whatever the locale. Before
        // the first logger, which writes to System.out.
        System.setOut(utf8(FileDescriptor.out));
        System.setErr(utf8(FileDescriptor.err));
    }

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.fromEnvironment();
        } catch (Config.ConfigException e) {
            System.err.println("doithoai: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("doithoai: starting with {}", config);
        Server server;
        try {
            server = Server.start(config);
        } catch (Database.DatabaseException | Migrations.MigrationException | Server.PortInUse e) {
            System.err.println("doithoai: " + e.getMessage());
            System.exit(1);
            return;
        } catch (Exception e) {
            LOG.error("doithoai: could not start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("doithoai: shutting down");
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("doithoai: shutdown was not clean: {}", e.getMessage());
            }
        }, "doithoai-shutdown"));
    }

    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
    }
}
