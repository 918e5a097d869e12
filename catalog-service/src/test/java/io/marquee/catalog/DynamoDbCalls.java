package io.marquee.catalog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Sees every DynamoDB request the service makes in tests (an SDK-wide interceptor, listed in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}): counts them, and can
 * make chosen ones fail as an unreachable endpoint would, before they leave.
 */
public class DynamoDbCalls implements ExecutionInterceptor {

    private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();
    private static volatile Predicate<SdkRequest> unreachable = request -> false;

    /** Requests of one operation on one table (and index, for queries), e.g. {@code Query t/by-views}. */
    public static int count(String operation, String table, String index) {
        AtomicInteger count = COUNTS.get(key(operation, table, index));
        return count == null ? 0 : count.get();
    }

    /** From now on, the requests {@code which} accepts fail; {@link #reachable()} undoes it. */
    public static void unreachable(Predicate<SdkRequest> which) {
        unreachable = which;
    }

    public static void reachable() {
        unreachable = request -> false;
    }

    /** Whether {@code request} is a query of {@code index} of {@code table}. */
    public static boolean isQuery(SdkRequest request, String table, String index) {
        return request instanceof QueryRequest query && table.equals(query.tableName())
                && index.equals(query.indexName());
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        String key;
        if (request instanceof QueryRequest query) {
            key = key("Query", query.tableName(), query.indexName());
        } else if (request instanceof GetItemRequest get) {
            key = key("GetItem", get.tableName(), null);
        } else {
            key = key(request.getClass().getSimpleName().replace("Request", ""), null, null);
        }
        COUNTS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (unreachable.test(request)) {
            throw SdkClientException.create("Unable to execute HTTP request: Connection refused (a test's outage)");
        }
    }

    private static String key(String operation, String table, String index) {
        return operation + " " + table + (index == null ? "" : "/" + index);
    }
}
