package io.marquee.user.account.service;

/** The rules of account fields, shared by validation annotations, the service and the OpenAPI text. */
public final class AccountRules {

    public static final int NAME_MAX = 100;
    /** RFC 5321's limit for a whole address. */
    public static final int EMAIL_MAX = 254;
    /**
     * Addresses as people type them: an ASCII local part and a dotted domain with a letter TLD.
     * Narrower than RFC 5322 on purpose (no quoted local parts, comments or IP domains); stored in
     * lower case, so {@code Ann@Example.org} and {@code ann@example.org} are one account.
     */
    public static final String EMAIL_REGEX =
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}";
    public static final String EMAIL_MESSAGE = "must be an email address like name@example.org";
    public static final int PASSWORD_MIN_CHARACTERS = 8;
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int PASSWORD_MAX_BYTES = 72;
    public static final int AGE_MIN = 13;
    public static final int AGE_MAX = 120;
    public static final String GENDER_REGEX = "female|male|non-binary|other|unspecified";
    public static final String GENDER_MESSAGE = "must be one of female, male, non-binary, other, unspecified";

    private AccountRules() {
    }
}
