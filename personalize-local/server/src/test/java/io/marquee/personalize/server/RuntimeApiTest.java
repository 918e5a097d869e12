package io.marquee.personalize.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.personalize.server.support.Clients;
import io.marquee.personalize.server.support.FreshDataDir;
import io.marquee.personalize.server.support.Fixture;
import io.marquee.personalize.server.support.Fixture.Campaign;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.InvalidInputException;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;
import software.amazon.awssdk.services.personalizeruntime.model.Promotion;
import software.amazon.awssdk.services.personalizeruntime.model.ResourceNotFoundException;

@QuarkusTest
@WithTestResource(FreshDataDir.class)
class RuntimeApiTest {

    private final PersonalizeRuntimeClient runtime = Clients.runtime();

    private static List<String> ids(GetRecommendationsResponse response) {
        return response.itemList().stream().map(PredictedItem::itemId).toList();
    }

    private GetRecommendationsResponse forYou(String user, java.util.function.Consumer<GetRecommendationsRequest.Builder> more) {
        Fixture f = Fixture.get();
        return runtime.getRecommendations(r -> {
            r.campaignArn(f.campaigns.get(Campaign.FOR_YOU)).userId(user);
            more.accept(r);
        });
    }

    @Test
    void userPersonalizationAnswersScoredItemsAndARecommendationId() {
        GetRecommendationsResponse answer = forYou(Fixture.user(1), r -> { });
        assertThat(answer.itemList()).isNotEmpty().hasSizeLessThanOrEqualTo(25);
        assertThat(answer.itemList()).allSatisfy(i -> assertThat(i.score()).isNotNull());
        assertThat(answer.recommendationId()).isNotBlank();
        assertThat(forYou(Fixture.user(1), r -> r.numResults(3)).itemList()).hasSize(3);
        assertThat(forYou("someone-new", r -> r.numResults(5)).itemList()).hasSize(5);
    }

    @Test
    void aComedyFanIsRecommendedMostlyComedies() {
        List<String> top = ids(forYou(Fixture.user(2), r -> r.numResults(10).filterArn(Fixture.get().excludeRated)));
        assertThat(top.stream().filter(Fixture::isComedy).count()).isGreaterThan(top.size() / 2);
    }

    @Test
    void everyRecipeAnswersThroughItsCampaign() {
        Fixture f = Fixture.get();
        List<String> similar = ids(runtime.getRecommendations(r -> r.campaignArn(f.campaigns.get(Campaign.SIMILAR))
                .itemId(Fixture.item(1)).numResults(5)));
        assertThat(similar).isNotEmpty().doesNotContain(Fixture.item(1));
        assertThat(ids(runtime.getRecommendations(r -> r.campaignArn(f.campaigns.get(Campaign.POPULAR)).numResults(5))))
                .hasSize(5);
        assertThat(ids(runtime.getRecommendations(r -> r.campaignArn(f.campaigns.get(Campaign.TRENDING))
                .userId(Fixture.user(3)).numResults(5)))).isNotEmpty();
        List<String> input = List.of(Fixture.item(21), Fixture.item(2), Fixture.item(30), Fixture.item(4));
        var ranked = runtime.getPersonalizedRanking(r -> r.campaignArn(f.campaigns.get(Campaign.RANKING))
                .userId(Fixture.user(1)).inputList(input));
        assertThat(ranked.personalizedRanking()).extracting(PredictedItem::itemId).containsExactlyInAnyOrderElementsOf(input);
        assertThat(ranked.recommendationId()).isNotBlank();
    }

    @Test
    void eachRecipeAsksForWhatItNeeds() {
        Fixture f = Fixture.get();
        assertThatThrownBy(() -> runtime.getRecommendations(r -> r.campaignArn(f.campaigns.get(Campaign.FOR_YOU))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("userId");
        assertThatThrownBy(() -> runtime.getRecommendations(r -> r.campaignArn(f.campaigns.get(Campaign.SIMILAR))
                .userId("u01"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("itemId");
        assertThatThrownBy(() -> runtime.getRecommendations(r -> r.campaignArn(f.campaigns.get(Campaign.RANKING))
                .userId("u01"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("GetPersonalizedRanking");
        assertThatThrownBy(() -> runtime.getRecommendations(r -> r.userId("u01")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("campaignArn");
    }

    @Test
    void unknownCampaignsAndFiltersAreResourceNotFound() {
        assertThatThrownBy(() -> runtime.getRecommendations(r -> r.userId("u01")
                .campaignArn("arn:aws:personalize:us-east-1:000000000000:campaign/none")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> forYou("u01", r -> r.filterArn("arn:aws:personalize:us-east-1:000000000000:filter/none")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> runtime.getPersonalizedRanking(r -> r.userId("u01").inputList("i01")
                .campaignArn("arn:aws:personalize:us-east-1:000000000000:campaign/none")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void everyConstraintOfTheRequestIsInvalidInput() {
        Fixture f = Fixture.get();
        assertThatThrownBy(() -> forYou("u01", r -> r.numResults(501)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("numResults");
        assertThat(forYou("u01", r -> r.numResults(50).metadataColumns(Map.of("ITEMS", List.of("GENRES")))).itemList())
                .isNotEmpty();
        assertThatThrownBy(() -> forYou("u01", r -> r.numResults(51).metadataColumns(Map.of("ITEMS", List.of("GENRES")))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("numResults");
        assertThatThrownBy(() -> forYou("u01", r -> r.numResults(-1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("numResults");
        assertThatThrownBy(() -> forYou("u".repeat(257), r -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("userId");
        assertThatThrownBy(() -> runtime.getRecommendations(r -> r.campaignArn("campaign/for-you").userId("u01")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("campaignArn");
        assertThatThrownBy(() -> forYou("u01", r -> r.filterArn(f.genre).filterValues(Map.of("GEN-RE", "\"Drama\""))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("filterValues");
        Map<String, String> tooMany = new HashMap<>();
        IntStream.range(0, 26).forEach(i -> tooMany.put("K" + i, "\"v\""));
        assertThatThrownBy(() -> forYou("u01", r -> r.filterArn(f.genre).filterValues(tooMany)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("filterValues");
        assertThatThrownBy(() -> forYou("u01", r -> r.filterArn(f.genre).filterValues(Map.of("GENRE", "x".repeat(1001)))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("filterValues");
        assertThatThrownBy(() -> forYou("u01", r -> r.context(Map.of("device type", "phone"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("context");
        assertThatThrownBy(() -> forYou("u01", r -> r.metadataColumns(Map.of("USERS", List.of("MEMBERSHIP")))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("metadataColumns");
        assertThatThrownBy(() -> forYou("u01", r -> r.metadataColumns(Map.of("ITEMS",
                IntStream.range(0, 11).mapToObj(i -> "C" + i).toList()))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("metadataColumns");
        Promotion promotion = Promotion.builder().name("p").percentPromotedItems(10).filterArn(f.comedies).build();
        assertThatThrownBy(() -> forYou("u01", r -> r.promotions(promotion, promotion)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("promotions");
        assertThatThrownBy(() -> forYou("u01", r -> r.promotions(promotion.toBuilder().percentPromotedItems(0).build())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("percentPromotedItems");
        assertThatThrownBy(() -> forYou("u01", r -> r.promotions(promotion.toBuilder().name("").build())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("promotions[0].name");
        assertThatThrownBy(() -> runtime.getPersonalizedRanking(r -> r.campaignArn(f.campaigns.get(Campaign.RANKING))
                .userId("u01").inputList(IntStream.range(0, 501).mapToObj(i -> "i" + i).toList())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inputList");
        assertThatThrownBy(() -> runtime.getPersonalizedRanking(r -> r.campaignArn(f.campaigns.get(Campaign.RANKING))
                .inputList("i01"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("userId");
    }

    @Test
    void recommendersAndActionsAreNotServedAndSayWhy() {
        Fixture f = Fixture.get();
        assertThatThrownBy(() -> runtime.getRecommendations(r -> r.userId("u01")
                .recommenderArn("arn:aws:personalize:us-east-1:000000000000:recommender/top-picks")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("recommender");
        assertThatThrownBy(() -> runtime.getActionRecommendations(r -> r.userId("u01")
                .campaignArn(f.campaigns.get(Campaign.FOR_YOU)))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("actions");
        assertThatThrownBy(() -> runtime.getActionRecommendations(r -> r.userId("u01").numResults(101)
                .campaignArn(f.campaigns.get(Campaign.FOR_YOU)))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("numResults");
    }

    @Test
    void excludeRatedRemovesWhatTheUserRated() {
        List<String> all = ids(forYou(Fixture.user(4), r -> r.numResults(40)));
        List<String> filtered = ids(forYou(Fixture.user(4), r -> r.numResults(40).filterArn(Fixture.get().excludeRated)));
        assertThat(filtered).isNotEmpty().doesNotContainAnyElementsOf(Fixture.rated(4));
        assertThat(all).containsAll(filtered);
    }

    @Test
    void aGenreParameterIncludesOnlyThatGenre() {
        Fixture f = Fixture.get();
        List<String> dramas = ids(forYou(Fixture.user(5), r -> r.numResults(40).filterArn(f.genre)
                .filterValues(Map.of("GENRE", "\"Drama\""))));
        assertThat(dramas).isNotEmpty().allSatisfy(id -> {
            int n = Integer.parseInt(id.substring(1));
            assertThat(n > 20 || n == 5).as(id).isTrue();
        });
        List<String> both = ids(forYou(Fixture.user(5), r -> r.numResults(40).filterArn(f.genre)
                .filterValues(Map.of("GENRE", "\"Drama\",\"Comedy\""))));
        assertThat(both).hasSizeGreaterThan(dramas.size());
        assertThatThrownBy(() -> forYou(Fixture.user(5), r -> r.filterArn(f.genre)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("$GENRE");
        assertThatThrownBy(() -> forYou(Fixture.user(5), r -> r.filterArn(f.genre).filterValues(Map.of("GENRE", "Drama"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("filterValues.GENRE");
    }

    @Test
    void combinedExpressionsApplyEveryPart() {
        Fixture f = Fixture.get();
        List<String> unseenComedies = ids(forYou(Fixture.user(6), r -> r.numResults(40).filterArn(f.genreNotWatched)
                .filterValues(Map.of("GENRE", "\"Comedy\""))));
        List<String> watched = IntStream.range(0, 8).mapToObj(k -> Fixture.item(Fixture.favourite(6, k))).toList();
        assertThat(unseenComedies).isNotEmpty().doesNotContainAnyElementsOf(watched).allMatch(Fixture::isComedy);
    }

    @Test
    void aPromotionMixesInItemsOfItsFilterUnderItsName() {
        Fixture f = Fixture.get();
        GetRecommendationsResponse answer = forYou(Fixture.user(20), r -> r.numResults(10).promotions(Promotion.builder()
                .name("comedy-push").percentPromotedItems(20).filterArn(f.comedies).build()));
        List<PredictedItem> promoted = answer.itemList().stream().filter(i -> i.promotionName() != null).toList();
        assertThat(promoted).hasSize(2).allSatisfy(i -> {
            assertThat(i.promotionName()).isEqualTo("comedy-push");
            assertThat(Fixture.isComedy(i.itemId())).isTrue();
        });
        assertThat(answer.itemList()).hasSize(10);
        assertThat(ids(answer)).doesNotHaveDuplicates();
    }

    @Test
    void metadataColumnsReturnItemFields() {
        GetRecommendationsResponse answer = forYou(Fixture.user(7), r -> r.numResults(5)
                .metadataColumns(Map.of("ITEMS", List.of("GENRES", "TITLE"))));
        // Items PutItems added in other tests (numbers above 40) have titles of their own.
        assertThat(answer.itemList()).filteredOn(i -> Integer.parseInt(i.itemId().substring(1)) <= 40).allSatisfy(i -> {
            int n = Integer.parseInt(i.itemId().substring(1));
            assertThat(i.metadata()).containsEntry("TITLE", "Title " + n + ", the \"movie\"");
            assertThat(i.metadata().get("GENRES")).isNotBlank();
        });
        var ranked = Clients.runtime().getPersonalizedRanking(r -> r.campaignArn(Fixture.get().campaigns.get(Campaign.RANKING))
                .userId("u07").inputList("i21").metadataColumns(Map.of("ITEMS", List.of("YEAR"))));
        assertThat(ranked.personalizedRanking().get(0).metadata()).containsEntry("YEAR", "2001");
    }

    @Test
    void rankingHonoursTheFilter() {
        Fixture f = Fixture.get();
        List<String> input = List.of(Fixture.rated(8).get(0), Fixture.item(33), Fixture.item(34));
        var ranked = runtime.getPersonalizedRanking(r -> r.campaignArn(f.campaigns.get(Campaign.RANKING))
                .userId(Fixture.user(8)).inputList(input).filterArn(f.excludeRated));
        assertThat(ranked.personalizedRanking()).extracting(PredictedItem::itemId)
                .containsExactlyInAnyOrder(Fixture.item(33), Fixture.item(34));
    }
}
