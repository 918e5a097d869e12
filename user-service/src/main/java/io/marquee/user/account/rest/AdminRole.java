package io.marquee.user.account.rest;

import io.marquee.user.account.service.Account;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether an account holds the admin role, as {@code /admin/admins} answers it. */
@Schema(description = "An account's admin role")
public record AdminRole(String userId, String email, boolean admin) {

    static AdminRole of(Account account) {
        return new AdminRole(account.id(), account.email(), account.admin());
    }
}
