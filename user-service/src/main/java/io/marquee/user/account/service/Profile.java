package io.marquee.user.account.service;

import java.time.Instant;

/** What a user (or an admin) sees of an account. */
public record Profile(String id, String name, String email, int age, String gender, Instant createdAt) {
}
