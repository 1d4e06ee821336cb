package org.eigenstudy.backend.researcher;

/** Role names for {@code @RolesAllowed}. */
public final class Roles {

    public static final String ADMIN = Researcher.ADMIN;
    public static final String RESEARCHER = Researcher.RESEARCHER;

    private Roles() {}
}
