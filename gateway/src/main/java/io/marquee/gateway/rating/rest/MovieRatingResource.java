package io.marquee.gateway.rating.rest;

import io.marquee.common.problem.Problem;
import io.marquee.common.security.Roles;
import io.marquee.gateway.rating.client.RatingGateway;
import io.marquee.gateway.web.ApiDocs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/movies/{id}/rating} (mine) and {@code /reviews} (everyone's): rating-service's,
 * under the movies path because that is where a client looks for them. "Mine" is whoever the
 * token names; rating-service reads the user from the forwarded token, so no one can address
 * another user's rating.
 */
@Path("/api/v1/movies")
@Tag(name = "Ratings", description = "My ratings and reviews, and a movie's reviews")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class MovieRatingResource {

    static final String SENTIMENT_PATTERN = "positive|negative|neutral";
    /** User ids as rating-service accepts them (a token's {@code sub}). */
    static final String AUTHOR_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}";
    static final String AUTHOR_MESSAGE = "must be a user id: 1 to 128 of A-Z a-z 0-9 _ . : @ -, starting with a letter or digit";

    private final RatingGateway ratings;

    MovieRatingResource(RatingGateway ratings) {
        this.ratings = ratings;
    }

    @GET
    @Path("/{id}/rating")
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(summary = "My rating of a movie")
    @APIResponse(responseCode = "200", description = "My rating",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RatingSchemas.Rating.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response mine(@PathParam("id") @Parameter(description = ApiDocs.ID_RULE)
                         @Pattern(regexp = ApiDocs.ID_PATTERN, message = ApiDocs.ID_MESSAGE) String id) {
        return ratings.rating(id);
    }

    @PUT
    @Path("/{id}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(summary = "Rate a movie", description = "0.5 to 5.0 in steps of 0.5, with an optional review of up to "
            + "2,000 characters; rating again replaces the earlier rating and review")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RatingSchemas.RatingDraft.class)))
    @APIResponse(responseCode = "200", description = "Replaced my earlier rating",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RatingSchemas.Rating.class)))
    @APIResponse(responseCode = "201", description = "My first rating of this movie",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RatingSchemas.Rating.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response rate(@PathParam("id") @Parameter(description = ApiDocs.ID_RULE)
                         @Pattern(regexp = ApiDocs.ID_PATTERN, message = ApiDocs.ID_MESSAGE) String id,
                         byte[] body) {
        return ratings.putRating(id, body);
    }

    @DELETE
    @Path("/{id}/rating")
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(summary = "Delete my rating of a movie")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response unrate(@PathParam("id") @Parameter(description = ApiDocs.ID_RULE)
                           @Pattern(regexp = ApiDocs.ID_PATTERN, message = ApiDocs.ID_MESSAGE) String id) {
        return ratings.deleteRating(id);
    }

    @GET
    @Path("/{id}/reviews")
    @Operation(summary = "A movie's reviews", description = "Ratings that carry review text, newest first, each with "
            + "its sentiment; `sentiment` keeps only reviews with that label; public")
    @APIResponse(responseCode = "200", description = "A page of reviews",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RatingSchemas.ReviewPage.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response reviews(
            @PathParam("id") @Parameter(description = ApiDocs.ID_RULE)
            @Pattern(regexp = ApiDocs.ID_PATTERN, message = ApiDocs.ID_MESSAGE) String id,
            @QueryParam("sentiment") @Parameter(description = "positive, negative or neutral",
                    schema = @Schema(enumeration = {"positive", "negative", "neutral"}))
            @Pattern(regexp = SENTIMENT_PATTERN, message = "must be positive, negative or neutral") String sentiment,
            @QueryParam("cursor") @Parameter(description = ApiDocs.CURSOR_RULE)
            @Size(max = ApiDocs.CURSOR_MAX) String cursor,
            @QueryParam("limit") @Parameter(description = ApiDocs.LIMIT_RULE,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
            @Pattern(regexp = ApiDocs.COUNT_PATTERN, message = ApiDocs.COUNT_MESSAGE) String limit) {
        return ratings.reviews(id, sentiment, cursor, limit);
    }

    @GET
    @Path("/{id}/reviews/summary")
    @Operation(summary = "A movie's reviews at a glance",
            description = "Shares of positive and negative reviews and the most helpful excerpt of each; public")
    @APIResponse(responseCode = "200", description = "The summary (zeros and no excerpts without reviews)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RatingSchemas.ReviewSummary.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public Response reviewSummary(@PathParam("id") @Parameter(description = ApiDocs.ID_RULE)
                                  @Pattern(regexp = ApiDocs.ID_PATTERN, message = ApiDocs.ID_MESSAGE) String id) {
        return ratings.reviewSummary(id);
    }

    @PUT
    @Path("/{id}/reviews/{authorId}/helpful")
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(summary = "Mark a review helpful",
            description = "One vote per user and review (voting again changes nothing); not on my own review (403)")
    @APIResponse(responseCode = "200", description = "The review's votes now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RatingSchemas.HelpfulVotes.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response markHelpful(@PathParam("id") @Parameter(description = ApiDocs.ID_RULE)
                                @Pattern(regexp = ApiDocs.ID_PATTERN, message = ApiDocs.ID_MESSAGE) String id,
                                @PathParam("authorId") @Parameter(description = "The review's author (user id)")
                                @Pattern(regexp = AUTHOR_PATTERN, message = AUTHOR_MESSAGE) String authorId) {
        return ratings.markHelpful(id, authorId, true);
    }

    @DELETE
    @Path("/{id}/reviews/{authorId}/helpful")
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(summary = "Take back my helpful vote", description = "Without a vote of mine, changes nothing")
    @APIResponse(responseCode = "200", description = "The review's votes now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RatingSchemas.HelpfulVotes.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response unmarkHelpful(@PathParam("id") @Parameter(description = ApiDocs.ID_RULE)
                                  @Pattern(regexp = ApiDocs.ID_PATTERN, message = ApiDocs.ID_MESSAGE) String id,
                                  @PathParam("authorId") @Parameter(description = "The review's author (user id)")
                                  @Pattern(regexp = AUTHOR_PATTERN, message = AUTHOR_MESSAGE) String authorId) {
        return ratings.markHelpful(id, authorId, false);
    }
}
