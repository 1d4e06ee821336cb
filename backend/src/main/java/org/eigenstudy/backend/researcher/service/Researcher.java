package org.eigenstudy.backend.researcher.service;

/**
 * A dashboard account; {@code passwordHash} is bcrypt in modular crypt form ({@code $2a$...}). A
 * {@code disabled} account is kept (its studies and tokens stay) but nothing signs in as it.
 */
public record Researcher(
        long id, String username, String passwordHash, String role, boolean disabled) {

    public boolean isAdmin() {
        return org.eigenstudy.backend.researcher.Roles.ADMIN.equals(role);
    }
}
