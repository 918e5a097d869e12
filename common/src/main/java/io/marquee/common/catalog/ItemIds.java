package io.marquee.common.catalog;

import java.util.regex.Pattern;

/** The one rule for item ids, for every service that takes one (REST paths, bodies, events). */
public final class ItemIds {

    /** Safe in URLs, DynamoDB keys and logs. */
    public static final String REGEX = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}";
    public static final Pattern PATTERN = Pattern.compile(REGEX);
    public static final String MESSAGE = "must match " + REGEX;

    private ItemIds() {
    }

    public static boolean valid(String itemId) {
        return itemId != null && PATTERN.matcher(itemId).matches();
    }
}
