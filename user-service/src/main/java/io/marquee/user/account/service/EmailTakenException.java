package io.marquee.user.account.service;

/** Another account already holds this email address. */
public class EmailTakenException extends RuntimeException {

    public EmailTakenException() {
        super("email address taken", null, false, false);
    }
}
