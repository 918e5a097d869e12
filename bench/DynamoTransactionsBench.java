// Benchmark (not a test): how DynamoDB Local (file-backed, as the devstack runs it) spends its time
// on transactions: 3,000 "items" of 10 rows each, written one item per TransactWriteItems or
// several items per transaction, from 8 threads (catalog.batch.write-concurrency). Run from a built
// tree (alone on the machine: it measures time):
//   java -cp 'devstack/target/devstack.jar:devstack/target/lib/*' bench/DynamoTransactionsBench.java [file|mem] [threads]
// Each shape runs on its own table; the first round also warms the JIT, so shapes repeat.
import io.marquee.devstack.engine.DynamoDbLocalEngine;
import java.net.URI;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import software.amazon.awssdk.auth.credentials.*;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

public class DynamoTransactionsBench {
    public static void main(String[] a) throws Exception {
        Path dir = Files.createTempDirectory("txbench");
        boolean mem = a.length > 0 && a[0].equals("mem");
        DynamoDbLocalEngine engine = DynamoDbLocalEngine.start(0, mem ? null : dir);
        DynamoDbClient c = DynamoDbClient.builder().endpointOverride(URI.create(engine.endpoint()))
            .region(Region.of(DynamoDbLocalEngine.REGION)).httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(DynamoDbLocalEngine.ACCESS_KEY, DynamoDbLocalEngine.SECRET_KEY))).build();
        for (String t : List.of("tbl1","tbl2","tbl3","tbl4")) {
            c.createTable(b -> b.tableName(t).attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType("S").build(), AttributeDefinition.builder().attributeName("sk").attributeType("S").build())
              .keySchema(KeySchemaElement.builder().attributeName("pk").keyType("HASH").build(), KeySchemaElement.builder().attributeName("sk").keyType("RANGE").build()).billingMode(BillingMode.PAY_PER_REQUEST));
        }
        int threads = Integer.parseInt(a.length > 1 ? a[1] : "8");
        int[][] shapes = {{10, 1}, {10, 10}, {10, 1}, {10, 10}, {10, 2}, {10, 5}};
        int round = 0;
        for (int[] shape : shapes) {
            int actionsPerItem = shape[0], itemsPerTx = shape[1];
            int items = 3000;
            String table = "tbl" + (1 + round % 4);
            String prefix = "r" + round++;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int from = 0; from < items; from += itemsPerTx) {
                int f = from;
                fs.add(pool.submit(() -> {
                    List<TransactWriteItem> acts = new ArrayList<>();
                    for (int i = f; i < f + itemsPerTx; i++) {
                        for (int k = 0; k < actionsPerItem; k++) {
                            Map<String, AttributeValue> row = new HashMap<>();
                            row.put("pk", AttributeValue.fromS(prefix + "b" + k));
                            row.put("sk", AttributeValue.fromS("item" + i));
                            row.put("title", AttributeValue.fromS("Some title of item " + i));
                            acts.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(row)).build());
                        }
                    }
                    c.transactWriteItems(b -> b.transactItems(acts));
                }));
            }
            for (Future<?> f : fs) f.get();
            pool.shutdown();
            System.out.printf("%s threads=%d actions/item=%d items/tx=%d: %d tx, %.1f s%n", mem ? "mem" : "file", threads, actionsPerItem, itemsPerTx, items / itemsPerTx, (System.nanoTime() - start) / 1e9);
        }
        engine.close();
        io.marquee.devstack.engine.Directories.deleteRecursively(dir);
        System.exit(0);
    }
}
