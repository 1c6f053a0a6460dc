package dev.tracer.detect;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Asset;
import dev.tracer.model.Chain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Labels for contracts every trace meets: the genuine token contracts of the
 * {@link AssetRegistry} (category token_contract: a token contract receives calls, it does not
 * hold anyone's funds) and a short bundled list of DEX routers with the documentation page that
 * lists each address ({@code protocol-contracts.csv}).
 */
public final class KnownContracts {
    private KnownContracts() {
    }

    /** {@code labels} plus the known contracts. */
    public static LabelStore addTo(LabelStore labels, AssetRegistry registry) {
        List<Label> out = new ArrayList<>();
        for (Asset a : registry.tokens(Chain.ETHEREUM)) {
            out.add(new Label(a.contract().orElseThrow(), a.symbol() + " token contract", Category.TOKEN_CONTRACT,
                    "tracer asset registry (known-tokens.csv)", 100, false, "tracer:known-tokens.csv"));
        }
        LabelStore withTokens = labels.with(out);
        try (InputStream in = KnownContracts.class.getResourceAsStream("protocol-contracts.csv")) {
            if (in == null) {
                throw new IllegalStateException("bundled protocol-contracts.csv missing from the class path");
            }
            Path tmp = Files.createTempFile("protocol-contracts", ".csv");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                return withTokens.with(dev.tracer.label.LabelCsv.read(tmp, "tracer:protocol-contracts.csv"));
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
