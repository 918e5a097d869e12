package io.marquee.personalize.server.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Checks the SigV4 signature of every Personalize request when {@code personalize.auth.*} has a
 * key ({@link RequestSigning}). Every operation (control plane, runtime, events) reads its body
 * as bytes; the check runs where the body is read, since the signature covers the body's hash,
 * and hands the same bytes on.
 */
@Provider
public class SigV4Check implements ReaderInterceptor {

    private final RequestSigning signing;
    private final CurrentVertxRequest current;

    public SigV4Check(RequestSigning signing, CurrentVertxRequest current) {
        this.signing = signing;
        this.current = current;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!signing.enabled()) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        signing.verify(current.getCurrent().request(), body);
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
