package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.Outpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Dust attacks: an attacker sends tiny amounts (just above Bitcoin Core's relay dust limit of
 * 294–546 sat) to many addresses, hoping their owners spend them together with other coins and so
 * link their addresses. An output is dust here when it is at most the threshold (1,000 sat by
 * default), pays an address, and that address is not one the transaction spends from (it is
 * unsolicited); CoinJoins and coinbases are not judged. Confidence is high when the rest of the
 * transaction goes back to the sender's own addresses or several dust outputs are sent at once.
 * A trace does not follow dust outputs ({@link dev.tracer.trace.EndpointKind#DUST}).
 *
 * <p>Source: the "dusting attack" reports (Samourai Wallet, October 2018; Litecoin and Binance
 * Academy, 2019) and Bitcoin Core's dust threshold ({@code GetDustThreshold}, src/policy/policy.cpp).
 * Cost O(inputs + outputs).
 *
 * <p>Known false positives: Ordinals/inscription postage (330–546 sat outputs to buyers), Lightning
 * anchor outputs (330 sat), small tips and "tribute" outputs (the 546 sat payments to the genesis
 * address), and faucets.
 */
public final class DustAttackDetector {
    /** Largest value counted as dust by default, sat. */
    public static final long DEFAULT_THRESHOLD = 1000;

    private final long threshold;
    private final CoinJoinDetector coinJoins;

    public DustAttackDetector(long threshold, CoinJoinDetector coinJoins) {
        if (threshold <= 0) {
            throw new dev.tracer.model.InvalidInputException("dust threshold must be positive, got " + threshold);
        }
        this.threshold = threshold;
        this.coinJoins = Objects.requireNonNull(coinJoins, "coinJoins");
    }

    public static DustAttackDetector standard() {
        return new DustAttackDetector(DEFAULT_THRESHOLD, CoinJoinDetector.standard());
    }

    public Optional<DustVerdict> detect(BtcTx tx) {
        if (tx.coinbase()) {
            return Optional.empty();
        }
        Set<String> own = Outputs.inputAddresses(tx);
        List<Outpoint> dust = new ArrayList<>();
        boolean restToSelf = true;
        for (BtcOutput o : Outputs.spendable(tx)) {
            boolean unsolicited = o.address().isPresent() && !own.contains(o.address().get());
            if (o.value() <= threshold && unsolicited) {
                dust.add(new Outpoint(tx.txid(), o.index()));
            } else if (unsolicited || o.address().isEmpty()) {
                restToSelf = false;
            }
        }
        if (dust.isEmpty() || coinJoins.detect(tx).isPresent()) {
            return Optional.empty();
        }
        boolean strong = dust.size() >= 2 || (restToSelf && !own.isEmpty());
        return Optional.of(new DustVerdict(tx.txid(), dust, threshold, dust.size() + " output(s) of at most " + threshold
                + " sat to addresses the transaction does not spend from" + (restToSelf && !own.isEmpty()
                ? "; the rest returns to the sender's own address" : ""), strong ? Confidence.HIGH : Confidence.MEDIUM));
    }

    /** The dust outputs of every transaction in {@code txs}. */
    public TreeSet<Outpoint> dustOutputs(Iterable<BtcTx> txs) {
        TreeSet<Outpoint> out = new TreeSet<>();
        for (BtcTx t : txs) {
            detect(t).ifPresent(v -> out.addAll(v.outputs()));
        }
        return out;
    }
}
