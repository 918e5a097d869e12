package io.marquee.common.security;

/** Role names carried in the JWT {@code groups} claim. */
public final class Roles {

    public static final String USER = "user";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
