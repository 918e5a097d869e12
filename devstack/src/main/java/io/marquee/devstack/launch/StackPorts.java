package io.marquee.devstack.launch;

/**
 * The devstack's ports: the fixed defaults from the architecture, all shifted by one offset so a
 * second stack (the end-to-end tests, say) can run beside a developer's.
 */
public record StackPorts(int offset) {

    public static final int GATEWAY = 8080;
    public static final int DYNAMODB = 8000;
    public static final int KAFKA = 9092;
    public static final int KAFKA_CONTROLLER = 9093;
    /** The largest {@code --port-offset}: every shifted port stays below 65536. */
    public static final int MAX_OFFSET = 50000;

    public int of(int defaultPort) {
        return defaultPort + offset;
    }
}
