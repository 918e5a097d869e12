package io.marquee.devstack.data;

import java.util.List;

/** What an import produced, and the rows it had to skip. */
public record ImportResult(Dataset dataset, List<RowError> errors) {

    public ImportResult {
        errors = List.copyOf(errors);
    }
}
