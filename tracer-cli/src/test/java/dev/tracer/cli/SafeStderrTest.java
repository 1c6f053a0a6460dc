package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link SafeStderr}: log lines that quote third-party text. */
class SafeStderrTest {
    final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    final PrintStream err = new PrintStream(new SafeStderr(raw), true, StandardCharsets.UTF_8);

    String shown() {
        return raw.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aNodesErrorTextInALogLineCannotDriveTheTerminal() {
        // what slf4j-simple prints for a retry whose message came from the node
        err.println("[main] INFO HttpRpcTransport - http://127.0.0.1:8545: JSON-RPC error -32005 \u001b[2J\u202elimit\tx; retry 1 of 5");
        err.println("next line");
        assertThat(shown()).isEqualTo("[main] INFO HttpRpcTransport - http://127.0.0.1:8545: JSON-RPC error -32005 \uFFFD[2J\uFFFDlimit\tx; "
                + "retry 1 of 5" + System.lineSeparator() + "next line" + System.lineSeparator());
    }

    @Test
    void aCharacterSplitAcrossWritesAndAFlushIsKeptWhole() throws IOException {
        byte[] b = "Zürich 北京 \ud83d\udcb0\n".getBytes(StandardCharsets.UTF_8);
        SafeStderr s = new SafeStderr(raw);
        for (byte x : b) {
            s.write(x);
            s.flush(); // a flush after every byte: the first bytes of a character wait for the rest
        }
        assertThat(shown()).isEqualTo("Zürich 北京 \ud83d\udcb0\n");
    }

    @Test
    void textWithoutALineBreakIsWrittenOnFlush() throws IOException {
        err.print("partial \u001b");
        err.flush();
        assertThat(shown()).isEqualTo("partial \uFFFD");
    }

    @Test
    void completeLengthLeavesOutOnlyAnIncompleteLastCharacter() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // 3 bytes
        byte[] coin = "\ud83d\udcb0".getBytes(StandardCharsets.UTF_8); // 4 bytes
        assertThat(SafeStderr.completeLength(new byte[] {'a', euro[0], euro[1]})).isEqualTo(1);
        assertThat(SafeStderr.completeLength(new byte[] {'a', euro[0], euro[1], euro[2]})).isEqualTo(4);
        assertThat(SafeStderr.completeLength(new byte[] {coin[0], coin[1], coin[2]})).isZero();
        assertThat(SafeStderr.completeLength(coin)).isEqualTo(4);
        assertThat(SafeStderr.completeLength(new byte[] {'a', 'b'})).isEqualTo(2);
        assertThat(SafeStderr.completeLength(new byte[0])).isZero();
    }
}
