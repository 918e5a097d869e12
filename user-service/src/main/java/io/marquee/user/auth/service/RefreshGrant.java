package io.marquee.user.auth.service;

import java.time.Instant;

/**
 * A stored refresh token, as found by the hash of the token.
 *
 * @param familyId           every token descending from one login shares it; reuse of any
 *                           rotated token revokes the whole family
 * @param credentialsVersion the account's credentials version when the family began
 * @param rotated            whether the token was already exchanged
 */
public record RefreshGrant(String tokenHash, String userId, String familyId, long credentialsVersion,
                           Instant expiresAt, boolean rotated) {
}
