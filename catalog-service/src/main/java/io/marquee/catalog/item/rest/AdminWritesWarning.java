package io.marquee.catalog.item.rest;

import io.marquee.catalog.config.CatalogConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Says at startup when tokenless admin writes are open, so it is never a silent production setting. */
@ApplicationScoped
public class AdminWritesWarning {

    private static final Logger LOG = Logger.getLogger(AdminWritesWarning.class);

    void onStart(@Observes StartupEvent event, CatalogConfig config) {
        if (config.admin().writesEnabled()) {
            LOG.warnf("catalog.admin.writes-enabled is on (profile %s): admin writes without a token are "
                    + "accepted from this host; only for a local stack, never behind a same-host proxy",
                    ConfigUtils.getProfiles());
        }
    }
}
