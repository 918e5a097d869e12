package io.marquee.catalog;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Sees every DynamoDB request the service makes in tests (an SDK-wide interceptor, listed in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}): counts the ones a test
 * asks about, and can make chosen ones fail as an unreachable endpoint would, before they leave.
 * Tests describe requests precisely (table, index, key, page size) so that other tests' reads
 * still finishing in the background are not counted.
 */
public class DynamoDbCalls implements ExecutionInterceptor {

    private record Watch(Predicate<SdkRequest> which, AtomicInteger count) {
    }

    private static final List<Watch> WATCHES = new CopyOnWriteArrayList<>();
    private static volatile Predicate<SdkRequest> unreachable = request -> false;
    private record Before(Predicate<SdkRequest> which, Runnable action) {
    }

    private static final AtomicReference<Before> BEFORE = new AtomicReference<>();

    /** Counts, from now until {@link #reset()}, the requests {@code which} accepts. */
    public static AtomicInteger count(Predicate<SdkRequest> which) {
        Watch watch = new Watch(which, new AtomicInteger());
        WATCHES.add(watch);
        return watch.count();
    }

    /** From now until {@link #reset()}, the requests {@code which} accepts fail. */
    public static void unreachable(Predicate<SdkRequest> which) {
        unreachable = which;
    }

    /**
     * Runs {@code action} once, on the calling thread, right before the first request {@code which}
     * accepts leaves (until {@link #reset()}): another write made to land just between a service's
     * read and its write, a race made to happen every time.
     */
    public static void before(Predicate<SdkRequest> which, Runnable action) {
        BEFORE.set(new Before(which, action));
    }

    /** Stops counting, failing and running actions. */
    public static void reset() {
        WATCHES.clear();
        unreachable = request -> false;
        BEFORE.set(null);
    }

    /** A query of {@code index} of {@code table}. */
    public static boolean isQuery(SdkRequest request, String table, String index) {
        return request instanceof QueryRequest query && table.equals(query.tableName())
                && index.equals(query.indexName());
    }

    /** A query of {@code index} of {@code table} asking for a page of {@code limit} rows. */
    public static boolean isQuery(SdkRequest request, String table, String index, int limit) {
        return isQuery(request, table, index) && Integer.valueOf(limit).equals(((QueryRequest) request).limit());
    }

    /** A query of {@code table} with {@code value} among its values (a search word, say). */
    public static boolean isQueryFor(SdkRequest request, String table, String value) {
        return request instanceof QueryRequest query && table.equals(query.tableName())
                && query.expressionAttributeValues().values().stream()
                .anyMatch(v -> v.s() != null && v.s().startsWith(value));
    }

    /** A read of one row of {@code table} whose key holds {@code keyValue}. */
    public static boolean isGetItem(SdkRequest request, String table, String keyValue) {
        return request instanceof GetItemRequest get && table.equals(get.tableName())
                && get.key().values().stream().map(AttributeValue::s).anyMatch(keyValue::equals);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        for (Watch watch : WATCHES) {
            if (watch.which().test(request)) {
                watch.count().incrementAndGet();
            }
        }
        Before before = BEFORE.get();
        if (before != null && before.which().test(request) && BEFORE.compareAndSet(before, null)) {
            before.action().run();
        }
        if (unreachable.test(request)) {
            throw SdkClientException.create("Unable to execute HTTP request: Connection refused (a test's outage)");
        }
    }
}
