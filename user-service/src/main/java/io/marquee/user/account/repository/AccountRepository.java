package io.marquee.user.account.repository;

import static io.marquee.user.storage.Attributes.n;
import static io.marquee.user.storage.Attributes.number;
import static io.marquee.user.storage.Attributes.s;
import static io.marquee.user.storage.Attributes.string;

import io.marquee.user.account.service.Account;
import io.marquee.user.account.service.ConcurrentUpdateException;
import io.marquee.user.account.service.EmailTakenException;
import io.marquee.user.storage.Attributes;
import io.marquee.user.storage.UserTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Accounts and the email claims that keep addresses unique. An account and its claim only change
 * together, in one transaction: the claim is written only if no claim for that address exists,
 * which is what makes two simultaneous sign-ups with one address end with one account.
 */
@ApplicationScoped
public class AccountRepository {

    private static final String USER_ID = "userId";
    private static final String EMAIL = "email";
    private static final String NAME = "name";
    private static final String AGE = "age";
    private static final String GENDER = "gender";
    private static final String PASSWORD_HASH = "passwordHash";
    private static final String CREATED_AT = "createdAt";
    private static final String UPDATED_AT = "updatedAt";
    private static final String VERSION = "version";
    private static final String CREDENTIALS_VERSION = "credentialsVersion";
    private static final String ADMIN = "admin";

    private final DynamoDbClient dynamo;
    private final UserTables tables;

    public AccountRepository(DynamoDbClient dynamo, UserTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    public Optional<Account> findById(String id) {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(tables.users())
                .key(Map.of(USER_ID, s(id))).consistentRead(true)).item();
        return row == null || row.isEmpty() ? Optional.empty() : Optional.of(toAccount(row));
    }

    /** The account holding {@code email} (already normalized). */
    public Optional<Account> findByEmail(String email) {
        Map<String, AttributeValue> claim = dynamo.getItem(b -> b.tableName(tables.emails())
                .key(Map.of(EMAIL, s(email))).consistentRead(true)).item();
        if (claim == null || claim.isEmpty()) {
            return Optional.empty();
        }
        return findById(claim.get(USER_ID).s());
    }

    /**
     * Stores a new account and claims its email.
     *
     * @throws EmailTakenException       if another account holds the address
     * @throws ConcurrentUpdateException if a simultaneous transaction on the same claim won the race
     *                                   (try again: the next attempt sees its outcome)
     */
    public void create(Account account) {
        List<TransactWriteItem> actions = List.of(
                TransactWriteItem.builder().put(p -> p.tableName(tables.users()).item(toRow(account))
                        .conditionExpression("attribute_not_exists(#id)")
                        .expressionAttributeNames(Map.of("#id", USER_ID))).build(),
                claim(account));
        write(actions, 1);
    }

    /**
     * Replaces {@code previous} by {@code updated} if it is still at {@code previous}'s version;
     * moves the email claim when the address changed.
     *
     * @throws EmailTakenException       if the new address belongs to another account
     * @throws ConcurrentUpdateException if the account changed since {@code previous} was read
     */
    public void update(Account previous, Account updated) {
        List<TransactWriteItem> actions = new ArrayList<>();
        actions.add(TransactWriteItem.builder().put(p -> p.tableName(tables.users()).item(toRow(updated))
                .conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", VERSION))
                .expressionAttributeValues(Map.of(":v", n(previous.version())))).build());
        if (!previous.email().equals(updated.email())) {
            actions.add(claim(updated));
            actions.add(TransactWriteItem.builder().delete(d -> d.tableName(tables.emails())
                    .key(Map.of(EMAIL, s(previous.email())))
                    .conditionExpression("#u = :u").expressionAttributeNames(Map.of("#u", USER_ID))
                    .expressionAttributeValues(Map.of(":u", s(previous.id())))).build());
        }
        write(actions, 1);
    }

    /**
     * Sets the admin role of account {@code id}, raising its version so that a profile change
     * racing with it retries on the new row instead of writing the old role back.
     *
     * @throws ConcurrentUpdateException if there is no such account
     */
    public void setAdmin(String id, boolean admin, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(tables.users()).key(Map.of(USER_ID, s(id)))
                    .updateExpression("SET #a = :a, #u = :now ADD #v :one")
                    .conditionExpression("attribute_exists(#id)")
                    .expressionAttributeNames(Map.of("#a", ADMIN, "#u", UPDATED_AT, "#v", VERSION, "#id", USER_ID))
                    .expressionAttributeValues(Map.of(":a", AttributeValue.fromBool(admin),
                            ":now", s(now.toString()), ":one", n(1))));
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException();
        }
    }

    private TransactWriteItem claim(Account account) {
        return TransactWriteItem.builder().put(p -> p.tableName(tables.emails())
                .item(Map.of(EMAIL, s(account.email()), USER_ID, s(account.id())))
                .conditionExpression("attribute_not_exists(#e)")
                .expressionAttributeNames(Map.of("#e", EMAIL))).build();
    }

    private void write(List<TransactWriteItem> actions, int claimIndex) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(actions));
        } catch (TransactionCanceledException e) {
            if (actions.size() > claimIndex && Attributes.conditionFailed(e, claimIndex)) {
                throw new EmailTakenException();
            }
            if (Attributes.conditionFailed(e, 0) || Attributes.conflicted(e)) {
                throw new ConcurrentUpdateException();
            }
            throw e;
        } catch (TransactionConflictException e) {
            throw new ConcurrentUpdateException();
        }
    }

    private static Map<String, AttributeValue> toRow(Account account) {
        Map<String, AttributeValue> row = new HashMap<>();
        row.put(USER_ID, s(account.id()));
        row.put(NAME, s(account.name()));
        row.put(EMAIL, s(account.email()));
        row.put(AGE, n(account.age()));
        row.put(GENDER, s(account.gender()));
        row.put(PASSWORD_HASH, s(account.passwordHash()));
        row.put(CREATED_AT, s(account.createdAt().toString()));
        row.put(UPDATED_AT, s(account.updatedAt().toString()));
        row.put(VERSION, n(account.version()));
        row.put(CREDENTIALS_VERSION, n(account.credentialsVersion()));
        row.put(ADMIN, AttributeValue.fromBool(account.admin()));
        return row;
    }

    private static Account toAccount(Map<String, AttributeValue> row) {
        return new Account(string(row, USER_ID), string(row, NAME), string(row, EMAIL),
                number(row, AGE).intValue(), string(row, GENDER), string(row, PASSWORD_HASH),
                Instant.parse(string(row, CREATED_AT)), Instant.parse(string(row, UPDATED_AT)),
                number(row, VERSION), number(row, CREDENTIALS_VERSION),
                // Rows written before the role was stored have no attribute: not admin.
                row.containsKey(ADMIN) && Boolean.TRUE.equals(row.get(ADMIN).bool()));
    }
}
