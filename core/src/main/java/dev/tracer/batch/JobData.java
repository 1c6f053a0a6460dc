package dev.tracer.batch;

import dev.tracer.model.InvalidInputException;
import dev.tracer.source.Dataset;
import dev.tracer.source.SourceException;
import dev.tracer.source.etl.EtlCsvReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where a batch job's chain data comes from. Bundled and user datasets are directories in the
 * ethereum-etl schema ({@link #directory}); an incident without data is skipped
 * ({@link #skipped}) or fails ({@link #missing}). A live source (JSON-RPC) implements this
 * interface too: it loads by fetching, has no files to digest, and the block heights it reached
 * are the loaded dataset's coverage range, which the manifest records.
 */
public interface JobData {

    /**
     * Loads the dataset.
     *
     * @throws InvalidInputException when the data is malformed or absent by design
     * @throws SourceException.Unavailable when it cannot be read or fetched
     */
    Dataset load(EtlCsvReader reader);

    /** The files the data is read from, by name relative to its directory, to digest in the manifest. */
    SortedMap<String, Path> files();

    /**
     * Bytes of heap a trace of this data is expected to need at most, for the memory budget.
     * For CSV directories: 64 MiB plus 10 times the size of the files (the transfer graph takes
     * roughly the size of its CSV; the result, detectors and writers' indexes the rest).
     */
    long estimatedBytes();

    /** Why the job is skipped rather than traced, if it is. */
    default Optional<String> skipReason() {
        return Optional.empty();
    }

    /** An ethereum-etl directory (dataset.json, transactions.csv, token_transfers.csv, …). */
    static JobData directory(Path dir) {
        Objects.requireNonNull(dir, "dir");
        return new JobData() {
            @Override
            public Dataset load(EtlCsvReader reader) {
                return reader.read(dir);
            }

            @Override
            public SortedMap<String, Path> files() {
                SortedMap<String, Path> m = new TreeMap<>();
                if (!Files.isDirectory(dir)) {
                    return m; // load() reports it
                }
                try (Stream<Path> s = Files.walk(dir)) {
                    s.filter(Files::isRegularFile).forEach(p -> m.put(dir.relativize(p).toString().replace('\\', '/'), p));
                } catch (IOException e) {
                    throw new SourceException.Unavailable(dir + ": cannot list: " + e.getMessage(), e);
                }
                return m;
            }

            @Override
            public long estimatedBytes() {
                long bytes = 0;
                for (Path p : files().values()) {
                    try {
                        bytes += Files.size(p);
                    } catch (IOException e) {
                        // counted as empty: load() reports the problem
                    }
                }
                return 64L * 1024 * 1024 + 10 * bytes;
            }

            @Override
            public String toString() {
                return dir.toString();
            }
        };
    }

    /** No data, and that is expected (a catalogued incident without bundled data): the job is skipped with {@code reason}. */
    static JobData skipped(String reason) {
        return absent(reason, true);
    }

    /** No data, and the job was asked for by name: tracing it fails with {@code reason} (exit 2 for that incident). */
    static JobData missing(String reason) {
        return absent(reason, false);
    }

    private static JobData absent(String reason, boolean skip) {
        Objects.requireNonNull(reason, "reason");
        return new JobData() {
            @Override
            public Dataset load(EtlCsvReader reader) {
                throw new InvalidInputException(reason);
            }

            @Override
            public SortedMap<String, Path> files() {
                return new TreeMap<>();
            }

            @Override
            public long estimatedBytes() {
                return 0;
            }

            @Override
            public Optional<String> skipReason() {
                return skip ? Optional.of(reason) : Optional.empty();
            }
        };
    }
}
