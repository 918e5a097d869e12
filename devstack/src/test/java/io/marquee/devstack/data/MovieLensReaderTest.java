package io.marquee.devstack.data;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MovieLensReaderTest {

    private ImportResult result;
    private Map<String, Movie> movies;

    @BeforeAll
    void readFixture() throws URISyntaxException {
        Path dir = Path.of(getClass().getResource("/movielens/small/movies.csv").toURI()).getParent();
        result = new MovieLensReader().read(dir);
        movies = result.dataset().movies().stream().collect(Collectors.toMap(Movie::id, Function.identity()));
    }

    @Test
    void reportsEveryBadRowWithItsFileLineAndReason() {
        assertThat(result.errors()).containsExactly(
                new RowError("movies.csv", 10, "movieId is not a number: 'x9'"),
                new RowError("movies.csv", 11, "unknown genre 'Cyberpunk'"),
                new RowError("movies.csv", 12, "duplicate movieId 2"),
                new RowError("movies.csv", 13, "expected 3 columns but found 4"),
                new RowError("links.csv", 6, "unknown movie 99"),
                new RowError("links.csv", 7, "imdbId is not a number: 'tt0112682'"),
                new RowError("links.csv", 8, "duplicate link for movie 1"),
                new RowError("tags.csv", 8, "unknown movie 99"),
                new RowError("tags.csv", 9, "empty tag"),
                new RowError("ratings.csv", 6, "unknown movie 9"),
                new RowError("ratings.csv", 7, "rating must be 0.5 to 5.0 in steps of 0.5: '5.5'"),
                new RowError("ratings.csv", 8, "rating must be 0.5 to 5.0 in steps of 0.5: '3.25'"),
                new RowError("ratings.csv", 9, "rating must be 0.5 to 5.0 in steps of 0.5: 'abc'"),
                new RowError("ratings.csv", 10, "timestamp is not epoch seconds: 'yesterday'"),
                new RowError("ratings.csv", 11, "userId is not a number: 'three'"),
                new RowError("ratings.csv", 12, "expected 4 columns but found 3"));
    }

    @Test
    void keepsGoodMoviesInFileOrderAndSkipsBadOnesWhole() {
        assertThat(result.dataset().movies()).extracting(Movie::id)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "12", "13", "14", "15", "16", "17");
        assertThat(movies.get("2").title()).isEqualTo("The American President"); // not the duplicate row
    }

    @Test
    void splitsYearsOffTitlesAndMovesArticlesToTheFront() {
        assertThat(result.dataset().movies()).extracting(Movie::id, Movie::title, Movie::year).contains(
                tuple("1", "Toy Story", 1995),
                tuple("2", "The American President", 1995),
                tuple("3", "The City of Lost Children (La Cité des enfants perdus)", 1995),
                tuple("4", "L'Auberge espagnole", 2002),
                tuple("5", "Babylon 5", 1994),
                tuple("6", "Ready Player Two", null),
                tuple("7", "Lock, Stock & Two Smoking Barrels", 1998),
                tuple("8", "\"Great Performances\" Cats", 1998),
                tuple("12", "Spanning\nLines", 1999),
                tuple("13", "The Good, the Bad and the Ugly (Il Buono, il brutto, il cattivo)", 1966),
                // A quote inside an unquoted field is an ordinary character (Commons CSV, as most readers).
                tuple("15", "Broken \"quote", 2000),
                tuple("16", "Das Boot", 1981),
                tuple("17", "Das Boot", 1981));
    }

    @Test
    void mapsGenresToCanonicalNames() {
        assertThat(movies.get("1").genres()).containsExactly("Adventure", "Animation", "Children", "Comedy", "Fantasy");
        assertThat(movies.get("14").genres()).containsExactly("Action", "Crime", "Thriller", "IMAX");
        assertThat(movies.get("6").genres()).isEmpty();
    }

    @Test
    void linksBecomeMetadataKeepingLeadingZerosAndSkippingEmptyFields() {
        assertThat(movies.get("1").metadata()).containsEntry("imdbId", "0114709").containsEntry("tmdbId", "862");
        assertThat(movies.get("4").metadata()).containsEntry("imdbId", "0301357").doesNotContainKey("tmdbId");
        assertThat(movies.get("6").metadata()).isEmpty();
        assertThat(movies.get("3").metadata()).doesNotContainKey("imdbId"); // its link row was malformed
    }

    @Test
    void tagsBecomeTheTenMostFrequentDistinctTags() {
        assertThat(movies.get("1").metadata()).containsEntry("tags", "fun|pixar|toys, friendship");
        assertThat(movies.get("2").metadata().get("tags"))
                .isEqualTo("alpha|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliet");
    }

    @Test
    void ratingsBecomeRateInteractionsSortedByTimeWithSessionsCutAtThirtyMinutes() {
        assertThat(result.dataset().interactions())
                .extracting(Interaction::userId, Interaction::itemId, Interaction::timestamp, Interaction::eventType,
                        Interaction::eventValue, Interaction::sessionId)
                .containsExactly(
                        tuple("1", "3", 964981247L, "rate", 4.5, "1-1"),
                        tuple("1", "1", 964982703L, "rate", 4.0, "1-1"),
                        tuple("1", "6", 964990000L, "rate", 4.0, "1-2"),
                        tuple("2", "2", 1445714835L, "rate", 3.5, "2-1"),
                        tuple("10", "12", 1445714835L, "rate", 2.0, "10-1"),
                        tuple("2", "5", 1445716000L, "rate", 0.5, "2-1"));
    }

    @Test
    void createsPlaceholderUsersForRatingUserIds() {
        assertThat(result.dataset().users()).containsExactly(
                new DemoUser("1", "MovieLens user 1", 0, "unknown", "movielens-1@example.com"),
                new DemoUser("2", "MovieLens user 2", 0, "unknown", "movielens-2@example.com"),
                new DemoUser("10", "MovieLens user 10", 0, "unknown", "movielens-10@example.com"));
    }

    @Test
    void missingRequiredFileIsAClearError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("movies.csv"), "movieId,title,genres\n1,Heat (1995),Action\n");
        assertThatThrownBy(() -> new MovieLensReader().read(dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratings.csv is missing");
        Files.delete(dir.resolve("movies.csv"));
        Files.writeString(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n");
        assertThatThrownBy(() -> new MovieLensReader().read(dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("movies.csv is missing");
    }

    @Test
    void missingHeaderIsReportedAndTheRestIsRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("movies.csv"), "1,Heat (1995),Action\n2,Casino (1995),Crime|Drama\n");
        Files.writeString(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n7,2,4.0,100\n");
        ImportResult r = new MovieLensReader().read(dir);
        assertThat(r.errors()).containsExactly(new RowError("movies.csv", 1, "missing header: expected movieId,title,genres"));
        assertThat(r.dataset().movies()).extracting(Movie::title).containsExactly("Casino");
        assertThat(r.dataset().interactions()).hasSize(1);
    }

    @Test
    void readsColumnsByHeaderNameInAnyOrder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("movies.csv"), "title,genres,movieId\r\n\"Heat (1995)\",Action,1\r\n");
        Files.writeString(dir.resolve("ratings.csv"), "timestamp,rating,movieId,userId\r\n100,3.0,1,5\r\n");
        ImportResult r = new MovieLensReader().read(dir);
        assertThat(r.errors()).isEmpty();
        assertThat(r.dataset().movies()).containsExactly(new Movie("1", "Heat", 1995, List.of("Action"), null, null, Map.of()));
        assertThat(r.dataset().interactions()).containsExactly(new Interaction("5", "1", 100, "rate", 3.0, "5-1"));
    }
}
