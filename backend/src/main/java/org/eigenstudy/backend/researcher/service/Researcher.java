package org.eigenstudy.backend.researcher.service;

/** A dashboard account; {@code passwordHash} is bcrypt in modular crypt form ({@code $2a$...}). */
public record Researcher(long id, String username, String passwordHash, String role) {

    public boolean isAdmin() {
        return org.eigenstudy.backend.researcher.Roles.ADMIN.equals(role);
    }
}
