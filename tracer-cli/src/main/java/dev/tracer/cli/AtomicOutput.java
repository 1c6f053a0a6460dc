package dev.tracer.cli;

import dev.tracer.model.InvalidInputException;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a set of files into a directory so that a failure leaves nothing half-written: every
 * file goes to a temporary sibling directory first; only when all are complete is the directory
 * renamed into place (or, if it already exists, each file is moved over its old version).
 */
final class AtomicOutput {
    /** Writes one file's content. */
    interface Content {
        void write(Writer w) throws IOException;
    }

    private final Map<String, Content> files = new LinkedHashMap<>();

    AtomicOutput add(String name, Content c) {
        files.put(name, c);
        return this;
    }

    void writeTo(Path dir) {
        Path abs = dir.toAbsolutePath();
        Path parent = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp-");
            openUp(tmp);
            for (Map.Entry<String, Content> f : files.entrySet()) {
                try (Writer w = Files.newBufferedWriter(tmp.resolve(f.getKey()), StandardCharsets.UTF_8)) {
                    f.getValue().write(w);
                }
            }
            if (!Files.exists(abs)) {
                try {
                    Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
                    tmp = null;
                    return;
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                    Files.createDirectories(abs);
                }
            } else if (!Files.isDirectory(abs)) {
                throw new SourceException.Unavailable(abs + ": exists and is not a directory", null);
            }
            for (String name : files.keySet()) {
                Files.move(tmp.resolve(name), abs.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new SourceException.Unavailable(abs + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /** Fills a directory. */
    interface DirectoryContent {
        void writeInto(Path emptyDir) throws IOException;
    }

    /**
     * Replaces the directory {@code out} as a whole: {@code content} fills a temporary sibling,
     * which is then moved into place (the old directory, if any, moved aside first and deleted
     * after). A failure leaves {@code out} as it was. Only a directory this kind of output made
     * is replaced, one that holds {@code marker}, or an empty one: anything else at {@code out}
     * (a file, a directory of other files) is refused before anything is written, so that a
     * mistyped {@code --out} cannot delete what the user keeps there.
     *
     * @param kind what the output is, for the message ("a dataset written by 'tracer import'")
     * @throws InvalidInputException when {@code out} holds something else
     */
    static void replaceDirectory(Path out, String marker, String kind, DirectoryContent content) {
        Path abs = out.toAbsolutePath();
        refuseForeign(out, abs, marker, kind);
        Path tmp = null;
        Path old = null;
        try {
            Files.createDirectories(abs.getParent());
            tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".tmp-");
            openUp(tmp);
            content.writeInto(tmp);
            if (Files.exists(abs)) {
                old = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".old-");
                Files.move(abs, old.resolve("d"), StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (old != null) {
                    Files.move(old.resolve("d"), abs, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
            tmp = null;
        } catch (IOException e) {
            throw new SourceException.Unavailable(abs + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
            if (old != null) {
                deleteQuietly(old);
            }
        }
    }

    /**
     * Refuses, before any work, an {@code --out} that must be a directory but names something
     * else: otherwise the error would come after the trace, as an I/O failure.
     */
    static void requireDirectoryTarget(Path out) {
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new InvalidInputException("--out " + out + ": exists and is not a directory; nothing was written");
        }
    }

    /** Refuses, before any work, an {@code --out} that must name a file but is a directory. */
    static void requireFileTarget(Path out, String example) {
        if (out != null && Files.isDirectory(out)) {
            throw new InvalidInputException("--out " + out + ": a directory; name the file to write (e.g. "
                    + out.resolve(example) + "); nothing was written");
        }
    }

    /**
     * Refuses an {@code --out} directory that holds one of the command's inputs: replacing the
     * directory as a whole would delete it.
     */
    static void refuseInputsInside(Path out, java.util.Collection<Path> inputs) {
        Path dir = out.toAbsolutePath().normalize();
        for (Path in : inputs) {
            if (in != null && in.toAbsolutePath().normalize().startsWith(dir)) {
                throw new InvalidInputException("--out " + out + ": holds the input " + in
                        + ", which replacing the directory would delete; write to another directory (nothing was written)");
            }
        }
    }

    /** Refuses an {@code --out} file that is the command's input: it would be lost. */
    static void refuseSameFile(Path out, Path input) {
        try {
            if (out != null && Files.exists(out) && Files.exists(input) && Files.isSameFile(out, input)) {
                throw new InvalidInputException("--out " + out + ": is the input " + input
                        + ", which writing would replace; name another file (nothing was written)");
            }
        } catch (IOException e) {
            throw new SourceException.Unavailable(out + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void refuseForeign(Path out, Path abs, String marker, String kind) {
        requireDirectoryTarget(out);
        if (!Files.isDirectory(abs) || Files.isRegularFile(abs.resolve(marker))) {
            return; // new, or made by this kind of output
        }
        try (Stream<Path> entries = Files.list(abs)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).sorted().limit(4).toList();
            if (!names.isEmpty()) {
                throw new InvalidInputException("--out " + out + ": holds other files (" + String.join(", ", names.subList(0,
                        Math.min(3, names.size()))) + (names.size() > 3 ? ", …" : "") + ") and no " + marker
                        + ", so it is not " + kind + " to replace; give a new or empty directory (nothing was written)");
            }
        } catch (IOException e) {
            throw new SourceException.Unavailable(abs + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Writes one file all or nothing: a temporary sibling, then renamed over {@code file}. */
    static void writeFile(Path file, Content c) {
        Path abs = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(abs.getParent());
            tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                c.write(w);
            }
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException e) {
            throw new SourceException.Unavailable(abs + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /** Temporary directories are created owner-only; give the result ordinary permissions. */
    static void openUp(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    static void deleteQuietly(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover hidden temporary directory is harmless
        }
    }
}
