package io.marquee.user.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the DynamoDB operations the service sends, by operation name (the test profile installs
 * it with {@code quarkus.dynamodb.interceptors}). The calls still reach DynamoDB Local.
 */
public class DynamoDbCalls implements ExecutionInterceptor {

    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
    }

    public static int count(String operation) {
        AtomicInteger count = CALLS.get(operation);
        return count == null ? 0 : count.get();
    }
}
