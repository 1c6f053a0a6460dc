package dev.tracer.assets;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;
import dev.tracer.model.Asset;
import dev.tracer.model.Chain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells genuine assets from tokens that imitate them.
 *
 * <p>Rule: native coins and tokens listed in the {@link AssetRegistry} are genuine. Any other
 * token whose symbol is confusable with a genuine asset's symbol is an imitation: either a
 * look-alike (the symbol uses other scripts' letters, such as Cyrillic "ЕТН" for "ETH"), or the
 * very same symbol on an unknown contract. Confusability is Unicode Technical Standard #39
 * (Security Mechanisms), through ICU4J's {@link SpoofChecker} skeletons, compared case-insensitively
 * and ignoring trailing punctuation (explorers show long names as "ЕТН..."). Everything else is an
 * unverified token.
 *
 * <p>Source: UTS #39 §4 (confusable detection); the address-poisoning pattern of the Bybit 2025
 * outflows, where fake "ЕТН"/"stЕТН" tokens were sent to look-alike addresses. Cost per asset:
 * O(k·s) for k genuine symbols of length s.
 *
 * <p>Known false positives: a legitimate token that shares a symbol with a listed one but is not
 * in the registry (a bridged USDC on an unlisted contract) is called an imitation; extend the
 * registry for such tokens. Known false negatives: an imitation whose symbol differs visibly
 * ("ETH2") is only "unverified", which is still not traced.
 */
public final class FakeTokenClassifier {
    private final AssetRegistry registry;
    private final SpoofChecker checker = new SpoofChecker.Builder().build();

    public FakeTokenClassifier(AssetRegistry registry) {
        this.registry = registry;
    }

    public AssetVerdict classify(Asset asset) {
        if (asset.isNative()) {
            return new AssetVerdict(asset, AssetVerdict.Kind.GENUINE, Optional.empty(), "native coin");
        }
        Optional<Asset> listed = registry.token(asset.contract().orElseThrow());
        if (listed.isPresent()) {
            return new AssetVerdict(asset, AssetVerdict.Kind.GENUINE, Optional.empty(),
                    "listed token contract of " + listed.get().symbol());
        }
        String symbol = asset.symbol();
        Set<String> keys = keys(symbol);
        if (!keys.isEmpty()) {
            for (Asset genuine : genuineOn(asset.chain())) {
                if (!Collections.disjoint(keys, keys(genuine.symbol()))) {
                    boolean ascii = symbol.chars().allMatch(c -> c < 128);
                    String reason = ascii
                            ? "symbol '" + symbol + "' of " + genuine.symbol() + " on an unknown contract"
                            : "look-alike symbol '" + symbol + "' (" + describeScripts(symbol) + ") imitating " + genuine.symbol();
                    return new AssetVerdict(asset, AssetVerdict.Kind.IMITATION, Optional.of(genuine), reason);
                }
            }
        }
        return new AssetVerdict(asset, AssetVerdict.Kind.UNVERIFIED, Optional.empty(),
                "token '" + symbol + "' not in the registry of genuine assets");
    }

    private List<Asset> genuineOn(Chain chain) {
        List<Asset> out = new ArrayList<>();
        out.add(Asset.nativeOf(chain));
        out.addAll(registry.tokens(chain));
        return out;
    }

    /**
     * Keys under which a symbol is compared, each upper-cased and without trailing dots, spaces
     * or ellipses: the UTS #39 skeleton of the upper-cased symbol, and the skeleton of the
     * upper-cased skeleton of the symbol as written (the capital of a confusable letter is not
     * always confusable: Cyrillic "һ" looks like "h", but "Һ" not like "H"). Empty when the symbol
     * is only dots and spaces.
     */
    Set<String> keys(String symbol) {
        Set<String> keys = new HashSet<>();
        String s = trimEnd(symbol.strip());
        if (!s.isEmpty()) {
            addKey(keys, checker.getSkeleton(UCharacter.toUpperCase(Locale.ROOT, s)));
            addKey(keys, checker.getSkeleton(UCharacter.toUpperCase(Locale.ROOT, checker.getSkeleton(s))));
        }
        return keys;
    }

    private static void addKey(Set<String> keys, String skeleton) {
        String k = trimEnd(UCharacter.toUpperCase(Locale.ROOT, skeleton));
        if (!k.isEmpty()) {
            keys.add(k);
        }
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '…' || Character.isWhitespace(s.charAt(end - 1))
                || Character.isSpaceChar(s.charAt(end - 1)))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String describeScripts(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().filter(c -> c >= 128).distinct().forEach(c -> {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(String.format(Locale.ROOT, "U+%04X %s", c, UCharacter.getName(c)));
        });
        return sb.toString();
    }
}
