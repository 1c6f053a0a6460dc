package dev.tracer.batch;

import dev.tracer.model.InvalidInputException;
import dev.tracer.trace.Seed;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One incident to trace in a batch.
 *
 * @param id    its name in the run: the directory of its files, so letters, digits, '.', '_', '-'
 * @param title one line for the Markdown summary's heading
 * @param seeds where the trace starts
 * @param data  where its chain data comes from
 */
public record BatchJob(String id, String title, List<Seed> seeds, JobData data) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public BatchJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(data, "data");
        if (!ID.matcher(id).matches()) {
            throw new InvalidInputException("incident id '" + id + "' is not a safe directory name"
                    + " (letters, digits, '.', '_' and '-', starting with a letter or digit)");
        }
        seeds = List.copyOf(seeds);
    }
}
