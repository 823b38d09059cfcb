package vn.doithoai.store;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import vn.doithoai.access.Account;
import vn.doithoai.access.AccountEvent;
import vn.doithoai.access.AccountRole;
import vn.doithoai.access.AccountRules;
import vn.doithoai.codec.TypeNames;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Named accounts (their events in the ledger, their current state in {@code accounts}), their
 * password hashes and their sessions. All SQL of these is here.
 */
public final class AccountStore {

    public static final String KIND = "account";
    /** A session unused this long ends: a shared office computer left signed in. */
    public static final Duration IDLE = Duration.ofHours(12);
    /** And none lasts longer than this, used or not. */
    public static final Duration LONGEST = Duration.ofDays(30);
    private static final TypeNames<AccountEvent> NAMES = TypeNames.of(AccountEvent.class);

    private static final String COLUMNS = "a.id, a.seq, a.login, a.display_name, a.role, a.commune_id, a.office_id, a.disabled_at";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM accounts a WHERE a.id = $1";
    private static final String IN_COMMUNE = "SELECT " + COLUMNS + " FROM accounts a WHERE a.commune_id = $1 ORDER BY a.login";
    private static final String EVERY = "SELECT " + COLUMNS + " FROM accounts a ORDER BY a.commune_id NULLS FIRST, a.login";
    private static final String ANY = "SELECT EXISTS (SELECT 1 FROM accounts) AS any";
    private static final String UPSERT = """
            INSERT INTO accounts (id, seq, login, login_key, display_name, role, commune_id, office_id, disabled_at, created_at)
            VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, display_name = EXCLUDED.display_name, role = EXCLUDED.role,
                office_id = EXCLUDED.office_id, disabled_at = EXCLUDED.disabled_at""";
    private static final String SET_PASSWORD = """
            INSERT INTO account_passwords (account_id, password_hash, set_at) VALUES ($1, $2, $3)
            ON CONFLICT (account_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, set_at = EXCLUDED.set_at""";
    private static final String CREDENTIAL = "SELECT " + COLUMNS + ", p.password_hash FROM accounts a"
            + " JOIN account_passwords p ON p.account_id = a.id WHERE a.login_key = $1";
    private static final String NEW_SESSION = """
            INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)""";
    /** A live session of an account still enabled, touched in the same statement when found. */
    private static final String USE_SESSION = """
            UPDATE sessions s SET last_seen_at = $2 FROM accounts a
            WHERE s.token_hash = $1 AND a.id = s.account_id AND s.ended_at IS NULL AND a.disabled_at IS NULL
              AND s.last_seen_at > $3 AND s.created_at > $4
            RETURNING\s""" + COLUMNS;
    private static final String END_SESSION = "UPDATE sessions SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL";
    private static final String END_SESSIONS_OF = "UPDATE sessions SET ended_at = $2 WHERE account_id = $1 AND ended_at IS NULL";

    /** An account with its password hash, for signing in. */
    public record Credential(Account account, String passwordHash) {
    }

    /** The login is another account's already. */
    public static final class LoginTaken extends RuntimeException {
        public LoginTaken(String login) {
            super("login " + login + " is taken", null, false, false);
        }
    }

    private final Pool pool;
    private final Ledger ledger;

    public AccountStore(Pool pool, Ledger ledger) {
        this.pool = pool;
        this.ledger = ledger;
    }

    public Future<Optional<Account>> byId(UUID id) {
        return pool.preparedQuery(BY_ID).execute(Tuple.of(id)).map(rows -> first(rows));
    }

    /** Every account of a commune, or with {@code communeId} null every account there is. */
    public Future<List<Account>> list(UUID communeId) {
        Future<RowSet<Row>> rows = communeId == null ? pool.query(EVERY).execute()
                : pool.preparedQuery(IN_COMMUNE).execute(Tuple.of(communeId));
        return rows.map(found -> {
            List<Account> accounts = new ArrayList<>();
            found.forEach(row -> accounts.add(account(row)));
            return accounts;
        });
    }

    public Future<Boolean> anyAccount() {
        return pool.query(ANY).execute().map(rows -> rows.iterator().next().getBoolean("any"));
    }

    public Future<Optional<Credential>> credential(String loginKey) {
        return pool.preparedQuery(CREDENTIAL).execute(Tuple.of(loginKey)).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            Row row = it.next();
            return Optional.of(new Credential(account(row), row.getString("password_hash")));
        });
    }

    /**
     * Appends an account's new events and brings its row up to date, with a new password hash when
     * given; a disabled account's sessions end in the same transaction.
     */
    public Future<Account> record(Account before, UUID id, List<AccountEvent> events, String passwordHash, String actor,
                                  Instant at) {
        Account after = before;
        long seq = before == null ? 0 : before.seq();
        for (AccountEvent event : events) {
            after = AccountRules.apply(after, id, ++seq, event);
        }
        Account result = after;
        var stream = new Ledger.Stream(KIND, id, result.communeId());
        return pool.withTransaction(tx -> ledger.append(tx, stream, before == null ? 0 : before.seq(), events, NAMES, actor, at)
                .compose(last -> upsert(tx, result, at))
                .compose(v -> passwordHash == null ? Future.succeededFuture()
                        : tx.preparedQuery(SET_PASSWORD).execute(Tuple.of(id, passwordHash, at.atOffset(ZoneOffset.UTC))).mapEmpty())
                .compose(v -> result.disabled() ? tx.preparedQuery(END_SESSIONS_OF).execute(Tuple.of(id, at.atOffset(ZoneOffset.UTC))).mapEmpty()
                        : Future.succeededFuture())
                .map(v -> result));
    }

    public Future<Void> openSession(String tokenHash, UUID accountId, Instant at) {
        return pool.preparedQuery(NEW_SESSION).execute(Tuple.of(tokenHash, accountId, at.atOffset(ZoneOffset.UTC))).mapEmpty();
    }

    /** The account of a live session, which counts as used now; empty when ended, expired or disabled. */
    public Future<Optional<Account>> useSession(String tokenHash, Instant now) {
        Tuple args = Tuple.of(tokenHash, now.atOffset(ZoneOffset.UTC), now.minus(IDLE).atOffset(ZoneOffset.UTC),
                now.minus(LONGEST).atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(USE_SESSION).execute(args).map(AccountStore::first);
    }

    /** Every session of an account ends (its password was set anew by the operator). */
    public Future<Void> endSessionsOf(UUID accountId, Instant at) {
        return pool.preparedQuery(END_SESSIONS_OF).execute(Tuple.of(accountId, at.atOffset(ZoneOffset.UTC))).mapEmpty();
    }

    public Future<Void> endSession(String tokenHash, Instant at) {
        return pool.preparedQuery(END_SESSION).execute(Tuple.of(tokenHash, at.atOffset(ZoneOffset.UTC))).mapEmpty();
    }

    private static Future<Void> upsert(SqlClient tx, Account a, Instant at) {
        Tuple row = Tuple.tuple().addValue(a.id()).addValue(a.seq()).addValue(a.login()).addValue(a.name())
                .addValue(a.role().name()).addValue(a.communeId()).addValue(a.officeId())
                .addValue(a.disabled() ? at.atOffset(ZoneOffset.UTC) : null).addValue(at.atOffset(ZoneOffset.UTC));
        return tx.preparedQuery(UPSERT).execute(row).<Void>mapEmpty().recover(failure -> Future.failedFuture(
                failure instanceof PgException pg && "accounts_login_key_key".equals(pg.getConstraint())
                        ? new LoginTaken(a.login()) : failure));
    }

    private static Optional<Account> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(account(it.next())) : Optional.empty();
    }

    private static Account account(Row r) {
        return new Account(r.getUUID("id"), r.getLong("seq"), r.getString("login"), r.getString("display_name"),
                AccountRole.valueOf(r.getString("role")), r.getUUID("commune_id"), r.getUUID("office_id"),
                r.getOffsetDateTime("disabled_at") != null);
    }
}
