package io.marquee.user.auth.repository;

import static io.marquee.user.storage.Attributes.EXPIRES_AT;
import static io.marquee.user.storage.Attributes.epochSeconds;
import static io.marquee.user.storage.Attributes.n;
import static io.marquee.user.storage.Attributes.number;
import static io.marquee.user.storage.Attributes.s;
import static io.marquee.user.storage.Attributes.string;

import io.marquee.user.auth.service.RefreshGrant;
import io.marquee.user.storage.Attributes;
import io.marquee.user.storage.UserTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Refresh tokens (row {@code token#<sha-256 of the token>}; the token itself is never stored) and
 * their families (row {@code family#<id>}, which carries the revocation). Rows expire by TTL at
 * their {@code expiresAt}; rotated tokens are kept until then so that their reuse is recognized.
 */
@ApplicationScoped
public class RefreshTokenRepository {

    private static final String ID = "id";
    private static final String USER_ID = "userId";
    private static final String FAMILY_ID = "familyId";
    private static final String CREDENTIALS_VERSION = "credentialsVersion";
    private static final String ROTATED_AT = "rotatedAt";
    private static final String REVOKED_AT = "revokedAt";
    private static final String CREATED_AT = "createdAt";

    /** Why a rotation did not happen. */
    public enum Refusal { ALREADY_ROTATED, FAMILY_REVOKED, CONFLICT }

    private final DynamoDbClient dynamo;
    private final UserTables tables;

    public RefreshTokenRepository(DynamoDbClient dynamo, UserTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    public Optional<RefreshGrant> find(String tokenHash) {
        Map<String, AttributeValue> row = get(tokenKey(tokenHash));
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(new RefreshGrant(tokenHash, string(row, USER_ID), string(row, FAMILY_ID),
                number(row, CREDENTIALS_VERSION), Instant.ofEpochSecond(number(row, EXPIRES_AT)),
                row.containsKey(ROTATED_AT)));
    }

    /** When the family began (its login), if it exists and is not revoked. */
    public Optional<Instant> liveFamilyStart(String familyId) {
        Map<String, AttributeValue> row = get(familyKey(familyId));
        if (row == null || row.containsKey(REVOKED_AT)) {
            return Optional.empty();
        }
        return Optional.of(Instant.parse(string(row, CREATED_AT)));
    }

    /** Starts a family with its first token (a login). */
    public void createFamily(RefreshGrant first, Instant now) {
        dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(tables.refreshTokens())
                        .item(familyRow(first, now))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(tables.refreshTokens())
                        .item(tokenRow(first))
                        .conditionExpression("attribute_not_exists(#id)")
                        .expressionAttributeNames(Map.of("#id", ID))).build()));
    }

    /**
     * Marks {@code used} as rotated and stores {@code next} in its family, all or nothing, and only
     * if {@code used} was not rotated before and the family is not revoked.
     *
     * @return empty on success, else why it was refused
     */
    public Optional<Refusal> rotate(RefreshGrant used, RefreshGrant next, Instant now) {
        List<TransactWriteItem> actions = List.of(
                TransactWriteItem.builder().update(u -> u.tableName(tables.refreshTokens())
                        .key(tokenKey(used.tokenHash()))
                        .updateExpression("SET #r = :now")
                        .conditionExpression("attribute_exists(#id) AND attribute_not_exists(#r)")
                        .expressionAttributeNames(Map.of("#r", ROTATED_AT, "#id", ID))
                        .expressionAttributeValues(Map.of(":now", s(now.toString())))).build(),
                TransactWriteItem.builder().update(u -> u.tableName(tables.refreshTokens())
                        .key(familyKey(used.familyId()))
                        .updateExpression("SET #e = :e")
                        .conditionExpression("attribute_exists(#id) AND attribute_not_exists(#rv)")
                        .expressionAttributeNames(Map.of("#e", EXPIRES_AT, "#id", ID, "#rv", REVOKED_AT))
                        .expressionAttributeValues(Map.of(":e", epochSeconds(next.expiresAt())))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(tables.refreshTokens()).item(tokenRow(next))
                        .conditionExpression("attribute_not_exists(#id)")
                        .expressionAttributeNames(Map.of("#id", ID))).build());
        try {
            dynamo.transactWriteItems(b -> b.transactItems(actions));
            return Optional.empty();
        } catch (TransactionCanceledException e) {
            if (Attributes.conditionFailed(e, 0)) {
                return Optional.of(Refusal.ALREADY_ROTATED);
            }
            if (Attributes.conditionFailed(e, 1)) {
                return Optional.of(Refusal.FAMILY_REVOKED);
            }
            if (Attributes.conflicted(e)) {
                return Optional.of(Refusal.CONFLICT);
            }
            throw e;
        } catch (TransactionConflictException e) {
            return Optional.of(Refusal.CONFLICT);
        }
    }

    /** Revokes every token of the family, present and future. */
    public void revokeFamily(String familyId, Instant now) {
        dynamo.updateItem(b -> b.tableName(tables.refreshTokens()).key(familyKey(familyId))
                .updateExpression("SET #rv = :now")
                .conditionExpression("attribute_exists(#id)")
                .expressionAttributeNames(Map.of("#rv", REVOKED_AT, "#id", ID))
                .expressionAttributeValues(Map.of(":now", s(now.toString())))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.NONE));
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(tables.refreshTokens()).key(key)
                .consistentRead(true)).item();
        return row == null || row.isEmpty() ? null : row;
    }

    private static Map<String, AttributeValue> tokenRow(RefreshGrant grant) {
        Map<String, AttributeValue> row = new HashMap<>(tokenKey(grant.tokenHash()));
        row.put(USER_ID, s(grant.userId()));
        row.put(FAMILY_ID, s(grant.familyId()));
        row.put(CREDENTIALS_VERSION, n(grant.credentialsVersion()));
        row.put(EXPIRES_AT, epochSeconds(grant.expiresAt()));
        return row;
    }

    private static Map<String, AttributeValue> familyRow(RefreshGrant first, Instant now) {
        Map<String, AttributeValue> row = new HashMap<>(familyKey(first.familyId()));
        row.put(USER_ID, s(first.userId()));
        row.put(CREATED_AT, s(now.toString()));
        row.put(EXPIRES_AT, epochSeconds(first.expiresAt()));
        return row;
    }

    private static Map<String, AttributeValue> tokenKey(String tokenHash) {
        return Map.of(ID, s("token#" + tokenHash));
    }

    private static Map<String, AttributeValue> familyKey(String familyId) {
        return Map.of(ID, s("family#" + familyId));
    }
}
