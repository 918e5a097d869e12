package io.marquee.catalog.item.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.catalog.config.CatalogConfig;
import io.marquee.common.problem.ProblemException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** The admin guard, without booting Quarkus (every boot costs ~10 s). */
class AdminOnlyFilterTest {

    private static CatalogConfig writesEnabled(boolean enabled) {
        CatalogConfig.Admin admin = () -> enabled;
        return (CatalogConfig) Proxy.newProxyInstance(CatalogConfig.class.getClassLoader(),
                new Class<?>[] {CatalogConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("admin")) {
                        return admin;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void disabledAdminWritesAre403WithTheReason() {
        assertThatThrownBy(() -> new AdminOnlyFilter(() -> writesEnabled(false)).filter(null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).isEqualTo("admin writes are disabled until authentication is configured");
                });
    }

    @Test
    void enabledAdminWritesPass() {
        assertThatCode(() -> new AdminOnlyFilter(() -> writesEnabled(true)).filter(null)).doesNotThrowAnyException();
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
