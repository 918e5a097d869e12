package io.marquee.common.kafka;

/** How every Kafka client of a service proves who it is to the brokers. */
public enum KafkaAuthentication {
    /** No authentication (the devstack, kind): {@code PLAINTEXT}, or {@code SSL} with {@code marquee.kafka.tls=true}. */
    NONE,
    /**
     * SASL/SCRAM-SHA-512 with a user name and password ({@code marquee.kafka.username} /
     * {@code password}, from a Secret): MSK's SCRAM listener (9096, TLS) or any Kafka with SCRAM users.
     */
    SCRAM_SHA_512,
    /**
     * MSK IAM access control (9098, always TLS): the client signs with the pod's AWS credentials
     * (IRSA) through {@code aws-msk-iam-auth}, and the role's policy grants the topic actions.
     */
    MSK_IAM
}
