package vn.doithoai.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The role the server runs as on its embedded PostgreSQL. It may read the record and add to it,
 * and keep the directory (communes, meetings, role links, snapshots); it may not change or remove
 * an event or a command, nor empty their tables, nor set a trigger aside (only the owner of a table
 * may). The superuser owns the schema and runs the migrations.
 */
final class AppRole {

    static final String NAME = "doithoai_app";

    /** The record's tables: read and added to, nothing else. */
    private static final String[] RECORD = {"events", "commands"};

    private AppRole() {
    }

    /** Makes the role if missing, with this password (set again if it changed). As the superuser. */
    static void ensure(Connection superuser, String password) throws SQLException {
        try (Statement s = superuser.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + NAME + "') THEN "
                    + "CREATE ROLE " + NAME + " LOGIN; END IF; END $$");
            s.execute("ALTER ROLE " + NAME + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'");
        }
    }

    /** What it may do on every table of the schema, after the migrations made them. As the owner. */
    static void grant(Connection owner) throws SQLException {
        try (Statement s = owner.createStatement()) {
            s.execute("GRANT USAGE ON SCHEMA public TO " + NAME);
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + NAME);
            for (String table : RECORD) {
                s.execute("REVOKE UPDATE, DELETE, TRUNCATE ON " + table + " FROM " + NAME);
            }
            s.execute("REVOKE ALL ON flyway_schema_history FROM " + NAME);
        }
    }
}
