package io.marquee.catalog.item.repository;

import io.marquee.catalog.item.service.Item;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Rows that another feature keeps for each item in its own table and that must change with the
 * item, all or nothing (the title index: a search must never find a title the item no longer
 * has). {@link ItemRepository#write} adds these actions to the item's transaction; the feature
 * that owns the rows says what they are. Together with the item's own rows they must stay within
 * DynamoDB's 100 actions per transaction.
 */
public interface ItemCompanionRows {

    /** The actions that take this feature's rows from {@code previous}'s (none when empty) to {@code item}'s. */
    List<TransactWriteItem> changes(Item item, Optional<Item> previous);
}
