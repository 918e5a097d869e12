package io.marquee.user;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * Plays a key rotation: a "previous" signing key whose public half user-service is told about
 * ({@code users.jwt.previous-public-key-locations}) and whose private half tests sign with. Files,
 * not statics, carry the key to the tests: test resources may live in another class loader.
 */
public class PreviousKeyResource implements QuarkusTestResourceLifecycleManager {

    static final Path DIR = Path.of("target", "test-previous-key");

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(DIR);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(DIR.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(DIR.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException("could not make the previous key", e);
        }
        return Map.of("users.jwt.previous-public-key-locations", DIR.resolve("public.pem").toAbsolutePath().toString());
    }

    @Override
    public void stop() {
        // Left in target/ for the next run to overwrite.
    }

    /** The private half, for signing tokens "from before the rotation". */
    public static PrivateKey privateKey() {
        try {
            String text = Files.readString(DIR.resolve("private.pem"), StandardCharsets.US_ASCII);
            String body = text.replaceAll("-----[A-Z ]+-----", "");
            return KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
        } catch (Exception e) {
            throw new IllegalStateException("could not read the previous key", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
