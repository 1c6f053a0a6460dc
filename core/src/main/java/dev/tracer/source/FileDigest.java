package dev.tracer.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * A file's SHA-256 (lower-case hex) and size, streamed 64 KiB at a time; and one digest of a
 * named set of files. Batch manifests record them for their inputs and outputs, and
 * {@code dataset.json} for the files of a dataset, so that anyone can check the files with
 * {@code sha256sum} and a reader can refuse a file that changed after it was written.
 */
public record FileDigest(String sha256, long bytes) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public FileDigest {
        if (sha256 == null || !HEX64.matcher(sha256).matches()) {
            throw new dev.tracer.model.InvalidInputException("malformed SHA-256 '" + sha256 + "': expected 64 lower-case hex digits");
        }
        if (bytes < 0) {
            throw new dev.tracer.model.InvalidInputException("negative file size " + bytes);
        }
    }

    /**
     * @throws SourceException.Unavailable when the file is missing or unreadable
     */
    public static FileDigest of(Path file) {
        MessageDigest md = newSha256();
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
                n += r;
            }
        } catch (NoSuchFileException e) {
            throw new SourceException.Unavailable(file + ": no such file", e);
        } catch (IOException e) {
            throw new SourceException.Unavailable(file + ": cannot read: " + e.getMessage(), e);
        }
        return new FileDigest(HexFormat.of().formatHex(md.digest()), n);
    }

    /**
     * One digest for a set of named files: SHA-256 over the lines "NAME SHA256\n" in name order,
     * so it changes when any file's content or name does, and not with where the files live.
     */
    public static String combined(SortedMap<String, FileDigest> files) {
        MessageDigest md = newSha256();
        for (Map.Entry<String, FileDigest> e : files.entrySet()) {
            md.update((e.getKey() + " " + e.getValue().sha256() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
