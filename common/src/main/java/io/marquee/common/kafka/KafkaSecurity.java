package io.marquee.common.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A validated choice of Kafka authentication and the client properties it stands for.
 *
 * <p>The MSK IAM properties are exactly the four that MSK's documentation lists for
 * {@code aws-msk-iam-auth} ("Configure clients for IAM access control"); the default credentials
 * chain of the login module finds the pod's web-identity token (IRSA) because {@code sts} is on
 * the class path.
 */
public final class KafkaSecurity {

    static final String SECURITY_PROTOCOL = "security.protocol";
    static final String SASL_MECHANISM = "sasl.mechanism";
    static final String SASL_JAAS_CONFIG = "sasl.jaas.config";
    static final String SASL_CLIENT_CALLBACK_HANDLER_CLASS = "sasl.client.callback.handler.class";

    private final KafkaAuthentication authentication;
    private final Map<String, Object> properties;

    private KafkaSecurity(KafkaAuthentication authentication, Map<String, Object> properties) {
        this.authentication = authentication;
        this.properties = Map.copyOf(properties);
    }

    /** No authentication, plaintext. */
    public static KafkaSecurity none() {
        return of(KafkaAuthentication.NONE, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** SCRAM-SHA-512 with these credentials, over TLS or not. */
    public static KafkaSecurity scram(String username, String password, boolean tls) {
        return of(KafkaAuthentication.SCRAM_SHA_512, Optional.of(tls), Optional.of(username), Optional.of(password));
    }

    /** MSK IAM access control. */
    public static KafkaSecurity mskIam() {
        return of(KafkaAuthentication.MSK_IAM, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * @throws IllegalArgumentException naming the setting that is missing or contradicts the
     *                                  authentication (so a misconfigured pod fails at start, not at
     *                                  its first send)
     */
    public static KafkaSecurity of(KafkaAuthentication authentication, Optional<Boolean> tls,
                                   Optional<String> username, Optional<String> password) {
        Map<String, Object> props = new LinkedHashMap<>();
        switch (authentication) {
            case NONE -> props.put(SECURITY_PROTOCOL, tls.orElse(false) ? "SSL" : "PLAINTEXT");
            case SCRAM_SHA_512 -> {
                String user = username.filter(u -> !u.isBlank()).orElseThrow(() -> new IllegalArgumentException(
                        "marquee.kafka.username is required with marquee.kafka.authentication=SCRAM_SHA_512"));
                String secret = password.filter(p -> !p.isEmpty()).orElseThrow(() -> new IllegalArgumentException(
                        "marquee.kafka.password is required with marquee.kafka.authentication=SCRAM_SHA_512"));
                props.put(SECURITY_PROTOCOL, tls.orElse(true) ? "SASL_SSL" : "SASL_PLAINTEXT");
                props.put(SASL_MECHANISM, "SCRAM-SHA-512");
                props.put(SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"" + jaasQuoted(user) + "\" password=\"" + jaasQuoted(secret) + "\";");
            }
            case MSK_IAM -> {
                if (!tls.orElse(true)) {
                    throw new IllegalArgumentException(
                            "marquee.kafka.tls=false cannot be used with MSK_IAM: MSK serves IAM authentication only over TLS");
                }
                props.put(SECURITY_PROTOCOL, "SASL_SSL");
                props.put(SASL_MECHANISM, "AWS_MSK_IAM");
                props.put(SASL_JAAS_CONFIG, "software.amazon.msk.auth.iam.IAMLoginModule required;");
                props.put(SASL_CLIENT_CALLBACK_HANDLER_CLASS, "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
            }
            default -> throw new IllegalArgumentException("unknown Kafka authentication " + authentication);
        }
        if (authentication != KafkaAuthentication.SCRAM_SHA_512 && (username.isPresent() || password.isPresent())) {
            // A password set for nothing is a deployment mistake worth stopping for.
            throw new IllegalArgumentException("marquee.kafka.username/password are only used with SCRAM_SHA_512, not "
                    + authentication);
        }
        return new KafkaSecurity(authentication, props);
    }

    /** JAAS values are double-quoted; a backslash or quote inside is escaped with a backslash. */
    private static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    public KafkaAuthentication authentication() {
        return authentication;
    }

    /** The client properties ({@code security.protocol}, {@code sasl.*}), immutable. */
    public Map<String, Object> properties() {
        return properties;
    }

    @Override
    public String toString() {
        // Never the JAAS line: it holds the SCRAM password.
        return "KafkaSecurity[" + authentication + ", " + properties.get(SECURITY_PROTOCOL) + "]";
    }
}
