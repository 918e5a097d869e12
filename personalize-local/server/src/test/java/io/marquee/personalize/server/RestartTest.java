package io.marquee.personalize.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.personalize.engine.Model;
import io.marquee.personalize.server.store.Kind;
import io.marquee.personalize.server.store.Resource;
import io.marquee.personalize.server.store.Store;
import io.marquee.personalize.server.support.Clients;
import io.marquee.personalize.server.support.FreshDataDir;
import io.marquee.personalize.server.support.Fixture;
import io.marquee.personalize.server.support.Fixture.Campaign;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalizeevents.model.Event;

/**
 * A restart is a new {@link Store} opened on the data directory: here on a copy of the running
 * app's directory (the app keeps its own open), plus a torn last line, as a crash mid-append leaves.
 */
@QuarkusTest
@WithTestResource(FreshDataDir.class)
class RestartTest {

    @Test
    void aRestartRestoresResourcesDatasetsRecordedEventsAndModels() throws IOException {
        Fixture f = Fixture.get();
        Clients.events().putEvents(r -> r.trackingId(f.trackingId).userId("restarted").sessionId("restart-session")
                .eventList(Event.builder().eventType("rate").itemId(Fixture.item(39)).sentAt(Instant.now()).build()));
        Path copy = Files.createTempDirectory(Path.of("target"), "restart-");
        copyTree(FreshDataDir.dir(), copy);
        Path log = copy.resolve("groups").resolve("fixture").resolve("events.jsonl");
        Files.writeString(log, "{\"k\":\"e\",\"u\":\"torn", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (Store store = new Store(copy, false).open()) {
            for (Campaign c : Campaign.values()) {
                Resource campaign = store.get(Kind.CAMPAIGN, f.campaigns.get(c));
                assertThat(campaign.status()).isEqualTo("ACTIVE");
                Model model = store.model(f.versions.get(c)).orElseThrow();
                assertThat(model.recipe().arn()).isEqualTo(c.recipeArn);
            }
            assertThat(store.get(Kind.EVENT_TRACKER, store.list(Kind.EVENT_TRACKER).stream()
                    .filter(t -> f.group.equals(t.member("datasetGroupArn"))).findFirst().orElseThrow().arn())
                    .member("trackingId")).isEqualTo(f.trackingId);
            var data = store.group(f.group);
            assertThat(data.history(Fixture.user(1))).hasSize(10);
            assertThat(data.history("restarted")).extracting(i -> i.itemId()).containsExactly(Fixture.item(39));
            assertThat(data.item(Fixture.item(3))).containsEntry("GENRES", "Comedy");
            Model forYou = store.model(f.versions.get(Campaign.FOR_YOU)).orElseThrow();
            assertThat(forYou.recommend(data.history(Fixture.user(1)), 5, item -> true)).hasSize(5);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = walk.toList();
        }
        for (Path p : paths) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else if (!p.getFileName().toString().endsWith(".part")) {
                Files.copy(p, target);
            }
        }
    }
}
