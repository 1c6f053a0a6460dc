package dev.tracer.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A blockchain. EVM chains are identified by their EIP-155 chain id; Bitcoin is its own kind.
 *
 * @param kind      account-model EVM chain or UTXO Bitcoin
 * @param chainId   EIP-155 chain id for EVM chains, 0 for Bitcoin
 * @param name      a stable lower-case name used in file formats ({@code ethereum}, {@code bitcoin}, {@code evm-137})
 * @param nativeSymbol symbol of the native coin
 * @param nativeDecimals decimals of the native coin's base unit (18 for wei, 8 for satoshi)
 */
public record Chain(Kind kind, long chainId, String name, String nativeSymbol, int nativeDecimals) {

    /** Account model or UTXO model. */
    public enum Kind { EVM, BITCOIN }

    public static final Chain ETHEREUM = new Chain(Kind.EVM, 1, "ethereum", "ETH", 18);
    public static final Chain BITCOIN = new Chain(Kind.BITCOIN, 0, "bitcoin", "BTC", 8);

    public Chain {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nativeSymbol, "nativeSymbol");
        if (kind == Kind.EVM && chainId <= 0) {
            throw new InvalidInputException("EVM chain id must be positive, got " + chainId);
        }
        if (nativeDecimals < 0 || nativeDecimals > 77) {
            throw new InvalidInputException("native decimals out of range: " + nativeDecimals);
        }
    }

    /** The EVM chain with this id; Ethereum mainnet for 1, a generic {@code evm-ID} otherwise. */
    public static Chain evm(long chainId) {
        if (chainId == 1) {
            return ETHEREUM;
        }
        return new Chain(Kind.EVM, chainId, "evm-" + chainId, "ETH", 18);
    }

    /**
     * Parses {@code ethereum}, {@code bitcoin}, {@code evm-ID}, or a bare EVM chain id.
     *
     * @throws InvalidInputException naming the text when it is none of those
     */
    public static Chain parse(String text) {
        String t = Objects.requireNonNull(text, "chain").trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "ethereum", "eth", "mainnet", "1" -> {
                return ETHEREUM;
            }
            case "bitcoin", "btc" -> {
                return BITCOIN;
            }
            default -> {
                String digits = t.startsWith("evm-") ? t.substring(4) : t;
                try {
                    return evm(Long.parseLong(digits));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("unknown chain '" + text + "' (use ethereum, bitcoin or an EVM chain id)", e);
                }
            }
        }
    }

    public boolean isEvm() {
        return kind == Kind.EVM;
    }

    @Override
    public String toString() {
        return name;
    }
}
