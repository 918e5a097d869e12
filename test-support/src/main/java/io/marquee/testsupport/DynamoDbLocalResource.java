package io.marquee.testsupport;

import io.marquee.devstack.engine.DynamoDbLocalEngine;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the real DynamoDB Local engine (in memory, on a free port) for a {@code @QuarkusTest}
 * and points the Quarkus DynamoDB client at it.
 */
public class DynamoDbLocalResource implements QuarkusTestResourceLifecycleManager {

    private DynamoDbLocalEngine engine;

    @Override
    public Map<String, String> start() {
        try {
            engine = DynamoDbLocalEngine.start(0, null);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
        return Map.of(
                "quarkus.dynamodb.endpoint-override", engine.endpoint(),
                "quarkus.dynamodb.aws.region", DynamoDbLocalEngine.REGION,
                "quarkus.dynamodb.aws.credentials.type", "static",
                "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", DynamoDbLocalEngine.ACCESS_KEY,
                "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", DynamoDbLocalEngine.SECRET_KEY);
    }

    @Override
    public void stop() {
        if (engine != null) {
            try {
                engine.close();
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not stop", e);
            }
        }
    }
}
