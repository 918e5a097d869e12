package io.marquee.user.auth.rest;

import io.marquee.user.account.service.AccountRules;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /auth/login}. The email may be in any case. */
public record LoginRequest(
        @Schema(examples = "ann@example.org")
        @NotNull @Size(max = AccountRules.EMAIL_MAX)
        @Pattern(regexp = AccountRules.EMAIL_REGEX, message = AccountRules.EMAIL_MESSAGE) String email,
        @Schema(format = "password") @NotEmpty @Size(max = 1024) String password) {

    @Override
    public String toString() {
        return "LoginRequest[password hidden]";
    }
}
