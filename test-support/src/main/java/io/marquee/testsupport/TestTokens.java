package io.marquee.testsupport;

import io.marquee.common.security.Roles;
import io.marquee.common.security.Tokens;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Access tokens for service tests, signed like user-service signs them (RS256, same claims) with a
 * key pair made once per test JVM. {@link JwtKeysResource} points a service's verifier at the
 * matching JWKS, so services are tested against real signature checks, including the hostile
 * cases: expired, wrong key, {@code alg: none}.
 */
public final class TestTokens {

    private static final String KID = "marquee-test";
    private static final KeyPair KEYS = newKeyPair();
    private static final KeyPair STRANGER_KEYS = newKeyPair();
    private static Path jwksFile;

    private TestTokens() {
    }

    /** A valid token for {@code userId} with the {@code user} role. */
    public static String user(String userId) {
        return signed(KEYS, userId, List.of(Roles.USER), Instant.now().plus(Duration.ofMinutes(15)));
    }

    /** A valid token with the {@code user} and {@code admin} roles. */
    public static String admin(String userId) {
        return signed(KEYS, userId, List.of(Roles.USER, Roles.ADMIN), Instant.now().plus(Duration.ofMinutes(15)));
    }

    /** A valid token with exactly these roles (none, or e.g. only a role a service does not know). */
    public static String withRoles(String userId, String... roles) {
        return signed(KEYS, userId, List.of(roles), Instant.now().plus(Duration.ofMinutes(15)));
    }

    /** Correctly signed, but expired an hour ago. */
    public static String expired(String userId) {
        return signed(KEYS, userId, List.of(Roles.USER), Instant.now().minus(Duration.ofHours(1)));
    }

    /** Well-formed, but signed by a key the service does not trust. */
    public static String wrongSignature(String userId) {
        return signed(STRANGER_KEYS, userId, List.of(Roles.USER), Instant.now().plus(Duration.ofMinutes(15)));
    }

    /** The classic forgery: {@code alg: none} and no signature, claiming the admin role. */
    public static String algNone(String userId) {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return header + "." + b64(claims(userId, List.of(Roles.USER, Roles.ADMIN),
                Instant.now().plus(Duration.ofMinutes(15)))) + ".";
    }

    /** {@code Authorization} header value for a token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The JWKS document (public key only) that verifies {@link #user} and {@link #admin} tokens. */
    public static String jwks() {
        RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KID + "\","
                + "\"n\":\"" + b64(unsigned(key.getModulus())) + "\","
                + "\"e\":\"" + b64(unsigned(key.getPublicExponent())) + "\"}]}";
    }

    /** The JWKS written to a temporary file once per JVM, for {@code mp.jwt.verify.publickey.location}. */
    public static synchronized Path jwksFile() {
        if (jwksFile == null) {
            try {
                Path file = Files.createTempFile("marquee-test-jwks", ".json");
                Files.writeString(file, jwks());
                file.toFile().deleteOnExit();
                jwksFile = file;
            } catch (java.io.IOException e) {
                throw new IllegalStateException("could not write the test JWKS", e);
            }
        }
        return jwksFile;
    }

    private static String signed(KeyPair keys, String userId, List<String> roles, Instant expiresAt) {
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}");
        String payload = b64(claims(userId, roles, expiresAt));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String claims(String userId, List<String> roles, Instant expiresAt) {
        long exp = expiresAt.getEpochSecond();
        long iat = Math.min(Instant.now().getEpochSecond(), exp - 60);
        String groups = roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        return "{\"iss\":\"" + Tokens.ISSUER + "\",\"sub\":\"" + json(userId) + "\",\"upn\":\"" + json(userId)
                + "\",\"groups\":[" + groups + "],\"iat\":" + iat + ",\"exp\":" + exp
                + ",\"jti\":\"" + java.util.UUID.randomUUID() + "\"}";
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String b64(String s) {
        return b64(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] bytes = n.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
