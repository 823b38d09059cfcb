package vn.doithoai.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Who and what the server knows besides the event logs: communes, meetings with their join
 * codes, the hashed role tokens and the organiser's hashed secret. All SQL of these is here.
 */
public final class Directory {

    private static final String INSERT_COMMUNE = "INSERT INTO communes (id, name, province) VALUES ($1, $2, $3) RETURNING created_at";
    private static final String COMMUNES = "SELECT id, name, province, created_at FROM communes ORDER BY created_at";
    private static final String COMMUNE = "SELECT id, name, province, created_at FROM communes WHERE id = $1";
    private static final String MEETING_COLUMNS = "SELECT id, commune_id, join_code, status, title, scheduled_at, created_at, closed_at FROM meetings ";
    private static final String INSERT_MEETING = """
            INSERT INTO meetings (id, commune_id, join_code, status, title, scheduled_at)
            VALUES ($1, $2, $3, $4, $5, $6)""";
    private static final String INSERT_TOKEN = "INSERT INTO role_tokens (token_hash, meeting_id, role) VALUES ($1, $2, $3)";
    private static final String REVOKE_TOKENS = "UPDATE role_tokens SET revoked_at = now() WHERE meeting_id = $1 AND revoked_at IS NULL";
    /** The token's meeting with it: a staff screen's hello costs one round trip, not two. */
    private static final String ACCESS = """
            SELECT m.id, m.commune_id, m.join_code, m.status, m.title, m.scheduled_at, m.created_at, m.closed_at, t.role
            FROM role_tokens t JOIN meetings m ON m.id = t.meeting_id
            WHERE t.token_hash = $1 AND t.revoked_at IS NULL""";
    private static final String SECRET = "SELECT secret_hash FROM organiser_secret WHERE id = 1";
    private static final String SET_SECRET = """
            INSERT INTO organiser_secret (id, secret_hash) VALUES (1, $1)
            ON CONFLICT (id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, created_at = now()""";

    public record Commune(UUID id, String name, String province, Instant createdAt) {
    }

    public record MeetingRow(UUID id, UUID communeId, String joinCode, String status, String title,
                             Instant scheduledAt, Instant createdAt, Instant closedAt) {
    }

    /** What a role token opens: a seat in this meeting. */
    public record Access(MeetingRow meeting, String role) {
    }

    private final Pool pool;

    public Directory(Pool pool) {
        this.pool = pool;
    }

    public <T> Future<T> inTransaction(Function<SqlClient, Future<T>> work) {
        return pool.withTransaction(work::apply);
    }

    public Future<Commune> createCommune(String name, String province) {
        UUID id = UUID.randomUUID();
        return pool.preparedQuery(INSERT_COMMUNE).execute(Tuple.of(id, name, province))
                .map(rows -> new Commune(id, name, province, instant(rows.iterator().next(), "created_at")));
    }

    public Future<List<Commune>> communes() {
        return pool.query(COMMUNES).execute().map(Directory::toCommunes);
    }

    public Future<Optional<Commune>> commune(UUID id) {
        return pool.preparedQuery(COMMUNE).execute(Tuple.of(id)).map(rows -> toCommunes(rows).stream().findFirst());
    }

    public Future<Void> insertMeeting(SqlClient conn, MeetingRow m, Map<String, String> roleByTokenHash) {
        Tuple meeting = Tuple.of(m.id(), m.communeId(), m.joinCode(), m.status(), m.title(), offset(m.scheduledAt()));
        return conn.preparedQuery(INSERT_MEETING).execute(meeting)
                .compose(r -> insertTokens(conn, m.id(), roleByTokenHash));
    }

    /** New role links for a meeting; the old ones stop working. */
    public Future<Void> replaceTokens(UUID meetingId, Map<String, String> roleByTokenHash) {
        return pool.withTransaction(conn -> conn.preparedQuery(REVOKE_TOKENS).execute(Tuple.of(meetingId))
                .compose(r -> insertTokens(conn, meetingId, roleByTokenHash)));
    }

    public Future<List<MeetingRow>> meetingsOf(UUID communeId) {
        return meetings("WHERE commune_id = $1 ORDER BY scheduled_at NULLS LAST, created_at", Tuple.of(communeId));
    }

    public Future<Optional<MeetingRow>> meeting(UUID id) {
        return meetings("WHERE id = $1", Tuple.of(id)).map(list -> list.stream().findFirst());
    }

    public Future<Optional<MeetingRow>> meetingByJoinCode(String joinCode) {
        return meetings("WHERE join_code = $1", Tuple.of(joinCode)).map(list -> list.stream().findFirst());
    }

    /** The meetings that were live when the server stopped: rebuilt at start. */
    public Future<List<MeetingRow>> liveMeetings() {
        return meetings("WHERE status IN ('REGISTRATION_OPEN', 'IN_PROGRESS')", Tuple.tuple());
    }

    public Future<Optional<Access>> access(String tokenHash) {
        return pool.preparedQuery(ACCESS).execute(Tuple.of(tokenHash)).map(rows -> {
            for (Row row : rows) {
                return Optional.of(new Access(meetingRow(row), row.getString("role")));
            }
            return Optional.empty();
        });
    }

    public Future<Optional<String>> organiserSecretHash() {
        return pool.query(SECRET).execute().map(rows -> {
            for (Row row : rows) {
                return Optional.of(row.getString("secret_hash"));
            }
            return Optional.empty();
        });
    }

    public Future<Void> setOrganiserSecretHash(String hash) {
        return pool.preparedQuery(SET_SECRET).execute(Tuple.of(hash)).mapEmpty();
    }

    private Future<Void> insertTokens(SqlClient conn, UUID meetingId, Map<String, String> roleByTokenHash) {
        var rows = new ArrayList<Tuple>();
        roleByTokenHash.forEach((hash, role) -> rows.add(Tuple.of(hash, meetingId, role)));
        return conn.preparedQuery(INSERT_TOKEN).executeBatch(rows).mapEmpty();
    }

    private Future<List<MeetingRow>> meetings(String where, Tuple params) {
        return pool.preparedQuery(MEETING_COLUMNS + where).execute(params).map(rows -> {
            var list = new ArrayList<MeetingRow>(rows.size());
            for (Row row : rows) {
                list.add(meetingRow(row));
            }
            return list;
        });
    }

    private static MeetingRow meetingRow(Row row) {
        return new MeetingRow(row.getUUID("id"), row.getUUID("commune_id"), row.getString("join_code"),
                row.getString("status"), row.getString("title"), instant(row, "scheduled_at"), instant(row, "created_at"),
                instant(row, "closed_at"));
    }

    private static List<Commune> toCommunes(RowSet<Row> rows) {
        var list = new ArrayList<Commune>(rows.size());
        for (Row row : rows) {
            list.add(new Commune(row.getUUID("id"), row.getString("name"), row.getString("province"),
                    instant(row, "created_at")));
        }
        return list;
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime offset(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
