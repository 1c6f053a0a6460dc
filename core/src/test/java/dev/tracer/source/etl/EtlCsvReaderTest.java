package dev.tracer.source.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: a row of transactions.csv listed twice (as exports of overlapping block ranges,
 * concatenated, list it) was read as a second transfer: in the Bybit data, one 10,000 ETH row
 * repeated made the stolen amount 410,001 ETH instead of 400,001.
 */
class EtlCsvReaderTest {
    static final String A = "0x47666fab8bd0ac7003bce3f5c3585383f09486e2";
    static final String B = "0xa4b2fd68593b6f34e51cb9edb66e71c1b4ab449e";
    static final String STETH = "0xae7ab96520de3a18e5e111b5eaab095312d7fe84";
    static final String H1 = "0x0359814b48479156b804c8330878214943204c597d88affcb164d04907fa2b25";
    static final String H2 = "0x84d2c3f7f5c1d6818054ce85162463311832fcc82c79c9b07b3fde7ce004a7c3";

    @TempDir
    Path dir;

    Dataset read(String transactions, String tokenTransfers) throws IOException {
        Files.writeString(dir.resolve("transactions.csv"), "hash,block_number,transaction_index,from_address,to_address,value,block_timestamp\n"
                + transactions);
        Files.writeString(dir.resolve("token_transfers.csv"), "token_address,from_address,to_address,value,transaction_hash,log_index,"
                + "transaction_index,block_number,block_timestamp\n" + tokenTransfers);
        return new EtlCsvReader(AssetRegistry.bundled()).read(dir, Optional.of(EtlCsvReader.AssumedCoverage.FULL_EXPORT), List.of());
    }

    @Test
    void aTransactionListedTwiceIsRefused() {
        String row = H1 + ",21895451,7," + A + "," + B + ",10000000000000000000000,1740149771\n";
        assertThatThrownBy(() -> read(row + row, "")).isInstanceOf(InvalidInputException.class)
                .hasMessage(dir.resolve("transactions.csv") + ":2,3: transaction " + H1 + " is listed twice in transactions.csv (one row per transaction):"
                        + " an export of overlapping ranges? Each copy would count its amount again");
    }

    @Test
    void twoTokenTransfersWithOneLogIndexAreRefusedAndRowsWithoutOneAreKept() throws IOException {
        String logged = STETH + "," + A + "," + B + ",5000," + H2 + ",12,3,22192129,1743728435\n";
        String other = STETH + "," + A + "," + B + ",5000," + H2 + ",11,3,22192129,1743728435\n";
        // the lines are named even when the copies are apart and differ in the hash's case
        assertThatThrownBy(() -> read("", logged + other + logged.replace(H2, H2.toUpperCase().replace("0X", "0x"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(dir.resolve("token_transfers.csv") + ":2,4: transaction " + H2
                        + " has two token transfers with log index 12 in token_transfers.csv");
        // without a log index the export cannot tell two equal transfers of one transaction from a copy: both are kept
        String unlogged = STETH + "," + A + "," + B + ",5000," + H2 + ",,3,22192129,1743728435\n";
        assertThat(read("", unlogged + unlogged).graph().edgeCount()).isEqualTo(2);
    }

    /**
     * Regression: each of these was an internal error (exit 1) or, for the last three, a wrong
     * amount read as if right.
     */
    @Test
    void cellsOutsideWhatAChainCanHoldAreOneLineErrors() throws IOException {
        String head = H1 + ",21895451,";
        String[][] cases = {
            {"99999999999," + A + "," + B + ",1,1740149771", "transaction_index '99999999999' is too large for a position in a block"},
            {"1," + A + "," + B + ",1,1740149771000", "timestamp '1740149771000' is after the year 9999: not Unix seconds (milliseconds?)"},
            {"1," + A + "," + B + ",1,17401497710000000000000", "timestamp '17401497710000000000000' is after the year 9999"},
            {"1," + A + "," + B + ",-5,1740149771", "negative value '-5' (expected an integer in base units)"},
            {"1," + A + "," + B + "," + java.math.BigInteger.TWO.pow(256) + ",1740149771", "exceeds 2^256 - 1, the most a transfer can carry"},
            {"1," + A + "," + B + ",2" + "0".repeat(77) + ",1740149771", "exceeds 2^256 - 1, the most a transfer can carry"}};
        for (String[] c : cases) {
            assertThatThrownBy(() -> read(head + c[0] + "\n", "")).as(c[0]).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith(dir.resolve("transactions.csv") + ":2: ").hasMessageContaining(c[1]);
        }
        assertThat(read(head + "1," + A + "," + B + "," + java.math.BigInteger.TWO.pow(256).subtract(java.math.BigInteger.ONE)
                + ",1740149771\n", "").graph().amount(0)).isEqualTo(java.math.BigInteger.TWO.pow(256).subtract(java.math.BigInteger.ONE));
    }

    /** Regression: tokens.csv giving stETH 6 decimals scaled every stETH amount by 10^12; 99999999999 was an internal error. */
    @Test
    void tokensCsvMayNotContradictTheRegistryOfGenuineTokens() throws IOException {
        Files.writeString(dir.resolve("tokens.csv"), "address,symbol,name,decimals\n" + STETH + ",stETH,,6\n");
        assertThatThrownBy(() -> read("", "")).isInstanceOf(InvalidInputException.class)
                .hasMessage(dir.resolve("tokens.csv") + ":2: token " + STETH + " (stETH) has 6 decimals here, 18 in the registry of"
                        + " genuine tokens");
        Files.writeString(dir.resolve("tokens.csv"), "address,symbol,name,decimals\n" + B + ",X,,99999999999\n");
        assertThatThrownBy(() -> read("", "")).isInstanceOf(InvalidInputException.class)
                .hasMessage(dir.resolve("tokens.csv") + ":2: token " + B + ": decimals out of range: 99999999999");
    }

    /** Regression: blocks.csv giving one block two times took the last without a word. */
    @Test
    void aBlockWithTwoTimesIsRefusedAndARepeatedRowIsNot() throws IOException {
        Files.writeString(dir.resolve("blocks.csv"), "number,timestamp\n21895451,1740149771\n21895451,1740149771\n");
        assertThat(read(H1 + ",21895451,1," + A + "," + B + ",1,\n", "").graph().epochSecond(0)).isEqualTo(1740149771L);
        Files.writeString(dir.resolve("blocks.csv"), "number,timestamp\n21895451,1740149771\n21895451,1740149783\n");
        assertThatThrownBy(() -> read("", "")).isInstanceOf(InvalidInputException.class)
                .hasMessage(dir.resolve("blocks.csv") + ":3: block 21895451 has time 2025-02-21T14:56:23Z here and"
                        + " 2025-02-21T14:56:11Z on an earlier row");
    }
}
