package io.marquee.devstack.data;

import java.util.List;

/** A catalog, its users and their interactions, the interactions sorted by timestamp. */
public record Dataset(List<Movie> movies, List<DemoUser> users, List<Interaction> interactions) {

    public Dataset {
        movies = List.copyOf(movies);
        users = List.copyOf(users);
        interactions = List.copyOf(interactions);
        // Consumers replay interactions as a stream; an unsorted list would be a producer bug.
        for (int i = 1; i < interactions.size(); i++) {
            if (interactions.get(i).timestamp() < interactions.get(i - 1).timestamp()) {
                throw new IllegalArgumentException("interactions must be sorted by timestamp (index " + i + ")");
            }
        }
    }
}
