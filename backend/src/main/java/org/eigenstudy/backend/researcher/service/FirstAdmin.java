package org.eigenstudy.backend.researcher.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.eigenstudy.backend.crypto.Secrets;
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.researcher.store.ResearcherStore;

/**
 * Creates the account {@code admin} with a random password when there is no account at all, so a
 * fresh installation never has a fixed default password.
 */
@ApplicationScoped
public class FirstAdmin {

    public static final String USERNAME = "admin";

    @Inject ResearcherStore store;

    /** The generated password, when this call created the account (to be shown once). */
    @Transactional
    public Optional<String> ensure() {
        if (store.count() > 0) {
            return Optional.empty();
        }
        String password = Secrets.token(18);
        store.insert(USERNAME, BcryptUtil.bcryptHash(password), Roles.ADMIN);
        return Optional.of(password);
    }
}
