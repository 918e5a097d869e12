package io.marquee.user.account.rest;

import io.marquee.common.problem.Problem;
import io.marquee.common.security.Roles;
import io.marquee.user.account.service.AccountRules;
import io.marquee.user.account.service.AccountService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Grants and revokes the admin role: the operator command behind {@code ./marquee admin grant|revoke}.
 * Admin-only, and not routed by the gateway: operators call user-service directly (devstack port,
 * or {@code kubectl port-forward}). Every change is logged with who made it.
 */
@Path("/admin/admins/{email}")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "For accounts with the admin role")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "200", description = "The account's role now",
        content = @Content(schema = @Schema(implementation = AdminRole.class)))
@APIResponse(responseCode = "400", description = "Not an email address",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid access token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the admin role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No account holds the address",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdminRoleResource {

    private static final Logger LOG = Logger.getLogger(AdminRoleResource.class);

    private final AccountService accounts;
    private final JsonWebToken token;

    public AdminRoleResource(AccountService accounts, JsonWebToken token) {
        this.accounts = accounts;
        this.token = token;
    }

    @PUT
    @Operation(summary = "Grant the admin role (admin)", description = "Takes effect at the account's next "
            + "login or token refresh.")
    public AdminRole grant(@PathParam("email") @Size(max = AccountRules.EMAIL_MAX)
                           @Pattern(regexp = AccountRules.EMAIL_REGEX, message = AccountRules.EMAIL_MESSAGE)
                           String email) {
        AdminRole role = AdminRole.of(accounts.setAdmin(email, true, token.getSubject()));
        LOG.infof("admin role granted to account %s by %s", role.userId(), token.getSubject());
        return role;
    }

    @DELETE
    @Operation(summary = "Revoke the admin role (admin)", description = "Access tokens already issued keep the "
            + "role until they expire (15 minutes); the next refresh drops it. Admins cannot revoke themselves "
            + "(409).")
    @APIResponse(responseCode = "409", description = "The caller tried to revoke their own role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AdminRole revoke(@PathParam("email") @Size(max = AccountRules.EMAIL_MAX)
                            @Pattern(regexp = AccountRules.EMAIL_REGEX, message = AccountRules.EMAIL_MESSAGE)
                            String email) {
        AdminRole role = AdminRole.of(accounts.setAdmin(email, false, token.getSubject()));
        LOG.infof("admin role revoked from account %s by %s", role.userId(), token.getSubject());
        return role;
    }
}
