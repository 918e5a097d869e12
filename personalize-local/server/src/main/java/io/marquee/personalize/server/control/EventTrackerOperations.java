package io.marquee.personalize.server.control;

import static io.marquee.personalize.server.control.ResourceOperations.checkTags;
import static io.marquee.personalize.server.control.ResourceOperations.fresh;
import static io.marquee.personalize.server.control.ResourceOperations.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.server.store.Kind;
import io.marquee.personalize.server.store.Resource;
import io.marquee.personalize.server.web.AwsException;
import io.marquee.personalize.server.web.Input;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Event trackers: the tracking id PutEvents names, one per dataset group. */
@ApplicationScoped
class EventTrackerOperations implements Operations {

    private final ResourceOperations resources;

    EventTrackerOperations(ResourceOperations resources) {
        this.resources = resources;
    }

    @Override
    public Map<String, Function<Input, ObjectNode>> operations() {
        Map<String, Function<Input, ObjectNode>> table = new LinkedHashMap<>();
        table.put("CreateEventTracker", this::createEventTracker);
        resources.describeAndList(table, Kind.EVENT_TRACKER, Kind.DATASET_GROUP);
        resources.delete(table, Kind.EVENT_TRACKER, tracker -> null, tracker -> { });
        return table;
    }

    private ObjectNode createEventTracker(Input in) {
        String name = in.name("name");
        String groupArn = in.arn("datasetGroupArn", true);
        checkTags(in);
        resources.activeParent(Kind.DATASET_GROUP, groupArn, "datasetGroupArn");
        for (Resource t : resources.store().list(Kind.EVENT_TRACKER)) {
            if (groupArn.equals(t.member("datasetGroupArn"))) {
                throw AwsException.alreadyExists("The dataset group " + groupArn + " already has the event tracker "
                        + t.arn() + " (one per dataset group)");
            }
            if (name.equals(t.name())) {
                throw AwsException.alreadyExists("An event tracker named " + name + " already exists");
            }
        }
        String id = UUID.randomUUID().toString();
        String arn = resources.arn("event-tracker", id.replace("-", "").substring(0, 8));
        ObjectNode members = object().put("datasetGroupArn", groupArn).put("trackingId", id)
                .put("accountId", resources.config().accountId());
        resources.lifecycle().create(fresh(Kind.EVENT_TRACKER, arn, name, members), false, r -> { });
        return object().put("eventTrackerArn", arn).put("trackingId", id);
    }
}
