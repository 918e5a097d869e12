package io.marquee.catalog.item.rest;

import java.util.List;

/**
 * The body of {@code POST /items/lookup}: the ids to read, validated by the service so that every
 * bad id is reported at once ({@code ids[3]}).
 */
public record LookupRequest(List<String> ids) {
}
