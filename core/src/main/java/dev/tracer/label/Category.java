package dev.tracer.label;

import dev.tracer.model.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What kind of entity an address belongs to, or what is known about it.
 *
 * <p>The declaration order is also the precedence between two labels of an address with the same
 * confidence ({@link LabelStore}): what an address <em>is</em> (a service kind, most specific
 * first) comes before what is <em>said about</em> it (sanctioned, theft, …), and {@link #OTHER}
 * is last. So a Tornado Cash pool that one source calls a mixer and another, equally confident,
 * calls sanctioned is shown, and stopped at, as a mixer.
 */
public enum Category {
    /** A centralised exchange (hot, cold, deposit or reserve wallet). */
    EXCHANGE,
    /** A custodial mixing service or a mixing contract (Tornado Cash pools, Blender.io, …). */
    MIXER,
    /** A cross-chain bridge contract or its custody address. */
    BRIDGE,
    /** A decentralised exchange contract (router, pool). */
    DEX,
    /** A token contract. */
    TOKEN_CONTRACT,
    /** An address seen taking part in CoinJoin transactions (a user, not a service). */
    COINJOIN,
    /** A mining pool's payout or coinbase address. */
    MINING_POOL,
    /** A gambling service. */
    GAMBLING,
    /** An online marketplace (in the bundled data: darknet markets). */
    MARKET,
    /** Any other service (payment processor, wallet service, faucet, …). */
    SERVICE,
    /** On a government sanctions list (US Treasury OFAC SDN). */
    SANCTIONED,
    /** Holds or moved stolen funds (a thief's address, a hack's destination). */
    THEFT,
    /** Receives ransomware payments. */
    RANSOMWARE,
    /** A scam, fraud or Ponzi scheme address. */
    SCAM,
    /** Named in a law-enforcement seizure list. */
    SEIZED,
    /** Frozen or blacklisted by a token issuer (USDT/USDC blacklist), not a sanction. */
    BLOCKED,
    /** Anything else, including labels whose source gives no usable kind. */
    OTHER;

    /** The lower-case name used in files and on the command line. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a code ({@code exchange}, {@code token-contract}, {@code TOKEN_CONTRACT}).
     *
     * @throws InvalidInputException naming the text and the known codes
     */
    public static Category parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown category '" + text + "' (known: "
                    + Arrays.stream(values()).map(Category::code).collect(Collectors.joining(", ")) + ")", e);
        }
    }
}
