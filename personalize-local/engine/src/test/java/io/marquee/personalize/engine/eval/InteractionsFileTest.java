package io.marquee.personalize.engine.eval;

import io.marquee.personalize.engine.Interaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InteractionsFileTest {

    @TempDir
    Path dir;

    @Test
    void personalizeAndMovieLensFilesReadAlikeWithTimestampsInMillis() throws IOException {
        Path p = Files.writeString(dir.resolve("interactions.csv"),
                "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n1,10,1700000000,view,\n1,11,1700000060,rate,4.5\n");
        Path m = Files.writeString(dir.resolve("ratings.csv"),
                "userId,movieId,rating,timestamp\n1,10,3.0,1700000000\n1,11,4.5,1700000060\n");
        List<Interaction> fromP = InteractionsFile.read(p, null);
        List<Interaction> fromM = InteractionsFile.read(m, InteractionsFile.Format.MOVIELENS);
        assertThat(fromP).extracting(Interaction::itemId).containsExactly("10", "11");
        assertThat(fromP.get(0).eventValue()).isNaN();
        assertThat(fromP.get(1).eventValue()).isEqualTo(4.5);
        assertThat(fromM).extracting(Interaction::timestampMillis).containsExactly(1_700_000_000_000L, 1_700_000_060_000L);
        assertThat(fromM.get(1).eventType()).isEqualTo("rating");
    }

    @Test
    void movieLensMoviesGiveTitlesAndGenresWithQuotedCommas() throws IOException {
        Path movies = Files.writeString(dir.resolve("movies.csv"),
                "movieId,title,genres\n1,\"Good, the Bad (1966)\",Western|Drama\n");
        assertThat(InteractionsFile.readMovies(movies).get("1").fields())
                .containsEntry("TITLE", "Good, the Bad (1966)").containsEntry("GENRES", "Western|Drama");
    }
}
