package io.marquee.user.account.rest;

import io.marquee.user.account.service.AccountRules;
import io.marquee.user.account.service.Password;
import io.marquee.common.text.SafeText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PATCH /me}: only the fields present change. Changing the email or the
 * password also needs the current password, so a stolen access token alone cannot take the
 * account over; it also ends every refresh token issued before.
 */
public record ProfilePatch(
        @Size(min = 1, max = AccountRules.NAME_MAX) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        @SafeText String name,
        @Min(AccountRules.AGE_MIN) @Max(AccountRules.AGE_MAX) Integer age,
        @Pattern(regexp = AccountRules.GENDER_REGEX, message = AccountRules.GENDER_MESSAGE) String gender,
        @Size(max = AccountRules.EMAIL_MAX)
        @Pattern(regexp = AccountRules.EMAIL_REGEX, message = AccountRules.EMAIL_MESSAGE) String email,
        @Schema(description = "New password", format = "password") @Password String password,
        @Schema(description = "Required with email or password", format = "password")
        @Size(max = 1024) String currentPassword) {

    @Override
    public String toString() {
        return "ProfilePatch[passwords hidden]";
    }
}
