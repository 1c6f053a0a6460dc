package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.testing.RelaxNg;
import dev.tracer.testing.SharedData;
import java.nio.file.Path;

/** Validates a file against the official GEXF 1.3 RelaxNG schema in shared/data/schemas. */
final class GexfSchema {
    private GexfSchema() {
    }

    static void assertValid(Path gexf) {
        assertThat(RelaxNg.validate(SharedData.path(RelaxNg.GEXF_13), gexf)).as("GEXF 1.3 validation errors").isEmpty();
    }
}
