package vn.doithoai.transport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doithoai.access.Account;
import vn.doithoai.access.AccountCommand;
import vn.doithoai.access.AccountEvent;
import vn.doithoai.access.AccountRole;
import vn.doithoai.access.AccountRules;
import vn.doithoai.access.Action;
import vn.doithoai.access.Caller;
import vn.doithoai.access.PasswordHash;
import vn.doithoai.access.Passwords;
import vn.doithoai.access.Secrets;
import vn.doithoai.access.SignInLimits;
import vn.doithoai.rules.Refusal;
import vn.doithoai.rules.Ruling;
import vn.doithoai.store.AccountStore;
import vn.doithoai.store.OfficeStore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Signing in and out, and the named accounts (docs/api.md). Passwords are checked and hashed
 * (Argon2id, tens of milliseconds) on worker threads.
 */
public final class AccountApi {

    private static final Logger LOG = LoggerFactory.getLogger(AccountApi.class);
    /** The first administrator's login; its password is the organiser secret until changed. */
    public static final String FIRST_ADMIN = "admin";
    /** Checked when the login is unknown, so that a wrong login takes as long as a wrong password. */
    private static final String DUMMY_HASH = PasswordHash.of("doithoai-no-such-account");

    record SignIn(String login, String password) {
    }

    record NewAccount(String login, String name, AccountRole role, UUID communeId, UUID officeId, String password) {
    }

    record AccountChange(String name, AccountRole role, UUID officeId) {
    }

    record NewPassword(String password, String currentPassword) {
    }

    record Administrator(String password) {
    }

    private final Vertx vertx;
    private final AccountStore accounts;
    private final OfficeStore offices;
    private final SignInLimits limits;
    private final Clock clock;
    private final OrganiserGate organiser;

    public AccountApi(Vertx vertx, AccountStore accounts, OfficeStore offices, SignInLimits limits, OrganiserGate organiser,
                      Clock clock) {
        this.vertx = vertx;
        this.organiser = organiser;
        this.accounts = accounts;
        this.offices = offices;
        this.limits = limits;
        this.clock = clock;
    }

    /** The sign-in is public; every other route goes behind {@code gate}. */
    public void mount(Router router, StaffGate gate) {
        router.post("/api/session").handler(this::signIn);
        router.post("/api/setup/administrator").handler(this::administrator);
        router.route("/api/session").handler(gate);
        router.get("/api/session").handler(ctx -> Rest.respond(ctx, 200, Future.succeededFuture(whoAmI(StaffGate.caller(ctx)))));
        router.delete("/api/session").handler(this::signOut);
        router.route("/api/accounts*").handler(gate);
        router.get("/api/accounts").handler(this::list);
        router.post("/api/accounts").handler(this::open);
        router.put("/api/accounts/:accountId").handler(this::change);
        router.post("/api/accounts/:accountId/disable").handler(ctx -> simple(ctx, new AccountCommand.Disable()));
        router.post("/api/accounts/:accountId/enable").handler(ctx -> simple(ctx, new AccountCommand.Enable()));
        router.put("/api/accounts/:accountId/password").handler(this::changePassword);
    }

    /** At the first start: an administrator of every commune, whose password is the organiser secret. */
    public Future<Boolean> ensureFirstAdministrator(String organiserSecretHash) {
        if (!PasswordHash.isArgon2id(organiserSecretHash)) {
            return Future.succeededFuture(false); // an old secret: made at the next start, once upgraded
        }
        return accounts.anyAccount().compose(any -> {
            if (any) {
                return Future.succeededFuture(false);
            }
            Ruling<AccountEvent> ruling = AccountRules.decide(null,
                    new AccountCommand.Open(FIRST_ADMIN, "Quản trị viên", AccountRole.ADMIN, null, null), null);
            return accounts.record(null, UUID.randomUUID(), List.copyOf(ruling.events()), organiserSecretHash,
                    Caller.OPERATOR_ACTOR, clock.instant()).map(account -> {
                        LOG.info("First administrator created: sign in as '{}' with the organiser secret, then change its password",
                                FIRST_ADMIN);
                        return true;
                    });
        });
    }

    /**
     * What the organiser secret is for ({@code Authorization: Bearer <secret>}): the first administrator
     * {@value #FIRST_ADMIN}, made when missing (an install whose secret was kept in an older form) or,
     * when its password is lost, given a new one (by default the secret itself), enabled, and its
     * sessions ended. Guesses count as wrong sign-ins of that login.
     */
    private void administrator(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String secret = header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
        String address = Optional.ofNullable(ClientAddress.of(ctx.request().remoteAddress(), ctx.request().headers())).orElse("local");
        if (tooMany(ctx, FIRST_ADMIN, address)) {
            return;
        }
        String text = ctx.body().asString();
        Optional<Administrator> body = text == null || text.isBlank() ? Optional.of(new Administrator(null)) : Rest.body(ctx, Administrator.class);
        if (body.isEmpty()) {
            return;
        }
        String chosen = body.get().password();
        Refusal weak = chosen == null ? null : Passwords.check(chosen);
        if (weak != null) {
            Rest.refuse(ctx, weak);
            return;
        }
        organiser.admits(vertx, secret).onComplete(right -> {
            if (right.failed() || !right.result()) {
                limits.failed(FIRST_ADMIN, address);
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                Problem.of(Problem.UNAUTHORISED, "Cần mật khẩu người tổ chức", "The organiser secret is required").send(ctx, 401);
                return;
            }
            String password = chosen != null ? chosen : secret;
            Future<Account> done = accounts.credential(FIRST_ADMIN).compose(found -> vertx.executeBlocking(() -> PasswordHash.of(password), false)
                    .compose(hash -> found.isEmpty() ? openFirstAdministrator(hash) : restore(found.get().account(), hash)));
            done.onComplete(saved -> {
                if (saved.failed()) {
                    Rest.fail(ctx, saved.cause());
                } else {
                    LOG.info("The organiser secret {} the first administrator '{}'", saved.result().seq() == 1 ? "made" : "set a new password for",
                            FIRST_ADMIN);
                    Rest.respond(ctx, saved.result().seq() == 1 ? 201 : 200, Future.succeededFuture(saved.result()));
                }
            });
        });
    }

    private Future<Account> openFirstAdministrator(String hash) {
        Ruling<AccountEvent> ruling = AccountRules.decide(null,
                new AccountCommand.Open(FIRST_ADMIN, "Quản trị viên", AccountRole.ADMIN, null, null), null);
        return accounts.record(null, UUID.randomUUID(), List.copyOf(ruling.events()), hash, Caller.OPERATOR_ACTOR, clock.instant());
    }

    /** A new password, the account enabled again, and whoever was signed in with the old one signed out. */
    private Future<Account> restore(Account admin, String hash) {
        var events = new java.util.ArrayList<AccountEvent>(AccountRules.decide(admin, new AccountCommand.ChangePassword(), null).events());
        if (admin.disabled()) {
            events.add(new AccountEvent.AccountEnabled());
        }
        return accounts.record(admin, admin.id(), events, hash, Caller.OPERATOR_ACTOR, clock.instant())
                .compose(after -> accounts.endSessionsOf(admin.id(), clock.instant()).map(after));
    }

    private boolean tooMany(RoutingContext ctx, String key, String address) {
        Duration wait = limits.wait(key, address);
        if (wait.isZero() || wait.isNegative()) {
            return false;
        }
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        ctx.response().putHeader("Retry-After", Long.toString(wait.toSeconds()));
        Problem.of("SIGN_IN_LIMITED", "Đăng nhập sai quá nhiều lần. Hãy thử lại sau " + minutes + " phút",
                "Too many wrong sign-ins. Try again in " + minutes + (minutes == 1 ? " minute" : " minutes")).send(ctx, 429);
        return true;
    }

    private void signIn(RoutingContext ctx) {
        Optional<SignIn> body = Rest.body(ctx, SignIn.class);
        if (body.isEmpty()) {
            return;
        }
        String key = AccountRules.loginKey(body.get().login());
        String password = body.get().password();
        if (key.isEmpty() || password == null || password.isEmpty()) {
            Problem.of(Refusal.FIELD_MISSING, "Hãy nhập tên đăng nhập và mật khẩu", "Enter your login and password").send(ctx, 400);
            return;
        }
        String address = Optional.ofNullable(ClientAddress.of(ctx.request().remoteAddress(), ctx.request().headers())).orElse("local");
        if (tooMany(ctx, key, address)) {
            return;
        }
        accounts.credential(key)
                .compose(found -> vertx.executeBlocking(() -> PasswordHash.matches(password,
                        found.map(AccountStore.Credential::passwordHash).orElse(DUMMY_HASH)) ? found : Optional.<AccountStore.Credential>empty(), false))
                .onComplete(checked -> {
                    if (checked.failed()) {
                        Rest.fail(ctx, checked.cause());
                    } else if (checked.result().isEmpty()) {
                        limits.failed(key, address);
                        LOG.info("Wrong sign-in for login '{}' from {}", key, address);
                        Problem.of("WRONG_CREDENTIALS", "Tên đăng nhập hoặc mật khẩu không đúng",
                                "Wrong login or password").send(ctx, 401);
                    } else if (checked.result().get().account().disabled()) {
                        Problem.of("ACCOUNT_DISABLED", "Tài khoản này đã bị khóa; hãy hỏi người quản trị",
                                "This account is disabled; ask an administrator").send(ctx, 403);
                    } else {
                        limits.succeeded(key);
                        startSession(ctx, checked.result().get().account());
                    }
                });
    }

    private void startSession(RoutingContext ctx, Account account) {
        String token = Secrets.newToken();
        accounts.openSession(Secrets.hash(token), account.id(), clock.instant()).onComplete(opened -> {
            if (opened.failed()) {
                Rest.fail(ctx, opened.cause());
                return;
            }
            SessionCookie.set(ctx, token);
            Rest.respond(ctx, 200, Future.succeededFuture(whoAmI(new Caller(account))));
        });
    }

    private void signOut(RoutingContext ctx) {
        String token = SessionCookie.read(ctx);
        Future<Void> ended = token == null ? Future.succeededFuture() : accounts.endSession(Secrets.hash(token), clock.instant());
        ended.onComplete(done -> {
            SessionCookie.clear(ctx);
            if (done.failed()) {
                Rest.fail(ctx, done.cause());
            } else {
                ctx.response().setStatusCode(204).end();
            }
        });
    }

    private static Map<String, Object> whoAmI(Caller caller) {
        return Map.of("account", caller.account(), "roleLabel", Map.of("vi", caller.account().role().vi, "en", caller.account().role().en));
    }

    private void list(RoutingContext ctx) {
        String commune = ctx.request().getParam("communeId");
        UUID communeId;
        try {
            communeId = commune == null || commune.isEmpty() ? null : UUID.fromString(commune);
        } catch (IllegalArgumentException e) {
            Problem.of(Refusal.FIELD_INVALID, "Mã xã không đúng", "Invalid commune id").send(ctx, 400);
            return;
        }
        if (StaffGate.allowed(ctx, Action.MANAGE_ACCOUNTS, communeId)) {
            Rest.respond(ctx, 200, accounts.list(communeId).map(list -> Map.of("accounts", list)));
        }
    }

    private void open(RoutingContext ctx) {
        Optional<NewAccount> body = Rest.body(ctx, NewAccount.class);
        if (body.isEmpty() || !StaffGate.allowed(ctx, Action.MANAGE_ACCOUNTS, body.get().communeId())) {
            return;
        }
        NewAccount a = body.get();
        Ruling<AccountEvent> ruling = AccountRules.decide(null, new AccountCommand.Open(a.login(), a.name(), a.role(), a.communeId(), a.officeId()), null);
        Refusal problem = ruling.accepted() ? Passwords.check(a.password()) : ruling.refusal();
        if (problem != null) {
            Rest.refuse(ctx, problem);
            return;
        }
        officeOfCommune(a.officeId(), a.communeId())
                .compose(fits -> fits ? vertx.executeBlocking(() -> PasswordHash.of(a.password()), false) : Future.succeededFuture((String) null))
                .onComplete(hashed -> {
                    if (hashed.succeeded() && hashed.result() == null) {
                        Problem.of(Refusal.FIELD_INVALID, "Cơ quan không thuộc xã này", "The office is not of this commune").send(ctx, 400);
                    } else if (hashed.failed()) {
                        Rest.fail(ctx, hashed.cause());
                    } else {
                        save(ctx, 201, null, UUID.randomUUID(), ruling, hashed.result());
                    }
                });
    }

    private void change(RoutingContext ctx) {
        withAccount(ctx, (account, caller) -> Rest.body(ctx, AccountChange.class).ifPresent(c -> {
            Ruling<AccountEvent> ruling = AccountRules.decide(account, new AccountCommand.Change(c.name(), c.role(), c.officeId()), selfId(caller));
            if (!ruling.accepted()) {
                Rest.refuse(ctx, ruling.refusal());
                return;
            }
            officeOfCommune(c.officeId(), account.communeId()).onComplete(fits -> {
                if (fits.failed()) {
                    Rest.fail(ctx, fits.cause());
                } else if (!fits.result()) {
                    Problem.of(Refusal.FIELD_INVALID, "Cơ quan không thuộc xã này", "The office is not of this commune").send(ctx, 400);
                } else {
                    save(ctx, 200, account, account.id(), ruling, null);
                }
            });
        }), true);
    }

    private void simple(RoutingContext ctx, AccountCommand command) {
        withAccount(ctx, (account, caller) -> {
            Ruling<AccountEvent> ruling = AccountRules.decide(account, command, selfId(caller));
            if (ruling.accepted()) {
                save(ctx, 200, account, account.id(), ruling, null);
            } else {
                Rest.refuse(ctx, ruling.refusal());
            }
        }, true);
    }

    /** An administrator sets anyone else's password in the commune; an account its own, with its current one. */
    private void changePassword(RoutingContext ctx) {
        withAccount(ctx, (account, caller) -> Rest.body(ctx, NewPassword.class).ifPresent(p -> {
            Refusal problem = Passwords.check(p.password());
            if (problem != null) {
                Rest.refuse(ctx, problem);
                return;
            }
            // One's own password only with the current one, administrators too: a browser left signed in
            // must not be enough to take the account over.
            boolean own = account.id().equals(selfId(caller));
            Future<Boolean> proven = own ? accounts.credential(account.login()).compose(c -> vertx.executeBlocking(() ->
                    p.currentPassword() != null && c.isPresent() && PasswordHash.matches(p.currentPassword(), c.get().passwordHash()), false))
                    : Future.succeededFuture(true);
            proven.compose(ok -> ok ? vertx.executeBlocking(() -> PasswordHash.of(p.password()), false) : Future.succeededFuture((String) null))
                    .onComplete(hashed -> {
                        if (hashed.failed()) {
                            Rest.fail(ctx, hashed.cause());
                        } else if (hashed.result() == null) {
                            Problem.of("WRONG_CREDENTIALS", "Mật khẩu hiện tại không đúng", "The current password is wrong").send(ctx, 403);
                        } else {
                            save(ctx, 200, account, account.id(), AccountRules.decide(account, new AccountCommand.ChangePassword(), null),
                                    hashed.result());
                        }
                    });
        }), false);
    }

    private interface WithAccount {
        void run(Account account, Caller caller);
    }

    /** Finds the account of the path; {@code adminOnly}: the caller must manage accounts in its commune (else its own account will do). */
    private void withAccount(RoutingContext ctx, WithAccount then, boolean adminOnly) {
        Rest.uuid(ctx, "accountId").ifPresent(id -> accounts.byId(id).onComplete(found -> {
            Caller caller = StaffGate.caller(ctx);
            if (found.failed()) {
                Rest.fail(ctx, found.cause());
            } else if (found.result().isEmpty()) {
                Problem.notFound("tài khoản", "account").send(ctx, 404);
            } else if (!adminOnly && id.equals(selfId(caller))
                    || StaffGate.allowed(ctx, Action.MANAGE_ACCOUNTS, found.result().get().communeId())) {
                then.run(found.result().get(), caller);
            }
        }));
    }

    private Future<Boolean> officeOfCommune(UUID officeId, UUID communeId) {
        if (officeId == null) {
            return Future.succeededFuture(true);
        }
        return offices.byId(officeId).map(o -> o.isPresent() && !o.get().retired() && o.get().communeId().equals(communeId));
    }

    private void save(RoutingContext ctx, int status, Account before, UUID id, Ruling<AccountEvent> ruling, String passwordHash) {
        accounts.record(before, id, List.copyOf(ruling.events()), passwordHash, StaffGate.caller(ctx).actor(), clock.instant())
                .onComplete(saved -> {
                    if (saved.succeeded()) {
                        Rest.respond(ctx, status, Future.succeededFuture(saved.result()));
                    } else if (saved.cause() instanceof AccountStore.LoginTaken) {
                        Problem.of("LOGIN_TAKEN", "Tên đăng nhập này đã có người dùng", "This login is taken").send(ctx, 409);
                    } else {
                        Rest.fail(ctx, saved.cause());
                    }
                });
    }

    private static UUID selfId(Caller caller) {
        return caller.account().id();
    }
}
