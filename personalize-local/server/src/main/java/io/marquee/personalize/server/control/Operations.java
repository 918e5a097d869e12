package io.marquee.personalize.server.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.server.web.Input;
import java.util.Map;
import java.util.function.Function;

/**
 * One family of control-plane operations (dataset groups, imports, solutions, ...): the
 * operations it answers, by their wire name ({@code CreateCampaign}), each taking the request
 * body and answering the response body. {@link ControlPlane} puts every family in one table.
 */
interface Operations {

    /** Operation name to handler, in the order they are documented. */
    Map<String, Function<Input, ObjectNode>> operations();
}
