package io.marquee.personalize.server.control;

import io.marquee.personalize.server.web.AwsException;
import io.marquee.personalize.server.web.Input;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * The control plane on the wire: AWS's json protocol, every operation a {@code POST /} named by
 * {@code X-Amz-Target: AmazonPersonalize.<Operation>}. Any content type is accepted.
 */
@Path("/")
public class ControlPlaneResource {

    private static final String PREFIX = "AmazonPersonalize.";

    private final ControlPlane controlPlane;

    public ControlPlaneResource(ControlPlane controlPlane) {
        this.controlPlane = controlPlane;
    }

    @POST
    @Consumes("*/*")
    public Response call(@HeaderParam("X-Amz-Target") String target, byte[] body) {
        if (target == null || !target.startsWith(PREFIX)) {
            throw new AwsException("UnknownOperationException", 400,
                    "X-Amz-Target must name an operation, like AmazonPersonalize.DescribeCampaign");
        }
        String operation = target.substring(PREFIX.length());
        return Response.ok(controlPlane.call(operation, Input.parse(body)).toString())
                .type("application/x-amz-json-1.1").build();
    }
}
