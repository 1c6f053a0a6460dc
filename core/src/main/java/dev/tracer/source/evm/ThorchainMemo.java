package dev.tracer.source.evm;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The destination named by a THORChain swap memo, as carried by the THORChain router's
 * {@code Deposit(address indexed to, address indexed asset, uint256 amount, string memo)} event.
 *
 * <p>Format implemented (THORChain "transaction memos" documentation): fields separated by
 * {@code :}, {@code SWAP:ASSET:DESTADDR:LIM:AFFILIATE:FEE}, where only the first two are required.
 * <ul>
 *   <li>the function is {@code SWAP}, {@code s} or {@code =} (any case); other functions (add
 *       liquidity {@code +}, withdraw {@code -}, loans, …) are not cross-chain exits and give
 *       nothing;
 *   <li>ASSET is {@code CHAIN.SYMBOL[-CONTRACT]} (a layer-1 asset: its chain is the
 *       destination), {@code CHAIN/SYMBOL} (a synth) or {@code CHAIN~SYMBOL} (a trade asset), both
 *       held on THORChain itself (destination chain {@code THOR}); a bare chain code ({@code BTC})
 *       is that chain's gas asset; a one-letter short code stands for a gas asset: {@code a}
 *       AVAX.AVAX, {@code b} BTC.BTC, {@code c} BCH.BCH, {@code d} DOGE.DOGE, {@code e} ETH.ETH,
 *       {@code g} GAIA.ATOM, {@code l} LTC.LTC, {@code n} BNB.BNB, {@code r} THOR.RUNE,
 *       {@code s} BSC.BNB;
 *   <li>DESTADDR is the address on the destination chain (or a THORName), kept as written; when
 *       empty the memo names no destination.
 * </ul>
 * Cost: O(length of the memo).
 */
public final class ThorchainMemo {
    private static final Map<String, String> SHORT = Map.of("a", "AVAX.AVAX", "b", "BTC.BTC", "c", "BCH.BCH",
            "d", "DOGE.DOGE", "e", "ETH.ETH", "g", "GAIA.ATOM", "l", "LTC.LTC", "n", "BNB.BNB", "r", "THOR.RUNE",
            "s", "BSC.BNB");

    /** A swap's destination: THORChain's chain code, the asset as written (short codes expanded), the address. */
    public record Swap(String chain, String asset, String destination) {
    }

    private ThorchainMemo() {
    }

    /** The swap destination of {@code memo}, or empty when it is not a swap memo or names no asset. */
    public static Optional<Swap> parse(String memo) {
        if (memo == null) {
            return Optional.empty();
        }
        String[] f = memo.strip().split(":", -1);
        if (f.length < 2) {
            return Optional.empty();
        }
        String fn = f[0].strip().toUpperCase(Locale.ROOT);
        if (!fn.equals("SWAP") && !fn.equals("S") && !fn.equals("=")) {
            return Optional.empty();
        }
        String asset = f[1].strip();
        if (asset.isEmpty()) {
            return Optional.empty();
        }
        asset = SHORT.getOrDefault(asset, asset);
        String chain;
        int dot = asset.indexOf('.');
        int synth = indexOfAny(asset, '/', '~');
        if (synth >= 0 && (dot < 0 || synth < dot)) {
            chain = "THOR";
        } else if (dot >= 0) {
            chain = asset.substring(0, dot);
        } else {
            chain = asset;
            asset = asset + "." + asset;
        }
        String dest = f.length > 2 ? f[2].strip() : "";
        return Optional.of(new Swap(chain.toUpperCase(Locale.ROOT), asset.toUpperCase(Locale.ROOT), dest));
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
