package dev.tracer.bitcoin.heuristics;

import java.util.Locale;

/** The CoinJoin implementations the detectors recognise. */
public enum CoinJoinType {
    /** Samourai Whirlpool (ZeroLink-style, fixed pools). */
    WHIRLPOOL,
    /** Wasabi Wallet 1.x (ZeroLink, Chaumian blinding, ~0.1 BTC denomination). */
    WASABI_1,
    /** Wasabi Wallet 2.x and other WabiSabi coordinators (variable amounts, standard denominations). */
    WABISABI,
    /** JoinMarket (a taker pays makers; equal outputs plus each participant's change). */
    JOINMARKET,
    /** Unattributed: equal outputs among several participants. */
    GENERIC;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
