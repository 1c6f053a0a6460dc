package dev.tracer.assets;

import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.CsvRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Genuine token contracts by chain: contract address, symbol and decimals, as the contracts
 * themselves report them. The bundled list ({@code known-tokens.csv}) names the tokens the
 * project's incidents need plus the major stablecoins and wrapped assets; users add their own
 * with {@link #withCsv(Path)}. Anything not listed is an unverified token.
 */
public final class AssetRegistry {
    private static final List<String> COLUMNS = List.of("chain_id", "contract", "symbol", "decimals");

    private final Map<Address, Asset> byContract;

    private AssetRegistry(Map<Address, Asset> byContract) {
        this.byContract = Collections.unmodifiableMap(byContract);
    }

    /** The bundled registry. */
    public static AssetRegistry bundled() {
        InputStream in = AssetRegistry.class.getResourceAsStream("known-tokens.csv");
        if (in == null) {
            throw new IllegalStateException("bundled known-tokens.csv missing from the class path");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Map<Address, Asset> m = new HashMap<>();
            readInto(m, "known-tokens.csv", r);
            return new AssetRegistry(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This registry plus the tokens listed in a CSV with columns chain_id, contract, symbol, decimals. */
    public AssetRegistry withCsv(Path csv) {
        Map<Address, Asset> m = new HashMap<>(byContract);
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            readInto(m, csv.toString(), r);
        } catch (IOException e) {
            throw new dev.tracer.source.SourceException.Unavailable(csv + ": cannot read: " + e.getMessage(), e);
        }
        return new AssetRegistry(m);
    }

    private static void readInto(Map<Address, Asset> m, String name, Reader reader) {
        CsvRows.read(name, reader, COLUMNS, row -> {
            Asset a = row.parse(() -> {
                Chain chain = Chain.parse(row.get("chain_id"));
                Address contract = Address.parse(chain, row.get("contract"));
                int decimals;
                try {
                    decimals = Integer.parseInt(row.get("decimals").strip());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("non-numeric decimals '" + row.get("decimals") + "'", e);
                }
                return Asset.token(contract, row.get("symbol"), decimals, true);
            });
            m.put(a.contract().orElseThrow(), a);
        });
    }

    /** The genuine token at this contract, if listed. */
    public Optional<Asset> token(Address contract) {
        return Optional.ofNullable(byContract.get(contract));
    }

    public boolean isKnown(Asset asset) {
        return asset.isNative() || byContract.containsKey(asset.contract().orElseThrow());
    }

    /** Listed tokens on {@code chain}, in contract order. */
    public List<Asset> tokens(Chain chain) {
        List<Asset> out = new ArrayList<>();
        for (Asset a : byContract.values()) {
            if (a.chain().equals(chain)) {
                out.add(a);
            }
        }
        Collections.sort(out);
        return out;
    }
}
