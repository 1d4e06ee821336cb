package org.eigenstudy.backend.researcher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.eigenstudy.backend.crypto.Secrets;

/**
 * Creates the account {@code admin} with a random password when there is no account at all, so a
 * fresh installation never has a fixed default password.
 */
@ApplicationScoped
public class FirstAdmin {

    public static final String USERNAME = "admin";

    /** The generated password, when this call created the account (to be shown once). */
    @Transactional
    public Optional<String> ensure() {
        if (Researcher.count() > 0) {
            return Optional.empty();
        }
        String password = Secrets.token(18);
        Researcher.create(USERNAME, password, Roles.ADMIN);
        return Optional.of(password);
    }
}
