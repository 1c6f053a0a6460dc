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
 * with {@link #withCsv(Path)} (columns chain_id, contract, symbol, decimals and an optional unit
 * of account). Anything not listed is an unverified token.
 */
public final class AssetRegistry {
    private static final List<String> COLUMNS = List.of("chain_id", "contract", "symbol", "decimals");

    private final Map<Address, Asset> byContract;
    private final Map<Address, String> units;

    private AssetRegistry(Map<Address, Asset> byContract, Map<Address, String> units) {
        this.byContract = Collections.unmodifiableMap(byContract);
        this.units = Collections.unmodifiableMap(units);
    }

    /** The bundled registry. */
    public static AssetRegistry bundled() {
        InputStream in = AssetRegistry.class.getResourceAsStream("known-tokens.csv");
        if (in == null) {
            throw new IllegalStateException("bundled known-tokens.csv missing from the class path");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Map<Address, Asset> m = new HashMap<>();
            Map<Address, String> u = new HashMap<>();
            readInto(m, u, "known-tokens.csv", r);
            return new AssetRegistry(m, u);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This registry plus the tokens listed in a CSV with columns chain_id, contract, symbol, decimals. */
    public AssetRegistry withCsv(Path csv) {
        Map<Address, Asset> m = new HashMap<>(byContract);
        Map<Address, String> u = new HashMap<>(units);
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            readInto(m, u, csv.toString(), r);
        } catch (IOException e) {
            throw new dev.tracer.source.SourceException.Unavailable(csv + ": cannot read: " + e.getMessage(), e);
        }
        return new AssetRegistry(m, u);
    }

    private static void readInto(Map<Address, Asset> m, Map<Address, String> u, String name, Reader reader) {
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
                Asset before = m.get(contract);
                if (before != null && before.decimals() != decimals) {
                    // amounts scale by the decimals: two listings that differ cannot both be right
                    throw new InvalidInputException("token " + contract + " has " + decimals + " decimals here, but "
                            + before.decimals() + " as " + before.symbol() + " in the registry already read");
                }
                return Asset.token(contract, row.get("symbol"), decimals, true);
            });
            m.put(a.contract().orElseThrow(), a);
            String unit = row.opt("unit").strip();
            if (!unit.isEmpty()) {
                u.put(a.contract().orElseThrow(), unit);
            }
        });
    }

    /**
     * The unit of account a genuine asset is denominated in: the native coin's symbol for the
     * native coin, the registry's {@code unit} column for tokens (stETH, WETH, mETH: ETH; USDC: USD).
     * Assets of one unit can be compared at face value (one stETH ≈ one ETH) to match a swap.
     */
    public Optional<String> unit(Asset asset) {
        if (asset.isNative()) {
            return Optional.of(asset.chain().nativeSymbol());
        }
        return Optional.ofNullable(units.get(asset.contract().orElseThrow()));
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
