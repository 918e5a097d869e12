package io.marquee.gateway.recommendation.client;

import io.marquee.common.problem.Problem;
import io.marquee.common.web.RequestIds;
import io.marquee.gateway.web.ForwardedHeaders;
import jakarta.ws.rs.Consumes;
import io.quarkus.rest.client.reactive.Url;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * recommendation-service's API as the gateway uses it: raw {@link Response}s, relayed unchanged.
 * The caller is whoever the forwarded token names. Only {@link RecommendationGateway} uses it.
 */
@RegisterRestClient(configKey = "recommendation")
@RegisterClientHeaders(ForwardedHeaders.class)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
interface RecommendationClient {

    @GET
    @Path("/recommendations/for-you")
    Response forYou(@QueryParam("genre") String genre, @QueryParam("year") String year,
                    @QueryParam("limit") String limit);

    @GET
    @Path("/recommendations/because-you-watched")
    Response becauseYouWatched(@QueryParam("rows") String rows, @QueryParam("limit") String limit);

    /** For a caller off the request thread (the home page's rows): token and request id passed explicitly. */
    @GET
    @Path("/recommendations/for-you")
    Response forYou(@QueryParam("limit") int limit, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                    @HeaderParam(RequestIds.HEADER) String requestId);

    /** As {@link #forYou(int, String, String)}, for the "because you watched" rows. */
    @GET
    @Path("/recommendations/because-you-watched")
    Response becauseYouWatched(@QueryParam("rows") int rows, @QueryParam("limit") int limit,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @HeaderParam(RequestIds.HEADER) String requestId);

    @POST
    @Path("/recommendations/rank")
    @Consumes(MediaType.APPLICATION_JSON)
    Response rank(byte[] body);

    @GET
    @Path("/items/{id}/similar")
    Response similar(@PathParam("id") String id, @QueryParam("limit") String limit);

    /** Readiness on the service's management interface ({@code gateway.recommendation.management-url}). */
    @GET
    @Path("/q/health/ready")
    Response ready(@Url String managementUrl);
}
