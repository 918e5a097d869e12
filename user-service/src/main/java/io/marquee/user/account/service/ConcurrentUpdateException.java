package io.marquee.user.account.service;

/** The account changed between reading and writing it. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException() {
        super("account changed concurrently", null, false, false);
    }
}
