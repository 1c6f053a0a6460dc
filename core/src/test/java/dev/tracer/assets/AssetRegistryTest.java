package dev.tracer.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry of genuine tokens, and --tokens files added to it. */
class AssetRegistryTest {
    static final Address STETH = Address.parse(Chain.ETHEREUM, "0xae7ab96520de3a18e5e111b5eaab095312d7fe84");

    @TempDir
    Path tmp;

    /** Regression: a --tokens row giving stETH 6 decimals replaced the bundled 18 without a word. */
    @Test
    void aListingThatChangesAKnownTokensDecimalsIsRefused() throws IOException {
        Path f = Files.writeString(tmp.resolve("t.csv"), "chain_id,contract,symbol,decimals\n1," + STETH.value() + ",stETH,6\n");
        assertThatThrownBy(() -> AssetRegistry.bundled().withCsv(f)).isInstanceOf(InvalidInputException.class)
                .hasMessage(f + ":2: token " + STETH.value() + " has 6 decimals here, but 18 as stETH in the registry already read");
        // the same decimals under another symbol is a renaming, and the file's symbol is used
        Path renamed = Files.writeString(tmp.resolve("r.csv"), "chain_id,contract,symbol,decimals\n1," + STETH.value() + ",Lido ETH,18\n");
        assertThat(AssetRegistry.bundled().withCsv(renamed).token(STETH).orElseThrow().symbol()).isEqualTo("Lido ETH");
    }
}
