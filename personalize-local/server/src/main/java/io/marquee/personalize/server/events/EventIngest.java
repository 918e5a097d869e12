package io.marquee.personalize.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.personalize.engine.Interaction;
import io.marquee.personalize.engine.ItemMetadata;
import io.marquee.personalize.engine.Model;
import io.marquee.personalize.server.data.AvroSchema;
import io.marquee.personalize.server.data.DatasetType;
import io.marquee.personalize.server.store.GroupData;
import io.marquee.personalize.server.store.Kind;
import io.marquee.personalize.server.store.Resource;
import io.marquee.personalize.server.store.Store;
import io.marquee.personalize.server.web.AwsException;
import io.marquee.personalize.server.web.Input;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PutEvents, PutItems and PutUsers: validated against the service model, written to the dataset
 * group's event log, applied to its data and handed to every loaded model of the group at once,
 * so the next GetRecommendations already reflects them (no retraining).
 */
@ApplicationScoped
public class EventIngest {

    private static final Set<String> RESERVED_PROPERTIES = Set.of("userid", "sessionid", "eventtype", "timestamp",
            "recommendationid", "impression");

    private final Store store;

    public EventIngest(Store store) {
        this.store = store;
    }

    public void putEvents(Input in) {
        String trackingId = in.string("trackingId", true, 1, 256);
        String userId = in.string("userId", false, 1, 256);
        String sessionId = in.string("sessionId", true, 1, 256);
        List<Input> eventList = in.objects("eventList", true, 1, 10);
        List<GroupData.RecordedEvent> events = new ArrayList<>(eventList.size());
        for (Input e : eventList) {
            String eventType = e.string("eventType", true, 1, 256);
            double sentAt = e.number("sentAt", true);
            e.string("eventId", false, 1, 256);
            Double eventValue = e.number("eventValue", false);
            String itemId = e.string("itemId", false, 1, 256);
            String properties = e.string("properties", false, 1, 1024);
            e.string("recommendationId", false, 1, 40);
            e.strings("impression", false, 1, 25, 256);
            Input attribution = e.object("metricAttribution", false);
            if (attribution != null) {
                attribution.string("eventAttributionSource", true, 0, 1024);
            }
            if (properties != null) {
                JsonNode parsed = Input.parseEmbedded(e.field("properties"), properties);
                for (Iterator<String> it = parsed.fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    if (RESERVED_PROPERTIES.contains(key.toLowerCase(Locale.ROOT))) {
                        throw AwsException.invalid(e.field("properties") + " must not contain " + key
                                + " (it has a member of its own)");
                    }
                }
            }
            events.add(new GroupData.RecordedEvent(userId, sessionId, itemId, Math.round(sentAt * 1000.0), eventType,
                    eventValue == null ? Double.NaN : eventValue));
        }
        Resource tracker = store.list(Kind.EVENT_TRACKER).stream()
                .filter(t -> trackingId.equals(t.member("trackingId")) && !t.isDeleting()).findFirst()
                .orElseThrow(() -> AwsException.notFound("No event tracker has the trackingId " + trackingId));
        String groupArn = tracker.member("datasetGroupArn");
        GroupData data = store.group(groupArn);
        store.logEvents(groupArn, events);
        List<Model> models = models(groupArn);
        for (GroupData.RecordedEvent event : events) {
            Interaction recorded = data.record(event);
            if (recorded.itemId() != null) {
                for (Model model : models) {
                    model.observe(recorded);
                }
            }
        }
    }

    public void putItems(Input in) {
        String datasetArn = in.arn("datasetArn", true);
        List<Input> items = in.objects("items", true, 1, 10);
        List<Map.Entry<String, Map<String, String>>> rows = rows(items, "itemId", 32000);
        Resource dataset = dataset(datasetArn, DatasetType.ITEMS);
        AvroSchema schema = schemaOf(dataset);
        String groupArn = dataset.member("datasetGroupArn");
        List<Map<String, String>> checked = checkAgainst(schema, rows, "items");
        GroupData data = store.group(groupArn);
        List<Model> models = models(groupArn);
        for (int i = 0; i < rows.size(); i++) {
            String id = rows.get(i).getKey();
            store.logMetadata(groupArn, true, id, checked.get(i));
            ItemMetadata item = data.putItem(id, checked.get(i));
            models.forEach(m -> m.putItem(item));
        }
    }

    public void putUsers(Input in) {
        String datasetArn = in.arn("datasetArn", true);
        List<Input> users = in.objects("users", true, 1, 10);
        List<Map.Entry<String, Map<String, String>>> rows = rows(users, "userId", 24000);
        Resource dataset = dataset(datasetArn, DatasetType.USERS);
        AvroSchema schema = schemaOf(dataset);
        String groupArn = dataset.member("datasetGroupArn");
        List<Map<String, String>> checked = checkAgainst(schema, rows, "users");
        GroupData data = store.group(groupArn);
        for (int i = 0; i < rows.size(); i++) {
            store.logMetadata(groupArn, false, rows.get(i).getKey(), checked.get(i));
            data.putUser(rows.get(i).getKey(), checked.get(i));
        }
    }

    private static List<Map.Entry<String, Map<String, String>>> rows(List<Input> entries, String idField, int maxProps) {
        List<Map.Entry<String, Map<String, String>>> rows = new ArrayList<>();
        for (Input entry : entries) {
            String id = entry.string(idField, true, 1, 256);
            String properties = entry.string("properties", false, 1, maxProps);
            Map<String, String> fields = new LinkedHashMap<>();
            if (properties != null) {
                JsonNode parsed = Input.parseEmbedded(entry.field("properties"), properties);
                parsed.fields().forEachRemaining(f -> fields.put(f.getKey(),
                        f.getValue().isTextual() ? f.getValue().textValue() : f.getValue().toString()));
            }
            rows.add(Map.entry(id, fields));
        }
        return rows;
    }

    /**
     * Property names are camelCase versions of the schema's columns ({@code creationTimestamp}
     * is CREATION_TIMESTAMP); each must be a column of the dataset's schema.
     */
    private static List<Map<String, String>> checkAgainst(AvroSchema schema,
                                                          List<Map.Entry<String, Map<String, String>>> rows,
                                                          String member) {
        List<Map<String, String>> checked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> columns = new LinkedHashMap<>();
            String where = member + "[" + i + "].properties";
            for (Map.Entry<String, String> property : rows.get(i).getValue().entrySet()) {
                String column = columnName(property.getKey());
                AvroSchema.Field field = schema.field(column).or(() -> schema.field(property.getKey()))
                        .orElseThrow(() -> AwsException.invalid(where + " has " + property.getKey()
                                + ", which is not a field of the dataset's schema"));
                columns.put(field.name().toUpperCase(Locale.ROOT), property.getValue());
            }
            checked.add(columns);
        }
        return checked;
    }

    static String columnName(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && camel.charAt(i - 1) != '_') {
                out.append('_');
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString();
    }

    private Resource dataset(String arn, DatasetType type) {
        Resource dataset = store.get(Kind.DATASET, arn);
        if (!type.wireName().equals(dataset.member("datasetType"))) {
            throw AwsException.invalid("datasetArn must be an " + type.wireName() + " dataset; " + arn + " is "
                    + dataset.member("datasetType"));
        }
        if (!dataset.isActive()) {
            throw AwsException.inUse("The dataset " + arn + " is " + dataset.status() + ", not ACTIVE");
        }
        return dataset;
    }

    private AvroSchema schemaOf(Resource dataset) {
        return AvroSchema.parse(store.get(Kind.SCHEMA, dataset.member("schemaArn")).member("schema"));
    }

    /** Every loaded model trained on this dataset group (one per ACTIVE solution version). */
    private List<Model> models(String groupArn) {
        List<Model> models = new ArrayList<>();
        for (Resource version : store.list(Kind.SOLUTION_VERSION)) {
            if (version.isActive() && groupArn.equals(version.member("datasetGroupArn"))) {
                store.model(version.arn()).ifPresent(models::add);
            }
        }
        return models;
    }
}
