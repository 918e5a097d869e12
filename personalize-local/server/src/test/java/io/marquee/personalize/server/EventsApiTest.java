package io.marquee.personalize.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.personalize.server.support.Clients;
import io.marquee.personalize.server.support.FreshDataDir;
import io.marquee.personalize.server.support.Fixture;
import io.marquee.personalize.server.support.Fixture.Campaign;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeevents.model.InvalidInputException;
import software.amazon.awssdk.services.personalizeevents.model.Item;
import software.amazon.awssdk.services.personalizeevents.model.ResourceNotFoundException;
import software.amazon.awssdk.services.personalizeevents.model.User;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

@QuarkusTest
@WithTestResource(FreshDataDir.class)
class EventsApiTest {

    private final PersonalizeEventsClient events = Clients.events();

    private static Event event(String itemId, String type) {
        return Event.builder().eventType(type).itemId(itemId).sentAt(Instant.now()).build();
    }

    private static List<String> forYou(String user, String filterArn) {
        Fixture f = Fixture.get();
        return Clients.runtime().getRecommendations(r -> r.campaignArn(f.campaigns.get(Campaign.FOR_YOU)).userId(user)
                .numResults(40).filterArn(filterArn)).itemList().stream().map(PredictedItem::itemId).toList();
    }

    @Test
    void anEventChangesTheNextAnswerWithoutRetraining() {
        Fixture f = Fixture.get();
        String user = "newcomer-" + System.nanoTime();
        List<String> before = forYou(user, null).subList(0, 10);
        events.putEvents(r -> r.trackingId(f.trackingId).userId(user).sessionId("s-" + user).eventList(
                event(Fixture.item(31), "watch"), event(Fixture.item(32), "watch"), event(Fixture.item(33), "watch"),
                event(Fixture.item(34), "watch"), event(Fixture.item(35), "rate").toBuilder().eventValue(5f).build()));
        List<String> after = forYou(user, null).subList(0, 10);
        assertThat(after).isNotEqualTo(before);
        assertThat(forYou(user, f.excludeRated)).doesNotContain(Fixture.item(35));
    }

    @Test
    void anAnonymousSessionCountsForTheUserItIsLaterTiedTo() {
        Fixture f = Fixture.get();
        String session = "anon-" + System.nanoTime();
        events.putEvents(r -> r.trackingId(f.trackingId).sessionId(session).eventList(event(Fixture.item(36), "rate")));
        assertThat(forYou(session, f.excludeRated)).doesNotContain(Fixture.item(36));
        String user = "signed-up-" + System.nanoTime();
        assertThat(forYou(user, f.excludeRated)).contains(Fixture.item(36));
        events.putEvents(r -> r.trackingId(f.trackingId).sessionId(session).userId(user)
                .eventList(event(Fixture.item(37), "rate")));
        assertThat(forYou(user, f.excludeRated)).doesNotContain(Fixture.item(36), Fixture.item(37));
    }

    @Test
    void anUnknownTrackingIdIsResourceNotFound() {
        assertThatThrownBy(() -> events.putEvents(r -> r.trackingId("no-such-tracker").sessionId("s")
                .eventList(event("i01", "watch")))).isInstanceOf(ResourceNotFoundException.class);
    }

    private void rejects(UnaryOperator<Event.Builder> change, String field) {
        Fixture f = Fixture.get();
        Event bad = change.apply(event("i01", "watch").toBuilder()).build();
        assertThatThrownBy(() -> events.putEvents(r -> r.trackingId(f.trackingId).sessionId("s").eventList(bad)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(field);
    }

    @Test
    void everyConstraintOfAnEventIsInvalidInput() {
        Fixture f = Fixture.get();
        rejects(e -> e.eventType(""), "eventList[0].eventType");
        rejects(e -> e.eventType(null), "eventList[0].eventType");
        rejects(e -> e.sentAt(null), "eventList[0].sentAt");
        rejects(e -> e.itemId("x".repeat(257)), "eventList[0].itemId");
        rejects(e -> e.eventId(""), "eventList[0].eventId");
        rejects(e -> e.recommendationId("r".repeat(41)), "eventList[0].recommendationId");
        rejects(e -> e.impression(IntStream.range(0, 26).mapToObj(i -> "i" + i).toList()), "eventList[0].impression");
        rejects(e -> e.properties("{not json"), "eventList[0].properties");
        rejects(e -> e.properties("{\"UserId\":\"u1\"}"), "eventList[0].properties");
        rejects(e -> e.properties("{\"a\":\"" + "x".repeat(1024) + "\"}"), "eventList[0].properties");
        rejects(e -> e.metricAttribution(m -> m.eventAttributionSource(null)), "eventAttributionSource");
        assertThatThrownBy(() -> events.putEvents(r -> r.trackingId(f.trackingId).sessionId("s")
                .eventList(IntStream.range(0, 11).mapToObj(i -> event("i01", "watch")).toList())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("eventList");
        assertThatThrownBy(() -> events.putEvents(r -> r.trackingId(f.trackingId).sessionId("s").eventList(List.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("eventList");
        assertThatThrownBy(() -> events.putEvents(r -> r.trackingId(f.trackingId).eventList(event("i01", "watch"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("sessionId");
        assertThatThrownBy(() -> events.putEvents(r -> r.sessionId("s").eventList(event("i01", "watch"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("trackingId");
        assertThatThrownBy(() -> events.putEvents(r -> r.trackingId(f.trackingId).sessionId("s").userId("")
                .eventList(event("i01", "watch")))).isInstanceOf(InvalidInputException.class).hasMessageContaining("userId");
        events.putEvents(r -> r.trackingId(f.trackingId).sessionId("fine").eventList(event("i01", "watch").toBuilder()
                .properties("{\"device\":\"tv\"}").impression("i01", "i02").recommendationId("RID-1").eventId("e1")
                .build()));
    }

    @Test
    void putItemsMakesNewItemsAndTheirFieldsKnown() {
        Fixture f = Fixture.get();
        events.putItems(r -> r.datasetArn(f.itemsDataset).items(Item.builder().itemId("i99")
                .properties("{\"genres\":\"Musical\",\"year\":2024,\"title\":\"Brand new\"}").build()));
        var ranked = Clients.runtime().getPersonalizedRanking(r -> r.campaignArn(f.campaigns.get(Campaign.RANKING))
                .userId("u01").inputList("i99").metadataColumns(Map.of("ITEMS", List.of("GENRES", "YEAR", "TITLE"))));
        assertThat(ranked.personalizedRanking().get(0).metadata()).containsEntry("GENRES", "Musical")
                .containsEntry("YEAR", "2024").containsEntry("TITLE", "Brand new");
        assertThat(Clients.runtime().getRecommendations(r -> r.campaignArn(f.campaigns.get(Campaign.FOR_YOU))
                .userId("u01").numResults(100).filterArn(f.genre).filterValues(Map.of("GENRE", "\"Musical\"")))
                .itemList()).extracting(PredictedItem::itemId).containsOnly("i99");
    }

    @Test
    void putItemsAndPutUsersRefuseWhatTheSchemaDoesNotHave() {
        Fixture f = Fixture.get();
        assertThatThrownBy(() -> events.putItems(r -> r.datasetArn(f.itemsDataset).items(Item.builder().itemId("i98")
                .properties("{\"director\":\"x\"}").build()))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("items[0].properties").hasMessageContaining("director");
        assertThatThrownBy(() -> events.putItems(r -> r.datasetArn(f.interactionsDataset).items(Item.builder()
                .itemId("i98").build()))).isInstanceOf(InvalidInputException.class).hasMessageContaining("datasetArn");
        assertThatThrownBy(() -> events.putItems(r -> r.datasetArn(f.itemsDataset).items(IntStream.range(0, 11)
                .mapToObj(i -> Item.builder().itemId("x" + i).build()).toList())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("items");
        assertThatThrownBy(() -> events.putItems(r -> r.datasetArn(
                "arn:aws:personalize:us-east-1:000000000000:dataset/none/ITEMS").items(Item.builder().itemId("i98").build())))
                .isInstanceOf(ResourceNotFoundException.class);
        events.putUsers(r -> r.datasetArn(f.usersDataset).users(User.builder().userId("u01")
                .properties("{\"membership\":\"platinum\"}").build()));
        assertThatThrownBy(() -> events.putUsers(r -> r.datasetArn(f.usersDataset).users(User.builder().userId("u01")
                .properties("{\"age\":3}").build()))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("age");
        assertThatThrownBy(() -> events.putUsers(r -> r.datasetArn(f.usersDataset).users(User.builder().build())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("users[0].userId");
    }
}
