package io.marquee.user.auth.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the signing key comes from, without booting Quarkus. */
class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void aKeyIsGeneratedOnFirstStartAndReusedAfterARestart() throws Exception {
        Path keyDir = dir.resolve("user-service/keys");
        SigningKeys first = new SigningKeys(Optional.empty(), Optional.of(keyDir), Optional.empty());
        Path file = keyDir.resolve(SigningKeys.KEY_FILE);
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(first.publicKey().getModulus().bitLength()).isGreaterThanOrEqualTo(2048);

        SigningKeys restarted = new SigningKeys(Optional.empty(), Optional.of(keyDir), Optional.empty());
        assertThat(restarted.publicKey()).isEqualTo(first.publicKey());
        assertThat(restarted.keyId()).isEqualTo(first.keyId());
        try (var files = Files.list(keyDir)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @Test
    void aMountedPrivateKeyWinsOverTheKeyDirectory() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        var pair = generator.generateKeyPair();
        Path secret = dir.resolve("tls.key");
        Files.writeString(secret, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        SigningKeys keys = new SigningKeys(Optional.of(secret), Optional.of(dir.resolve("unused")),
                Optional.of("prod-2026-11"));
        assertThat(keys.publicKey()).isEqualTo(pair.getPublic());
        assertThat(keys.keyId()).isEqualTo("prod-2026-11");
        assertThat(dir.resolve("unused")).doesNotExist();
        @SuppressWarnings("unchecked")
        Map<String, Object> jwk = ((List<Map<String, Object>>) keys.jwks().get("keys")).get(0);
        assertThat(jwk).containsEntry("kid", "prod-2026-11").containsEntry("alg", "RS256").doesNotContainKey("d");
    }

    @Test
    void previousPublicKeysArePublishedAfterTheSigningKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var retired = generator.generateKeyPair();
        Path retiredPem = dir.resolve("retired.pem");
        Files.writeString(retiredPem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(retired.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
        Path keyDir = dir.resolve("keys");
        SigningKeys current = new SigningKeys(Optional.empty(), Optional.of(keyDir), Optional.empty());
        Path currentPem = dir.resolve("current.pem");
        Files.writeString(currentPem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(current.publicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);

        SigningKeys keys = new SigningKeys(Optional.empty(), Optional.of(keyDir), Optional.empty(),
                List.of(retiredPem, currentPem));
        assertThat(keys.hasPreviousKeys()).isTrue();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jwks = (List<Map<String, Object>>) keys.jwks().get("keys");
        // The current key listed again as "previous" is not published twice.
        assertThat(jwks).extracting(k -> k.get("kid")).containsExactly(keys.keyId(),
                SigningKeys.thumbprint((java.security.interfaces.RSAPublicKey) retired.getPublic()));
        assertThatThrownBy(() -> new SigningKeys(Optional.empty(), Optional.of(keyDir), Optional.empty(),
                List.of(keyDir.resolve(SigningKeys.KEY_FILE)))).hasMessageContaining("PUBLIC KEY");
    }

    @Test
    void withoutAnyKeyConfigurationTheServiceRefusesToStart() {
        assertThatThrownBy(() -> new SigningKeys(Optional.empty(), Optional.empty(), Optional.empty()))
                .hasMessageContaining("users.jwt.private-key-location").hasMessageContaining("users.jwt.key-dir");
    }

    @Test
    void aFileThatIsNotAPkcs8KeyIsNamedInTheError() throws Exception {
        Path wrong = dir.resolve("key.pem");
        Files.writeString(wrong, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> new SigningKeys(Optional.of(wrong), Optional.empty(), Optional.empty()))
                .hasMessageContaining("key.pem").hasMessageContaining("PKCS#8");
    }

    @Test
    void theDefaultKeyIdIsTheRfc7638Thumbprint() throws Exception {
        // The example key of RFC 7638, section 3.1, and its published thumbprint.
        String n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPe"
                + "bWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQ"
                + "MicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRw"
                + "r3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        var key = (java.security.interfaces.RSAPublicKey) java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.RSAPublicKeySpec(new java.math.BigInteger(1, Base64.getUrlDecoder().decode(n)),
                        new java.math.BigInteger(1, Base64.getUrlDecoder().decode("AQAB"))));
        assertThat(SigningKeys.thumbprint(key)).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }
}
