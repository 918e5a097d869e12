package io.marquee.user.history.service;

import java.time.Instant;

/** An item the user looked at (view, click or watch), with the newest such moment. */
public record ViewedItem(String itemId, Instant at) {
}
