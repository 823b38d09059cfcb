package vn.doithoai.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.doithoai.store.RecordChain;

/**
 * {@code bash bin/verify [meeting id]}: walks the chain of every meeting's events (or one meeting's)
 * in PostgreSQL and says, for each, "intact" with its head, or the first event that no longer
 * matches. Exit code 0 when all are intact, 1 when one is not, 2 when it cannot check.
 *
 * <p>Reads the database the server uses (DATABASE_URL, or the embedded one: through its port while
 * the server runs, else started for the check and stopped after).
 */
public final class VerifyRecords {

    private static final String MEETINGS = "SELECT id, title FROM meetings ORDER BY created_at";
    private static final String ONE_MEETING = "SELECT id, title FROM meetings WHERE id = ?";

    private VerifyRecords() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Config config;
        try {
            config = Config.fromEnvironment();
        } catch (Config.ConfigException e) {
            out.println("verify: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            System.exit(verify(config, args.length > 0 ? UUID.fromString(args[0]) : null, out));
        } catch (IllegalArgumentException e) {
            out.println("verify: not a meeting id: " + args[0]);
            System.exit(2);
        } catch (SQLException | Database.DatabaseException e) {
            out.println("verify: cannot read the record: " + e.getMessage());
            System.exit(2);
        }
    }

    /** The exit code: 0 all intact, 1 one is not. */
    public static int verify(Config config, UUID only, PrintStream out) throws SQLException {
        Database started = null;
        try (Connection c = connect(config)) {
            return verify(c, only, out);
        } catch (SQLException notRunning) {
            if (config.database().isPresent()) {
                throw notRunning;
            }
            started = Database.start(config);
            try (Connection c = started.openJdbcConnection()) {
                return verify(c, only, out);
            }
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    private static int verify(Connection c, UUID only, PrintStream out) throws SQLException {
        int broken = 0;
        List<String[]> meetings = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(only == null ? MEETINGS : ONE_MEETING)) {
            if (only != null) {
                ps.setObject(1, only);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    meetings.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        if (meetings.isEmpty()) {
            out.println(only == null ? "no meetings" : "no meeting " + only);
            return only == null ? 0 : 1;
        }
        try (PreparedStatement ps = c.prepareStatement(RecordChain.CHECK.replace("$1", "?::uuid"))) {
            for (String[] m : meetings) {
                ps.setString(1, m[0]);
                ps.setString(2, m[0]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Long firstBroken = rs.getObject("first_broken", Long.class);
                    var result = new RecordChain.Result(rs.getLong("events"), firstBroken,
                            rs.getString("head"), rs.getString("head_at_close"), rs.getLong("acknowledged_up_to"));
                    out.println(line(m[0], m[1], result));
                    if (!result.intact()) {
                        broken++;
                    }
                }
            }
        }
        return broken == 0 ? 0 : 1;
    }

    private static String line(String id, String title, RecordChain.Result r) {
        String what = r.firstBroken() != null ? "BROKEN at event " + r.firstBroken() + " (its content or link no longer matches)"
                : !r.intact() ? "BROKEN: the events after " + r.events() + " are missing (acknowledged up to " + r.acknowledgedUpTo() + ")"
                : "intact, " + r.events() + " events, head " + r.head()
                        + (r.headAtClose() == null ? "" : ", head at the close " + r.headAtClose());
        return id + " «" + title + "»: " + what;
    }

    /** The server's database as it runs: DATABASE_URL, or the embedded one on its port. */
    private static Connection connect(Config config) throws SQLException {
        if (config.database().isPresent()) {
            Config.DatabaseUrl db = config.database().get();
            return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        }
        java.nio.file.Path dataDir = ClusterOwner.placeForData(config);
        String password;
        try {
            password = ClusterPasswords.read(dataDir, ClusterPasswords.SUPERUSER_FILE).orElse(null);
        } catch (java.io.IOException e) {
            throw new SQLException("cannot read the embedded PostgreSQL's password in " + dataDir + ": " + e.getMessage(), e);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + config.embeddedPostgresPort() + "/"
                + Database.EMBEDDED_DATABASE, Database.EMBEDDED_USER, password);
    }
}
