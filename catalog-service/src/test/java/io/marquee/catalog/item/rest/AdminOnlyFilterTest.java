package io.marquee.catalog.item.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.common.problem.ProblemException;
import io.marquee.common.security.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The admin decision, without booting Quarkus (the HTTP side is in AdminAccessTest). */
class AdminOnlyFilterTest {

    private static final Supplier<SecurityIdentity> NOT_ASKED = () -> {
        throw new AssertionError("no token: nothing to verify");
    };

    private static Supplier<SecurityIdentity> caller(String... roles) {
        return () -> QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("u1"))
                .addRoles(java.util.Set.of(roles)).build();
    }

    private static void refused(Runnable check, int status, String detail) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).isEqualTo(detail);
        });
    }

    @Test
    void anAdminTokenPasses() {
        assertThatCode(() -> AdminOnlyFilter.check(true, () -> false, caller(Roles.USER, Roles.ADMIN)))
                .doesNotThrowAnyException();
    }

    @Test
    void aUserTokenIs403() {
        refused(() -> AdminOnlyFilter.check(true, () -> false, caller(Roles.USER)), 403, AdminOnlyFilter.NOT_ADMIN);
    }

    @Test
    void noTokenIs401UnlessTheTrustedLocalSwitchAllowsIt() {
        refused(() -> AdminOnlyFilter.check(false, () -> false, NOT_ASKED), 401, AdminOnlyFilter.NO_TOKEN);
        assertThatCode(() -> AdminOnlyFilter.check(false, () -> true, NOT_ASKED)).doesNotThrowAnyException();
    }

    @Test
    void aTokenThatFailsVerificationIs401EvenWhenTokenlessWritesAreOn() {
        refused(() -> AdminOnlyFilter.check(true, () -> true, () -> {
            throw new AuthenticationFailedException("bad signature");
        }), 401, AdminOnlyFilter.BAD_TOKEN);
        refused(() -> AdminOnlyFilter.check(true, () -> true, () -> QuarkusSecurityIdentity.builder()
                .setAnonymous(true).build()), 401, AdminOnlyFilter.BAD_TOKEN);
    }

    @Test
    void everyWriteEndpointIsGuarded() throws Exception {
        assertThat(ItemResource.class.getMethod("put", String.class,
                io.marquee.catalog.item.service.ItemDraft.class, jakarta.ws.rs.core.UriInfo.class)
                .isAnnotationPresent(AdminOnly.class)).isTrue();
        assertThat(ItemResource.class.getMethod("batch", BatchRequest.class).isAnnotationPresent(AdminOnly.class))
                .isTrue();
    }
}
