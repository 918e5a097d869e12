package io.marquee.user.account.rest;

import io.marquee.user.account.service.AccountRules;
import io.marquee.user.account.service.Password;
import io.marquee.common.text.SafeText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /auth/signup}. Every field is required. */
public record SignupRequest(
        @Schema(description = "Display name, one line", maxLength = AccountRules.NAME_MAX, examples = "Ann Lee")
        @NotBlank @Size(max = AccountRules.NAME_MAX) @SafeText String name,
        @Schema(description = "Age in years", minimum = "13", maximum = "120", examples = "34")
        @NotNull @Min(AccountRules.AGE_MIN) @Max(AccountRules.AGE_MAX) Integer age,
        @Schema(description = "One of female, male, non-binary, other, unspecified", examples = "female")
        @NotNull @Pattern(regexp = AccountRules.GENDER_REGEX, message = AccountRules.GENDER_MESSAGE) String gender,
        @Schema(description = "Email address; stored in lower case and unique", maxLength = AccountRules.EMAIL_MAX,
                examples = "ann@example.org")
        @NotNull @Size(max = AccountRules.EMAIL_MAX)
        @Pattern(regexp = AccountRules.EMAIL_REGEX, message = AccountRules.EMAIL_MESSAGE) String email,
        @Schema(description = "At least 8 characters, at most 72 bytes in UTF-8", format = "password")
        @NotNull @Password String password) {

    @Override
    public String toString() {
        return "SignupRequest[password hidden]";
    }
}
