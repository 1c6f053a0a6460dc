package dev.tracer.batch;

import dev.tracer.source.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/** SHA-256 of files, streamed (64 KiB at a time), and of a named set of files. */
final class Digests {
    private Digests() {
    }

    /** A file's digest and size. */
    record Digest(String sha256, long bytes) {
    }

    static Digest of(Path file) {
        MessageDigest md = sha256();
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
                n += r;
            }
        } catch (IOException e) {
            throw new SourceException.Unavailable(file + ": cannot read: " + e.getMessage(), e);
        }
        return new Digest(HexFormat.of().formatHex(md.digest()), n);
    }

    /**
     * One digest for a set of named files: SHA-256 over the lines "NAME SHA256\n" in name order,
     * so it changes when any file's content or name does, and not with where the files live.
     */
    static String combined(SortedMap<String, Digest> files) {
        MessageDigest md = sha256();
        for (Map.Entry<String, Digest> e : files.entrySet()) {
            md.update((e.getKey() + " " + e.getValue().sha256() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
