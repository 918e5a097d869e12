package io.marquee.personalize.server.control;

import static io.marquee.personalize.server.control.ResourceOperations.checkTags;
import static io.marquee.personalize.server.control.ResourceOperations.fresh;
import static io.marquee.personalize.server.control.ResourceOperations.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.server.filter.FilterExpression;
import io.marquee.personalize.server.filter.FilterSyntaxException;
import io.marquee.personalize.server.store.Kind;
import io.marquee.personalize.server.web.AwsException;
import io.marquee.personalize.server.web.Input;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Filters: an expression recommendations are filtered by, checked when it is created. */
@ApplicationScoped
class FilterOperations implements Operations {

    private final ResourceOperations resources;

    FilterOperations(ResourceOperations resources) {
        this.resources = resources;
    }

    @Override
    public Map<String, Function<Input, ObjectNode>> operations() {
        Map<String, Function<Input, ObjectNode>> table = new LinkedHashMap<>();
        table.put("CreateFilter", this::createFilter);
        resources.describeAndList(table, Kind.FILTER, Kind.DATASET_GROUP);
        resources.delete(table, Kind.FILTER, filter -> null, filter -> { });
        return table;
    }

    private ObjectNode createFilter(Input in) {
        String name = in.name("name");
        String groupArn = in.arn("datasetGroupArn", true);
        String expression = in.string("filterExpression", true, 1, 2500);
        checkTags(in);
        try {
            FilterExpression.parse(expression);
        } catch (FilterSyntaxException e) {
            throw AwsException.invalid("filterExpression: " + e.getMessage());
        }
        resources.activeParent(Kind.DATASET_GROUP, groupArn, "datasetGroupArn");
        String arn = resources.arn("filter", name);
        resources.requireFree(arn, Kind.FILTER);
        ObjectNode members = object().put("datasetGroupArn", groupArn).put("filterExpression", expression);
        resources.lifecycle().create(fresh(Kind.FILTER, arn, name, members), false, r -> { });
        return object().put("filterArn", arn);
    }
}
