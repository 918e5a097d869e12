package io.marquee.rating.rest;

import io.marquee.common.problem.Problem;
import io.marquee.common.security.Roles;
import io.marquee.rating.service.Rating;
import io.marquee.rating.service.RatingRules;
import io.marquee.rating.service.RatingService;
import io.marquee.rating.service.WriteResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** My rating of an item over HTTP: a thin mapping onto {@link RatingService}. Reviews: {@code review.rest}. */
@Path("/items/{itemId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ratings", description = "My rating of an item; an item's reviews")
@SecurityScheme(securitySchemeName = RatingResource.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT")
@APIResponse(responseCode = "400", description = "Invalid item id, body or query; `errors` names every bad field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "500", description = "Unexpected failure; quote the request id",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RatingResource {

    public static final String BEARER = "bearer";

    private final RatingService ratings;
    private final CurrentUser user;

    public RatingResource(RatingService ratings, CurrentUser user) {
        this.ratings = ratings;
        this.user = user;
    }

    @GET
    @Path("/rating")
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = BEARER)
    @Operation(summary = "My rating of an item")
    @APIResponse(responseCode = "200", description = "My rating",
            content = @Content(schema = @Schema(implementation = Rating.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "I have not rated this item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Rating get(@PathParam("itemId") @Pattern(regexp = RatingRules.ITEM_ID_REGEX,
            message = RatingRules.ITEM_ID_MESSAGE) @Parameter(description = "Item id") String itemId) {
        return ratings.get(user.id(), itemId);
    }

    @PUT
    @Path("/rating")
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = BEARER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate an item, or replace my earlier rating",
            description = "Publishes a `ratings` event with the previous value and an `interactions` event of type `rate`.")
    @APIResponse(responseCode = "200", description = "Replaced; the stored rating",
            content = @Content(schema = @Schema(implementation = Rating.class)))
    @APIResponse(responseCode = "201", description = "Created; the stored rating, `Location` is this route",
            headers = @Header(name = "Location", description = "The rating just created",
                    schema = @Schema(implementation = String.class)),
            content = @Content(schema = @Schema(implementation = Rating.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks the user role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The catalog has no such item (`errors` names `itemId`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "My rating kept changing concurrently; try again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than the limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The catalog could not be asked whether the item exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("itemId") @Pattern(regexp = RatingRules.ITEM_ID_REGEX,
                                message = RatingRules.ITEM_ID_MESSAGE) String itemId,
                        @Valid @NotNull RatingRequest body) {
        WriteResult result = ratings.put(user.id(), itemId, body.rating(), body.review());
        Response.ResponseBuilder answer = result.created()
                ? Response.created(URI.create("/items/" + itemId + "/rating")) : Response.ok();
        return answer.entity(result.rating()).build();
    }

    @DELETE
    @Path("/rating")
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = BEARER)
    @Operation(summary = "Delete my rating of an item", description = "Idempotent: 204 also when there was none.")
    @APIResponse(responseCode = "204", description = "I have no rating of this item now")
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "My rating kept changing concurrently; try again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("itemId") @Pattern(regexp = RatingRules.ITEM_ID_REGEX,
            message = RatingRules.ITEM_ID_MESSAGE) String itemId) {
        ratings.delete(user.id(), itemId);
    }
}
