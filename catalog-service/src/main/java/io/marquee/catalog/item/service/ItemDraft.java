package io.marquee.catalog.item.service;

import io.marquee.common.text.SafeText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * What an admin wants an item to be: the body of {@code PUT /items/{id}} and each entry of a batch.
 * Genres may be spelled in any case; they are stored canonically, without duplicates.
 */
public record ItemDraft(
        @NotBlank @Size(max = 300) @SafeText String title,
        @Min(ItemRules.MIN_YEAR) @Max(ItemRules.MAX_YEAR) Integer year,
        @Size(max = 10) List<@NotNull @KnownGenre String> genres,
        @Min(1) @Max(1000) Integer runtimeMinutes,
        @Size(max = 4000) @SafeText(multiline = true) String overview,
        @Size(max = 20) Map<
                @NotNull @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "must be 1 to 64 of A-Z a-z 0-9 _ . -") String,
                @NotNull @Size(max = 1000) @CleanText String> metadata) {
}
