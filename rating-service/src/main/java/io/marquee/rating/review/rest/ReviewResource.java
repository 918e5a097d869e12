package io.marquee.rating.review.rest;

import io.marquee.common.problem.Problem;
import io.marquee.common.security.Roles;
import io.marquee.rating.rest.CurrentUser;
import io.marquee.rating.rest.RatingResource;
import io.marquee.rating.review.service.HelpfulVotes;
import io.marquee.rating.review.service.ReviewService;
import io.marquee.rating.review.service.ReviewSummary;
import io.marquee.rating.service.RatingPage;
import io.marquee.rating.service.RatingRules;
import io.marquee.rating.service.RatingService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An item's reviews: the listing (by sentiment too), the summary, helpful votes. Thin over the services. */
@Path("/items/{itemId}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews", description = "An item's reviews, their sentiment summary and helpful votes")
@APIResponse(responseCode = "400", description = "Invalid id or query; `errors` names every bad field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "500", description = "Unexpected failure; quote the request id",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ReviewResource {

    private final RatingService ratings;
    private final ReviewService reviews;
    private final CurrentUser user;

    public ReviewResource(RatingService ratings, ReviewService reviews, CurrentUser user) {
        this.ratings = ratings;
        this.reviews = reviews;
        this.user = user;
    }

    @GET
    @PermitAll
    @Operation(summary = "An item's reviews, newest first",
            description = "Ratings that carry review text, each with its sentiment. Public. Reviewers are shown by "
                    + "user id only. `sentiment` keeps only reviews with that label. Pass `nextCursor` back as "
                    + "`cursor` for the next page (with the same `sentiment`).")
    @APIResponse(responseCode = "200", description = "A page of reviews",
            content = @Content(schema = @Schema(implementation = RatingPage.class)))
    public RatingPage list(
            @PathParam("itemId") @Pattern(regexp = RatingRules.ITEM_ID_REGEX,
                    message = RatingRules.ITEM_ID_MESSAGE) String itemId,
            @QueryParam("sentiment") @Parameter(description = "positive, negative or neutral",
                    schema = @Schema(enumeration = {"positive", "negative", "neutral"})) String sentiment,
            @QueryParam("limit") @Parameter(description = "Page size, 1..100, default 20") String limit,
            @QueryParam("cursor") @Parameter(description = "`nextCursor` of the previous page") String cursor) {
        return ratings.reviews(itemId, sentiment, limit, cursor);
    }

    @GET
    @Path("/summary")
    @PermitAll
    @Operation(summary = "An item's reviews at a glance",
            description = "Shares of positive and negative reviews and the most helpful excerpt of each. Public.")
    @APIResponse(responseCode = "200", description = "The summary (zeros and null excerpts without reviews)",
            content = @Content(schema = @Schema(implementation = ReviewSummary.class)))
    public ReviewSummary summary(@PathParam("itemId") @Pattern(regexp = RatingRules.ITEM_ID_REGEX,
            message = RatingRules.ITEM_ID_MESSAGE) String itemId) {
        return reviews.summary(itemId);
    }

    @PUT
    @Path("/{authorId}/helpful")
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = RatingResource.BEARER)
    @Operation(summary = "Mark a review helpful",
            description = "One vote per user and review; voting again changes nothing. Not on my own review.")
    @APIResponse(responseCode = "200", description = "The review's votes now",
            content = @Content(schema = @Schema(implementation = HelpfulVotes.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "It is my own review, or the token lacks the user role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "That user has no review of this item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The review kept changing concurrently; try again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HelpfulVotes vote(
            @PathParam("itemId") @Pattern(regexp = RatingRules.ITEM_ID_REGEX,
                    message = RatingRules.ITEM_ID_MESSAGE) String itemId,
            @PathParam("authorId") @Parameter(description = "The review's author (user id)") String authorId) {
        return reviews.vote(itemId, authorId, user.id(), true);
    }

    @DELETE
    @Path("/{authorId}/helpful")
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = RatingResource.BEARER)
    @Operation(summary = "Take back my helpful vote", description = "Without a vote of mine, changes nothing.")
    @APIResponse(responseCode = "200", description = "The review's votes now",
            content = @Content(schema = @Schema(implementation = HelpfulVotes.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "It is my own review, or the token lacks the user role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "That user has no review of this item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HelpfulVotes unvote(
            @PathParam("itemId") @Pattern(regexp = RatingRules.ITEM_ID_REGEX,
                    message = RatingRules.ITEM_ID_MESSAGE) String itemId,
            @PathParam("authorId") String authorId) {
        return reviews.vote(itemId, authorId, user.id(), false);
    }
}
