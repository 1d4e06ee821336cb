package org.eigenstudy.backend.researcher.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.eigenstudy.backend.crypto.Secrets;
import org.eigenstudy.backend.domain.Checks;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.researcher.store.ApiTokenStore;
import org.eigenstudy.backend.researcher.store.ResearcherStore;
import org.eigenstudy.studyconfig.manifest.Sha256;

/** API tokens: created with a one-time secret, listed and deleted by their owner (or an admin). */
@ApplicationScoped
public class TokenService {

    /** Prefix of every token, so a leaked one is recognisable in logs and secret scanners. */
    static final String PREFIX = "est_";

    @Inject ApiTokenStore tokens;
    @Inject ResearcherStore researchers;
    @Inject AccountService accounts;

    /** A token just created, with its secret (shown once, never stored). */
    public record Created(ApiToken token, String secret) {}

    /** A token with the account that owns it. */
    public record Use(ApiToken token, Researcher owner) {}

    @Transactional
    public List<ApiToken> list(String username) {
        return tokens.forResearcher(accounts.current(username).id());
    }

    @Transactional
    public Created create(String username, String name) {
        Checks checks = new Checks();
        checks.requiredText("name", name, 100);
        checks.throwIfAny();
        Researcher owner = accounts.current(username);
        String secret = PREFIX + Secrets.token(32);
        return new Created(tokens.insert(owner.id(), name, Sha256.of(secret)), secret);
    }

    /**
     * Deletes a token of the caller; an admin may delete anyone's. Others' tokens are not found.
     */
    @Transactional
    public void delete(String username, long id) {
        Researcher me = accounts.current(username);
        ApiToken token =
                tokens.byId(id)
                        .filter(t -> t.researcherId() == me.id() || me.isAdmin())
                        .orElseThrow(() -> DomainException.notFound("token"));
        tokens.delete(token.id());
    }

    /** The token with this secret and its owner, marking it used; empty when unknown. */
    @Transactional
    public Optional<Use> use(String secret) {
        return tokens.useByHash(Sha256.of(secret))
                .flatMap(
                        t ->
                                researchers
                                        .byId(t.researcherId())
                                        .filter(r -> !r.disabled())
                                        .map(r -> new Use(t, r)));
    }
}
