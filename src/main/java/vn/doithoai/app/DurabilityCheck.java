package vn.doithoai.app;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The record is official: a command is acknowledged only once PostgreSQL has it on disk. A server
 * run with {@code fsync=off} or {@code synchronous_commit=off} (a tuning tip for test machines)
 * would lose acknowledged commands in a power cut, so the server refuses to start on one and says
 * which setting to change. The embedded server is always started with both on.
 */
final class DurabilityCheck {

    private DurabilityCheck() {
    }

    /** Blocking (JDBC): from the starting thread. */
    static void require(Database database) {
        try (Connection c = database.openJdbcConnection(); Statement s = c.createStatement()) {
            refuseIfOff(s, "fsync");
            refuseIfOff(s, "synchronous_commit");
        } catch (SQLException e) {
            throw new Database.DatabaseException("cannot read PostgreSQL's durability settings at " + database.description()
                    + ": " + e.getMessage(), e);
        }
    }

    private static void refuseIfOff(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            if ("off".equalsIgnoreCase(rs.getString(1))) {
                throw new Database.DatabaseException("PostgreSQL runs with " + setting + "=off: a power cut could lose"
                        + " commands already acknowledged as stored. Set " + setting + " = on (postgresql.conf, or"
                        + " ALTER DATABASE/ROLE … RESET " + setting + ") and start again");
            }
        }
    }
}
