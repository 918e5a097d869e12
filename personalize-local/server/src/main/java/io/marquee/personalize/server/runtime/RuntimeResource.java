package io.marquee.personalize.server.runtime;

import io.marquee.personalize.server.web.Input;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.InputStream;

/** personalize-runtime on the wire (rest-json): one POST per operation, any content type. */
@Path("/")
@Consumes("*/*")
@Produces("application/json")
public class RuntimeResource {

    private final Recommender recommender;

    public RuntimeResource(Recommender recommender) {
        this.recommender = recommender;
    }

    @POST
    @Path("recommendations")
    public String recommendations(InputStream body) {
        return recommender.recommendations(Input.parse(body));
    }

    @POST
    @Path("personalize-ranking")
    public String personalizedRanking(InputStream body) {
        return recommender.personalizedRanking(Input.parse(body));
    }

    @POST
    @Path("action-recommendations")
    public String actionRecommendations(InputStream body) {
        return recommender.actionRecommendations(Input.parse(body));
    }
}
