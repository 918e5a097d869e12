package io.marquee.recommendation.source;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Puts an answer's {@code source} into the {@code X-Recommendation-Source} header as well, for logs and proxies. */
@Provider
public class SourceHeader implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Sourced sourced) {
            response.getHeaders().putSingle(Sources.HEADER, sourced.source());
        }
    }
}
