package io.marquee.user.auth;

import static io.marquee.user.Api.PASSWORD;
import static io.marquee.user.Api.PROBLEM;
import static io.marquee.user.Api.clientAddress;
import static io.marquee.user.Api.email;
import static io.marquee.user.Api.login;
import static io.marquee.user.Api.signupOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.marquee.user.storage.UserTables;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Failed logins are throttled per account and per client address (3 and 6 in the test profile),
 * with the counts in DynamoDB so every replica sees them.
 */
@QuarkusTest
class LoginThrottleTest {

    @Inject
    DynamoDbClient dynamo;
    @Inject
    UserTables tables;

    private static void throttled(ValidatableResponse response) {
        response.statusCode(429).contentType(startsWith(PROBLEM))
                .body("status", equalTo(429))
                .body("detail", containsString("try again"))
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"));
    }

    @Test
    void anAccountIsThrottledAfterRepeatedFailuresEvenFromNewAddresses() {
        String email = email("guessed");
        signupOk(email);
        for (int i = 0; i < 3; i++) {
            login(email, "wrong password " + i, clientAddress()).statusCode(401);
        }
        // Now even the right password from a new address is refused until the window ends.
        ValidatableResponse refused = login(email, PASSWORD, clientAddress());
        throttled(refused);
        long retryAfter = Long.parseLong(refused.extract().header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 15L * 60);
        // Other accounts are not affected.
        String other = email("bystander");
        signupOk(other);
        login(other, PASSWORD, clientAddress()).statusCode(200);
    }

    @Test
    void anAddressIsThrottledAfterRepeatedFailuresAcrossAccounts() {
        String address = clientAddress();
        for (int i = 0; i < 6; i++) {
            login(email("spray-" + i), "wrong password", address).statusCode(401);
        }
        String victim = email("sprayed");
        signupOk(victim);
        throttled(login(victim, PASSWORD, address));
        // The same account from another address is fine: the address was throttled, not the account.
        login(victim, PASSWORD, clientAddress()).statusCode(200);
    }

    @Test
    void parallelWrongPasswordsAreEvaluatedAtMostTheConfiguredNumberOfTimes() throws Exception {
        String email = email("raced");
        signupOk(email);
        int parallel = 20;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                String address = clientAddress();
                answers.add(pool.submit(() -> {
                    start.await();
                    return login(email, "wrong password", address).extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            // 401 = the password was checked; 429 = refused before. Max 3 per account in the test profile.
            assertThat(statuses).containsOnly(401, 429);
            assertThat(statuses.stream().filter(s -> s == 401).count()).isLessThanOrEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        throttled(login(email, PASSWORD, clientAddress()));
    }

    @Test
    void aSuccessfulLoginGivesTheAddressItsAttemptBack() {
        String address = clientAddress();
        String email = email("regular");
        signupOk(email);
        // Seven good logins from one address (max 6 failures per address) are all answered.
        for (int i = 0; i < 7; i++) {
            login(email, PASSWORD, address).statusCode(200);
        }
    }

    @Test
    void unknownEmailsAreThrottledLikeKnownOnes() {
        String nobody = email("ghost");
        for (int i = 0; i < 3; i++) {
            login(nobody, "wrong password", clientAddress()).statusCode(401);
        }
        throttled(login(nobody, "wrong password", clientAddress()));
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        String email = email("forgetful");
        signupOk(email);
        login(email, "wrong password", clientAddress()).statusCode(401);
        login(email, "wrong password", clientAddress()).statusCode(401);
        login(email, PASSWORD, clientAddress()).statusCode(200);
        login(email, "wrong password", clientAddress()).statusCode(401);
        login(email, "wrong password", clientAddress()).statusCode(401);
        login(email, PASSWORD, clientAddress()).statusCode(200);
    }

    @Test
    void countsLiveInDynamoDbWithAnExpiryForTtl() {
        String address = clientAddress();
        login(email("counted"), "wrong password", address).statusCode(401);
        login(email("counted"), "wrong password", address).statusCode(401);
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(tables.loginThrottle())
                .key(Map.of("id", AttributeValue.fromS("address#" + address))).consistentRead(true)).item();
        assertThat(row.get("failures").n()).isEqualTo("2");
        long expiresAt = Long.parseLong(row.get("expiresAt").n());
        assertThat(expiresAt).isGreaterThan(Instant.now().getEpochSecond());
        assertThat(dynamo.describeTimeToLive(b -> b.tableName(tables.loginThrottle())).timeToLiveDescription()
                .timeToLiveStatus()).isIn(List.of(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING));
        // No email address is stored in the throttle table, only a hash of it.
        assertThat(dynamo.scan(b -> b.tableName(tables.loginThrottle())).items())
                .allSatisfy(r -> assertThat(r.get("id").s()).doesNotContain("@"));
    }
}
