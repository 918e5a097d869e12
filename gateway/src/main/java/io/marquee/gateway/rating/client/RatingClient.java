package io.marquee.gateway.rating.client;

import io.marquee.common.problem.Problem;
import io.marquee.gateway.web.ForwardedHeaders;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import io.quarkus.rest.client.reactive.Url;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * rating-service's API as the gateway uses it: raw {@link Response}s, relayed unchanged. "Mine"
 * is whoever the forwarded token names; rating-service reads the user from it. Only
 * {@link RatingGateway} uses it.
 */
@RegisterRestClient(configKey = "rating")
@RegisterClientHeaders(ForwardedHeaders.class)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
interface RatingClient {

    @GET
    @Path("/items/{id}/rating")
    Response rating(@PathParam("id") String id);

    @PUT
    @Path("/items/{id}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    Response putRating(@PathParam("id") String id, byte[] body);

    @DELETE
    @Path("/items/{id}/rating")
    Response deleteRating(@PathParam("id") String id);

    @GET
    @Path("/items/{id}/reviews")
    Response reviews(@PathParam("id") String id, @QueryParam("sentiment") String sentiment,
                     @QueryParam("cursor") String cursor, @QueryParam("limit") String limit);

    @GET
    @Path("/items/{id}/reviews/summary")
    Response reviewSummary(@PathParam("id") String id);

    @PUT
    @Path("/items/{id}/reviews/{authorId}/helpful")
    Response markHelpful(@PathParam("id") String id, @PathParam("authorId") String authorId);

    @DELETE
    @Path("/items/{id}/reviews/{authorId}/helpful")
    Response unmarkHelpful(@PathParam("id") String id, @PathParam("authorId") String authorId);

    @GET
    @Path("/admin/reviews/moderation")
    Response moderation(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit);

    @POST
    @Path("/admin/reviews/sentiment-backfill")
    Response startBackfill(@QueryParam("mode") String mode);

    @GET
    @Path("/admin/reviews/sentiment-backfill")
    Response backfillProgress();

    @GET
    @Path("/me/ratings")
    Response myRatings(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit);

    /** Readiness on the service's management interface ({@code gateway.rating.management-url}). */
    @GET
    @Path("/q/health/ready")
    Response ready(@Url String managementUrl);
}
