package dev.tracer.source.evm;

import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.utils.Numeric;

/**
 * ERC-20 metadata from {@code eth_call} answers to {@code symbol()} and {@code decimals()},
 * decoded as ethereum-etl does: an ABI string, or the older bytes32 form (MKR, SAI) trimmed of
 * zero bytes; anything else (a revert, empty or malformed data) is no symbol. Decimals that are
 * missing or out of range are unknown (the ERC-20 default 18, flagged as not known). Symbols are
 * attacker-chosen text: only the asset classifier decides what they are worth.
 */
final class TokenMetadata {
    static final String SYMBOL_CALL = FunctionEncoder.encode(new Function("symbol", List.of(), List.of(new TypeReference<Utf8String>() { })));
    static final String DECIMALS_CALL = FunctionEncoder.encode(new Function("decimals", List.of(), List.of(new TypeReference<Uint8>() { })));

    private TokenMetadata() {
    }

    /** The asset for {@code contract} from the raw answers (null for an error answer). */
    static Asset asset(Address contract, String symbolResult, String decimalsResult) {
        String symbol = symbol(symbolResult);
        BigInteger d = decimals(decimalsResult);
        if (d == null || d.compareTo(BigInteger.valueOf(77)) > 0) {
            return Asset.token(contract, symbol, 18, false);
        }
        return Asset.token(contract, symbol, d.intValueExact(), true);
    }

    static String symbol(String hex) {
        byte[] b = bytes(hex);
        if (b.length >= 64) {
            BigInteger offset = new BigInteger(1, java.util.Arrays.copyOfRange(b, 0, 32));
            if (offset.compareTo(BigInteger.valueOf(b.length - 32)) <= 0) {
                int o = offset.intValueExact();
                BigInteger len = new BigInteger(1, java.util.Arrays.copyOfRange(b, o, o + 32));
                if (len.compareTo(BigInteger.valueOf(b.length - o - 32)) <= 0) {
                    return clean(new String(b, o + 32, len.intValueExact(), StandardCharsets.UTF_8));
                }
            }
            return "";
        }
        if (b.length == 32) {
            int n = 0;
            while (n < 32 && b[n] != 0) {
                n++;
            }
            return clean(new String(b, 0, n, StandardCharsets.UTF_8));
        }
        return "";
    }

    static BigInteger decimals(String hex) {
        byte[] b = bytes(hex);
        if (b.length < 32) {
            return null;
        }
        return new BigInteger(1, java.util.Arrays.copyOfRange(b, 0, 32));
    }

    private static byte[] bytes(String hex) {
        if (hex == null) {
            return new byte[0];
        }
        String h = Numeric.cleanHexPrefix(hex.strip().replace("\"", ""));
        if (h.length() % 2 != 0 || !h.matches("[0-9a-fA-F]*")) {
            return new byte[0];
        }
        return Numeric.hexStringToByteArray(h);
    }

    /** Drops NUL and other control characters (ethereum-etl does the same for NUL). */
    private static String clean(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(c -> !Character.isISOControl(c)).forEach(b::appendCodePoint);
        return b.toString();
    }
}
