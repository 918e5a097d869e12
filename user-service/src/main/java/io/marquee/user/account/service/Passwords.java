package io.marquee.user.account.service;

import io.marquee.user.config.UsersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt password hashes ({@code $2b$<cost>$...}, salt included). Passwords are NFKC-normalized
 * first (as NIST SP 800-63B suggests), so the same password typed on two keyboards matches.
 * Neither passwords nor hashes are ever logged or returned.
 */
@ApplicationScoped
public class Passwords {

    private static final String VERSION = "2b";

    private final SecureRandom random = new SecureRandom();
    private final int cost;
    /** Checked against when an email is unknown, so that case takes as long as a wrong password. */
    private final String decoy;

    public Passwords(UsersConfig config) {
        this.cost = config.password().bcryptCost();
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("users.password.bcrypt-cost must be 4..31, not " + cost);
        }
        this.decoy = hash("decoy password, never matches");
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] bytes = bytes(password);
        try {
            return OpenBSDBCrypt.generate(VERSION, bytes, salt, cost);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Whether {@code password} matches {@code hash}; with a null hash, spends the same time and says no. */
    public boolean matches(String password, String hash) {
        byte[] bytes = password == null ? null : bytes(password);
        if (bytes == null || bytes.length > AccountRules.PASSWORD_MAX_BYTES) {
            OpenBSDBCrypt.checkPassword(decoy, new byte[1]);
            return false;
        }
        try {
            boolean match = OpenBSDBCrypt.checkPassword(hash == null ? decoy : hash, bytes);
            return hash != null && match;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The bytes bcrypt hashes: NFKC, UTF-8; null if the text has unpaired surrogates. */
    static byte[] bytes(String password) {
        String normalized = Normalizer.normalize(password, Normalizer.Form.NFKC);
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= normalized.length() || !Character.isLowSurrogate(normalized.charAt(i + 1))) {
                    return null;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return null;
            }
        }
        return normalized.getBytes(StandardCharsets.UTF_8);
    }
}
