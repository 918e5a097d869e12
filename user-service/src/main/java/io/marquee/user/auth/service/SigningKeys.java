package io.marquee.user.auth.service;

import io.marquee.user.config.UsersConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The RSA key that signs access tokens, and its public half as a JWKS. Loaded once at startup:
 * <ul>
 * <li>production: from {@code users.jwt.private-key-location}, a PEM file (PKCS#8) mounted from a
 * Secret;</li>
 * <li>development and tests: from {@code users.jwt.key-dir}, where it is generated on first start
 * and reused afterwards, so tokens survive a restart.</li>
 * </ul>
 * With neither set the service refuses to start rather than sign with a key nobody can find again.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    static final String KEY_FILE = "signing-key.pem";
    static final int GENERATED_KEY_BITS = 2048;
    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private static final String PUBLIC_PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PUBLIC_PEM_END = "-----END PUBLIC KEY-----";

    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;
    /** Verify-only keys of recent rotations, by kid. */
    private final Map<String, RSAPublicKey> previousKeys;

    @Inject
    public SigningKeys(UsersConfig config) {
        this(config.jwt().privateKeyLocation(), config.jwt().keyDir(), config.jwt().keyId(),
                config.jwt().previousPublicKeyLocations().orElse(List.of()));
    }

    SigningKeys(Optional<Path> privateKeyLocation, Optional<Path> keyDir, Optional<String> keyId) {
        this(privateKeyLocation, keyDir, keyId, List.of());
    }

    SigningKeys(Optional<Path> privateKeyLocation, Optional<Path> keyDir, Optional<String> keyId,
                List<Path> previousPublicKeys) {
        if (privateKeyLocation.isPresent()) {
            this.privateKey = read(privateKeyLocation.get());
        } else if (keyDir.isPresent()) {
            this.privateKey = readOrGenerate(keyDir.get());
        } else {
            throw new IllegalStateException("No token signing key: set users.jwt.private-key-location "
                    + "(USERS_JWT_PRIVATE_KEY_LOCATION, production) or users.jwt.key-dir (USERS_JWT_KEY_DIR, "
                    + "development); see docs/security.md");
        }
        if (privateKey.getModulus().bitLength() < 2048) {
            throw new IllegalStateException("The token signing key has " + privateKey.getModulus().bitLength()
                    + " bits; RS256 needs at least 2048");
        }
        try {
            this.publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the public key", e);
        }
        this.keyId = keyId.filter(k -> !k.isBlank()).orElseGet(() -> thumbprint(publicKey));
        Map<String, RSAPublicKey> previous = new LinkedHashMap<>();
        for (Path file : previousPublicKeys) {
            RSAPublicKey key = readPublic(file);
            if (!key.equals(publicKey)) {
                previous.put(thumbprint(key), key);
            }
        }
        this.previousKeys = Collections.unmodifiableMap(previous);
    }

    public RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** The {@code kid} of tokens signed with this key. */
    public String keyId() {
        return keyId;
    }

    /** Whether tokens are also accepted from keys of earlier rotations. */
    public boolean hasPreviousKeys() {
        return !previousKeys.isEmpty();
    }

    /**
     * The public keys as a JWK Set (RFC 7517), for {@code GET /auth/jwks}: the signing key first,
     * then those of recent rotations.
     */
    public Map<String, Object> jwks() {
        List<Map<String, Object>> keys = new ArrayList<>();
        keys.add(jwk(keyId, publicKey));
        previousKeys.forEach((kid, key) -> keys.add(jwk(kid, key)));
        return Map.of("keys", List.copyOf(keys));
    }

    private static Map<String, Object> jwk(String kid, RSAPublicKey key) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", kid);
        jwk.put("n", base64Url(unsigned(key.getModulus())));
        jwk.put("e", base64Url(unsigned(key.getPublicExponent())));
        return Collections.unmodifiableMap(jwk);
    }

    private static RSAPublicKey readPublic(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the previous public key " + file.toAbsolutePath(), e);
        }
        int begin = text.indexOf(PUBLIC_PEM_BEGIN);
        int end = text.indexOf(PUBLIC_PEM_END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(file.toAbsolutePath() + " is not a PEM public key (" + PUBLIC_PEM_BEGIN
                    + "); make one with: openssl pkey -in old-signing-key.pem -pubout -out old-public.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + PUBLIC_PEM_BEGIN.length(), end));
        try {
            if (KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)) instanceof RSAPublicKey key) {
                return key;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file.toAbsolutePath() + " does not hold an RSA public key", e);
        }
        throw new IllegalStateException(file.toAbsolutePath() + " does not hold an RSA public key");
    }

    private static RSAPrivateCrtKey readOrGenerate(Path dir) {
        Path file = dir.resolve(KEY_FILE);
        if (Files.exists(file)) {
            return read(file);
        }
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(GENERATED_KEY_BITS);
            KeyPair pair = generator.generateKeyPair();
            Path temporary = Files.createTempFile(dir, ".signing-key", ".tmp");
            try {
                restrictToOwner(temporary);
                Files.writeString(temporary, pem(pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
                // A hard link appears atomically and never replaces: if another instance sharing the
                // directory won the race, its key is the one everybody uses.
                link(file, temporary);
                LOG.infof("generated a new token signing key in %s", dir.toAbsolutePath());
            } catch (FileAlreadyExistsException raced) {
                LOG.debugf("another instance generated the signing key in %s first", dir);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a signing key in " + dir.toAbsolutePath(), e);
        }
        return read(file);
    }

    private static void link(Path file, Path temporary) throws IOException {
        try {
            Files.createLink(file, temporary);
        } catch (UnsupportedOperationException noHardLinks) {
            Files.move(temporary, file);
        }
    }

    private static RSAPrivateCrtKey read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the token signing key " + file.toAbsolutePath(), e);
        }
        int begin = text.indexOf(PEM_BEGIN);
        int end = text.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(file.toAbsolutePath() + " is not a PKCS#8 PEM private key ("
                    + PEM_BEGIN + "); convert it with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + PEM_BEGIN.length(), end));
        try {
            if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der))
                    instanceof RSAPrivateCrtKey key) {
                return key;
            }
            throw new IllegalStateException(file.toAbsolutePath() + " does not hold an RSA private key with CRT values");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file.toAbsolutePath() + " does not hold an RSA private key", e);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            LOG.debugf("cannot restrict permissions of %s on this file system", file);
        }
    }

    private static String pem(byte[] der) {
        return PEM_BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n" + PEM_END + "\n";
    }

    /** RFC 7638: SHA-256 over the required members in lexicographic order, base64url. */
    static String thumbprint(RSAPublicKey key) {
        String canonical = "{\"e\":\"" + base64Url(unsigned(key.getPublicExponent())) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(unsigned(key.getModulus())) + "\"}";
        try {
            return base64Url(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] bytes = n.toByteArray();
        return bytes[0] == 0 && bytes.length > 1 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
