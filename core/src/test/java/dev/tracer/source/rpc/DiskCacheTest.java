package dev.tracer.source.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: a cache entry that is not JSON (cut short by an outside edit or a damaged disk)
 * was handed on as the node's answer, skipping the checks a node's answer gets, and was never
 * written again (a put keeps an existing entry).
 */
class DiskCacheTest {
    @TempDir
    Path dir;

    private Path onlyEntry() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> files = s.filter(Files::isRegularFile).toList();
            assertThat(files).hasSize(1);
            return files.get(0);
        }
    }

    @Test
    void aDamagedEntryIsAMissAndIsWrittenAgain() throws Exception {
        DiskCache c = new DiskCache(dir);
        String answer = "{\"number\":\"0x79\",\"transactions\":[]}";
        c.put("eth_getBlockByNumber 0x79", answer);
        assertThat(c.get("eth_getBlockByNumber 0x79")).contains(answer);
        Path f = onlyEntry();
        for (String damage : new String[] {answer.substring(0, 20), "", "{\"number\":"}) {
            Files.writeString(f, damage);
            assertThat(c.get("eth_getBlockByNumber 0x79")).as(damage).isEmpty();
            assertThat(f).doesNotExist();
            c.put("eth_getBlockByNumber 0x79", answer);
            assertThat(c.get("eth_getBlockByNumber 0x79")).contains(answer);
        }
        Files.write(f, new byte[] {'"', (byte) 0xff, '"'});
        assertThat(c.get("eth_getBlockByNumber 0x79")).isEmpty();
        // a null answer is an answer
        c.put("eth_getTransactionByHash 0x00", "null");
        assertThat(c.get("eth_getTransactionByHash 0x00")).contains("null");
    }
}
