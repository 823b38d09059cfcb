package vn.doithoai.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The role the server runs as, on its embedded PostgreSQL or on an external one whose URL's role
 * may make roles. It may read the record and add to it,
 * and keep the directory (communes, meetings, role links, snapshots); it may not change or remove
 * an event or a command, nor empty their tables, nor set a trigger aside (only the owner of a table
 * may). The superuser owns the schema and runs the migrations.
 */
final class AppRole {

    static final String NAME = "doithoai_app";

    /** The record's tables: read and added to, nothing else. */
    private static final String[] RECORD = {"events", "commands", "ledger"};

    private AppRole() {
    }

    /**
     * Roles belong to the whole server, databases not: the role of database "doithoai" is
     * {@value #NAME}, another database's has its name after (several databases on one server,
     * as in the tests, each with its own role and password).
     */
    static String nameFor(String database) {
        return Database.EMBEDDED_DATABASE.equals(database) ? NAME : NAME + "_" + database.replaceAll("[^A-Za-z0-9_]", "_");
    }

    static String passwordFileFor(String database) {
        return Database.EMBEDDED_DATABASE.equals(database) ? ClusterPasswords.APP_FILE : nameFor(database) + ".password";
    }

    /** Whether the connected role may make roles (a superuser, or CREATEROLE). */
    static boolean mayMakeRoles(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Makes the role if missing, with this password (set again if it changed). */
    static void ensure(Connection maker, String name, String password) throws SQLException {
        try (Statement s = maker.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + name + "') THEN "
                    + "CREATE ROLE " + name + " LOGIN; END IF; END $$");
            s.execute("ALTER ROLE " + name + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'");
        }
    }

    /** What it may do on every table of the schema, after the migrations made them. As the owner. */
    static void grant(Connection owner, String name) throws SQLException {
        try (Statement s = owner.createStatement()) {
            s.execute("GRANT CONNECT ON DATABASE " + owner.getCatalog() + " TO " + name);
            s.execute("GRANT USAGE ON SCHEMA public TO " + name);
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + name);
            s.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + name);
            for (String table : RECORD) {
                s.execute("REVOKE UPDATE, DELETE, TRUNCATE ON " + table + " FROM " + name);
            }
            s.execute("REVOKE ALL ON flyway_schema_history FROM " + name);
        }
    }
}
