package io.marquee.catalog.item.service;

import java.util.regex.Pattern;

/** The limits every item and query obeys, in one place. */
public final class ItemRules {

    public static final long MIN_YEAR = 1870;
    public static final long MAX_YEAR = 2100;
    /** Item ids: safe in URLs, keys and logs. */
    public static final String ID_REGEX = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}";
    public static final Pattern ID = Pattern.compile(ID_REGEX);
    public static final String ID_MESSAGE = "must match " + ID_REGEX;

    private ItemRules() {
    }
}
