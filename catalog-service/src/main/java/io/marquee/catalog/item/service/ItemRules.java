package io.marquee.catalog.item.service;

import io.marquee.common.catalog.ItemIds;
import java.util.regex.Pattern;

/** The limits every item and query obeys, in one place. */
public final class ItemRules {

    public static final long MIN_YEAR = 1870;
    public static final long MAX_YEAR = 2100;
    /** Item ids: safe in URLs, keys and logs. */
    public static final String ID_REGEX = ItemIds.REGEX;
    public static final Pattern ID = ItemIds.PATTERN;
    public static final String ID_MESSAGE = ItemIds.MESSAGE;

    private ItemRules() {
    }
}
