package org.eigenstudy.backend.researcher;

/** Role names for {@code @RolesAllowed}; the values of the {@code researcher.role} column. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String RESEARCHER = "researcher";

    private Roles() {}
}
