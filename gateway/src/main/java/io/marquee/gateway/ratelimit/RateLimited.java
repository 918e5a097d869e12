package io.marquee.gateway.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a resource method in a {@link RouteClass}. Without it, GET and HEAD count as
 * {@link RouteClass#READ} and every other method as {@link RouteClass#WRITE}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {

    RouteClass value();
}
