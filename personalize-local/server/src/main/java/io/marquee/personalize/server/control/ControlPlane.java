package io.marquee.personalize.server.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.server.web.AwsException;
import io.marquee.personalize.server.web.Input;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The control-plane operations ({@code AmazonPersonalize.<Operation>}) personalize-local
 * implements: one table, filled by one handler per resource family. Setup tools poll Describe*
 * for the status, as with AWS; creates and deletes move through the statuses in the background
 * ({@link Lifecycle}).
 * <pre>
 *   {@link DatasetGroupOperations}   dataset groups, schemas, datasets
 *   {@link ImportOperations}         dataset import jobs
 *   {@link SolutionOperations}       solutions, solution versions ({@link Training}), metrics
 *   {@link CampaignOperations}       campaigns
 *   {@link FilterOperations}         filters
 *   {@link EventTrackerOperations}   event trackers
 *   {@link RecipeOperations}         recipes
 * </pre>
 * What they share (ARNs, parent checks, the generic Describe/List/Delete) is {@link ResourceOperations}.
 */
@ApplicationScoped
public class ControlPlane {

    private final Map<String, Function<Input, ObjectNode>> operations = new LinkedHashMap<>();

    ControlPlane(DatasetGroupOperations datasetGroups, ImportOperations imports, SolutionOperations solutions,
                 CampaignOperations campaigns, FilterOperations filters, EventTrackerOperations trackers,
                 RecipeOperations recipes) {
        for (Operations family : List.of(datasetGroups, imports, solutions, campaigns, filters, trackers, recipes)) {
            family.operations().forEach((name, op) -> {
                if (operations.putIfAbsent(name, op) != null) {
                    throw new IllegalStateException(name + " is answered by two handlers");
                }
            });
        }
    }

    /** Runs one operation; an unknown one answers as AWS does for a target it does not know. */
    public ObjectNode call(String operation, Input in) {
        Function<Input, ObjectNode> op = operations.get(operation);
        if (op == null) {
            throw new AwsException("UnknownOperationException", 400, "personalize-local does not implement "
                    + operation);
        }
        return op.apply(in);
    }

    /** Every operation name the table answers. */
    public Set<String> operationNames() {
        return Collections.unmodifiableSet(operations.keySet());
    }
}
