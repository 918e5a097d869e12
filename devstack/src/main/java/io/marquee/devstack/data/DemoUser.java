package io.marquee.devstack.data;

import java.util.Objects;

/**
 * A user of the demo data. Users imported from MovieLens (which has no user table) get placeholders:
 * name "MovieLens user &lt;id&gt;", age 0, gender "unknown", email movielens-&lt;id&gt;@example.com.
 */
public record DemoUser(String id, String name, int age, String gender, String email) {

    public DemoUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(email, "email");
    }
}
