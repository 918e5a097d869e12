package io.marquee.catalog.item.rest;

import io.marquee.catalog.item.service.BatchResult;
import io.marquee.catalog.item.service.Item;
import io.marquee.catalog.item.service.ItemDetail;
import io.marquee.catalog.item.service.ItemDraft;
import io.marquee.catalog.item.service.ItemLookup;
import io.marquee.catalog.item.service.ItemPage;
import io.marquee.catalog.item.service.ItemRules;
import io.marquee.catalog.item.service.ItemService;
import io.marquee.catalog.item.service.WriteResult;
import io.marquee.common.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Catalog items over HTTP: a thin mapping onto {@link ItemService}. */
@Path("/items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Items", description = "The catalog: items by id, listings by genre and year, admin writes")
@APIResponse(responseCode = "500", description = "Unexpected failure; quote the request id",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ItemResource {

    private final ItemService items;

    public ItemResource(ItemService items) {
        this.items = items;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One item by id, with its rating and view figures")
    @APIResponse(responseCode = "200", description = "The item",
            content = @Content(schema = @Schema(implementation = ItemDetail.class)))
    @APIResponse(responseCode = "400", description = "The id is not a valid item id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ItemDetail get(@PathParam("id") @Pattern(regexp = ItemRules.ID_REGEX, message = ItemRules.ID_MESSAGE)
                    @Parameter(description = "Item id, " + ItemRules.ID_REGEX) String id) {
        return items.detail(id);
    }

    @GET
    @Operation(summary = "List items alphabetically by title, optionally by genre and/or year",
            description = "Pages are at most `limit` long; pass `nextCursor` back as `cursor` for the next page.")
    @APIResponse(responseCode = "200", description = "A page of item summaries",
            content = @Content(schema = @Schema(implementation = ItemPage.class)))
    @APIResponse(responseCode = "400", description = "Unknown genre, year outside 1870..2100, limit outside "
            + "1..100, or a cursor that is malformed or belongs to another query",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ItemPage list(
            @QueryParam("genre") @Parameter(description = "A MovieLens genre name, any case") String genre,
            @QueryParam("year") @Parameter(description = "Release year, 1870..2100") String year,
            @QueryParam("limit") @Parameter(description = "Page size, 1..100, default 20") String limit,
            @QueryParam("cursor") @Parameter(description = "`nextCursor` of the previous page") String cursor) {
        return items.list(genre, year, limit, cursor);
    }

    @PUT
    @Path("/{id}")
    @AdminOnly
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace an item (admin)")
    @APIResponse(responseCode = "200", description = "Replaced; the stored item",
            content = @Content(schema = @Schema(implementation = Item.class)))
    @APIResponse(responseCode = "201", description = "Created; the stored item, Location names it",
            content = @Content(schema = @Schema(implementation = Item.class)))
    @APIResponse(responseCode = "400", description = "Invalid id or body; `errors` names every bad field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token (missing, expired, forged)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks the admin role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The item kept changing concurrently; try again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than the limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("id") @Pattern(regexp = ItemRules.ID_REGEX, message = ItemRules.ID_MESSAGE)
                        String id,
                        @Valid @NotNull ItemDraft body, UriInfo uri) {
        WriteResult result = items.put(id, body);
        if (result.created()) {
            return Response.created(uri.getAbsolutePath()).entity(result.item()).build();
        }
        return Response.ok(result.item()).build();
    }

    @POST
    @Path("/batch")
    @AdminOnly
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace up to 100 items (admin)",
            description = "All items are validated first and nothing is written if any is invalid; "
                    + "then the items not stored yet are created together, as many per transaction as it holds, "
                    + "and the others replaced each in its own transaction.")
    @APIResponse(responseCode = "200", description = "How many items were created and how many replaced",
            content = @Content(schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid batch; `errors` names every bad field "
            + "as `items[i].field`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token (missing, expired, forged)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks the admin role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than the limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BatchResult batch(@NotNull BatchRequest body) {
        return items.putAll(body.entries());
    }

    @POST
    @Path("/lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read up to 500 items at once, with their figures",
            description = "Items come back in the order asked for, each once; ids the catalog does not know "
                    + "are listed in `missing`. A read, so no token is needed.")
    @APIResponse(responseCode = "200", description = "The items found and the ids missing",
            content = @Content(schema = @Schema(implementation = ItemLookup.class)))
    @APIResponse(responseCode = "400", description = "No ids, more than 500, or ids that are not valid item ids; "
            + "`errors` names each as `ids[i]`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ItemLookup lookup(@NotNull LookupRequest body) {
        return items.lookup(body.ids());
    }
}
