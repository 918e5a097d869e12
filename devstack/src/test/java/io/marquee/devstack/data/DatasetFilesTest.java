package io.marquee.devstack.data;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetFilesTest {

    private Dataset demo;

    @BeforeAll
    void generateSmallDemoSet() {
        demo = DemoDataGenerator.generate(3, 200, 60, 3_000);
    }

    @Test
    void interactionsCsvHasPersonalizesHeaderAndRoundTrips(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("interactions.csv");
        List<Interaction> events = List.of(
                new Interaction("u,1", "42", 1_700_000_000L, "view", null, "s"),
                new Interaction("u\"2", "43", 1_700_000_060L, "rate", 4.5, "s"),
                new Interaction("3", "44", 1_700_000_120L, "rate", 1e-7, "s"));
        InteractionsCsv.write(file, events);
        assertThat(Files.readAllLines(file)).containsExactly(
                "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE",
                "\"u,1\",42,1700000000,view,",
                "\"u\"\"2\",43,1700000060,rate,4.5",
                "3,44,1700000120,rate,0.0000001");
        assertThat(InteractionsCsv.read(file)).containsExactly(
                new Interaction("u,1", "42", 1_700_000_000L, "view", null, null),
                new Interaction("u\"2", "43", 1_700_000_060L, "rate", 4.5, null),
                new Interaction("3", "44", 1_700_000_120L, "rate", 1e-7, null));
    }

    @Test
    void demoDataWrittenAsMovieLensReadsBackTheSame(@TempDir Path dir) {
        CatalogFiles.writeMovies(dir, demo);
        ImportResult back = new MovieLensReader().read(dir);

        assertThat(back.errors()).isEmpty();
        assertThat(back.dataset().movies()).extracting(Movie::id, Movie::title, Movie::year, Movie::genres)
                .containsExactlyElementsOf(demo.movies().stream()
                        .map(m -> tuple(m.id(), m.title(), m.year(), m.genres())).toList());
        assertThat(back.dataset().interactions())
                .extracting(Interaction::userId, Interaction::itemId, Interaction::timestamp, Interaction::eventValue)
                .containsExactlyElementsOf(demo.interactions().stream().filter(Interaction::isRating)
                        .map(i -> tuple(i.userId(), i.itemId(), i.timestamp(), i.eventValue())).toList());
    }

    @Test
    void writeAllWritesEveryFileTheDevstackLoads(@TempDir Path dir) {
        DatasetFiles.writeAll(dir, demo);

        assertThat(dir.resolve("movies.csv")).exists();
        assertThat(dir.resolve("ratings.csv")).exists();
        assertThat(dir.resolve("links.csv")).exists();
        assertThat(DatasetFiles.readCatalog(dir.resolve("catalog.jsonl"))).isEqualTo(demo.movies());
        assertThat(DatasetFiles.readUsers(dir.resolve("users.csv"))).isEqualTo(demo.users());
        assertThat(InteractionsCsv.read(dir.resolve("interactions.csv")))
                .isEqualTo(demo.interactions().stream().map(i -> new Interaction(i.userId(), i.itemId(),
                        i.timestamp(), i.eventType(), i.eventValue(), null)).toList());
    }

    @Test
    void catalogLinesCarryEveryMovieField(@TempDir Path dir) throws IOException {
        Movie movie = new Movie("7", "Iron Meridian II", 2004, List.of("Action", "Sci-Fi"), 121,
                "A stranded engineer must repair the signal.", Map.of("series", "Iron Meridian", "seriesPart", "2"));
        DatasetFiles.writeAll(dir, new Dataset(List.of(movie), List.of(), List.of()));
        assertThat(Files.readString(dir.resolve("catalog.jsonl"))).isEqualTo(
                "{\"id\":\"7\",\"title\":\"Iron Meridian II\",\"year\":2004,\"genres\":[\"Action\",\"Sci-Fi\"],"
                        + "\"runtimeMinutes\":121,\"overview\":\"A stranded engineer must repair the signal.\","
                        + "\"metadata\":{\"series\":\"Iron Meridian\",\"seriesPart\":\"2\"}}\n");
    }
}
