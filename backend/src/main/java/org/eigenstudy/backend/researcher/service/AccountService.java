package org.eigenstudy.backend.researcher.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eigenstudy.backend.crypto.Secrets;
import org.eigenstudy.backend.domain.Checks;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.researcher.store.ResearcherStore;

/** Dashboard accounts: the rules for a new account and the password check of form login. */
@ApplicationScoped
public class AccountService {

    /** A bcrypt hash (same cost as every account's) of a random password nobody knows. */
    private static final String NO_ACCOUNT = BcryptUtil.bcryptHash(Secrets.token(18));

    @Inject ResearcherStore store;

    @Transactional
    public List<Researcher> list() {
        return store.listByName();
    }

    /** The account that may sign in as {@code username}: it exists and is not disabled. */
    @Transactional
    public Optional<Researcher> find(String username) {
        return store.byUsername(username).filter(r -> !r.disabled());
    }

    /** The logged-in account; not found when it was removed since the login. */
    @Transactional
    public Researcher current(String username) {
        return store.byUsername(username).orElseThrow(() -> DomainException.notFound("account"));
    }

    /** Creates an account after checking every field; conflict when the name is taken. */
    @Transactional
    public Researcher create(String username, String password, String role) {
        Checks checks = new Checks();
        checks.requiredText("username", username, 64);
        if (username != null && !username.matches("[A-Za-z0-9._-]{1,64}")) {
            checks.fail("username", "format", "username may use letters, digits, . _ - (1-64)");
        }
        checkPassword(checks, "password", password);
        if (!Set.of(Roles.ADMIN, Roles.RESEARCHER).contains(role)) {
            checks.fail("role", "enum", "role must be admin or researcher");
        }
        checks.throwIfAny();
        if (store.byUsername(username).isPresent()) {
            throw DomainException.conflict("username '" + username + "' is taken", "exists");
        }
        return store.insert(username, BcryptUtil.bcryptHash(password), role);
    }

    /**
     * Changes the password of {@code username} after checking the current one (a stolen session
     * alone cannot take over the account); 422 on either password.
     */
    @Transactional
    public void changePassword(String username, String current, String replacement) {
        Researcher account = current(username);
        Checks checks = new Checks();
        if (current == null || !BcryptUtil.matches(current, account.passwordHash())) {
            checks.fail("currentPassword", "mismatch", "the current password is not right");
        }
        checkPassword(checks, "newPassword", replacement);
        checks.throwIfAny();
        store.setPasswordHash(account.id(), BcryptUtil.bcryptHash(replacement));
    }

    /**
     * Disables or enables account {@code username} (admins only, checked by the caller): a disabled
     * account's login, cookie and tokens stop working at the next request. Nobody disables their
     * own account, so an admin always remains.
     */
    @Transactional
    public Researcher setDisabled(String caller, String username, boolean disabled) {
        if (disabled && caller.equals(username)) {
            throw DomainException.conflict("you cannot disable your own account", "self");
        }
        if (!store.setDisabled(username, disabled)) {
            throw DomainException.notFound("account " + username);
        }
        return store.byUsername(username).orElseThrow();
    }

    /** One rule for every password an account gets: 12 to 200 characters. */
    private static void checkPassword(Checks checks, String field, String password) {
        if (password == null || password.length() < 12) {
            checks.fail(field, "min-length", "password must have at least 12 characters");
        }
        checks.text(field, password, 200);
    }

    /**
     * The account if {@code password} matches its bcrypt hash. The hash format is the one
     * quarkus-security-jpa wrote before, so existing accounts keep logging in. An unknown name
     * costs the same bcrypt check (against {@link #NO_ACCOUNT}), so the time of a failed login does
     * not tell whether the name exists. Not in a transaction: the lookup is one statement, and the
     * bcrypt check must not hold a pooled connection.
     */
    public Optional<Researcher> verify(String username, String password) {
        Optional<Researcher> account = store.byUsername(username);
        String hash = account.map(Researcher::passwordHash).orElse(NO_ACCOUNT);
        boolean matches = BcryptUtil.matches(password == null ? "" : password, hash);
        // A disabled account is checked like any other, then refused: it looks like a wrong
        // password.
        return matches && password != null ? account.filter(r -> !r.disabled()) : Optional.empty();
    }
}
