package dev.tracer.detect;

import dev.tracer.model.Address;
import dev.tracer.model.Flag;
import dev.tracer.model.Transfer;
import dev.tracer.trace.TraceResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Address poisoning and fake tokens: the transfers the engine excluded from the funds (imitation
 * tokens, zero-value token transfers, unverified tokens), one flag per receiving address, naming
 * the real counterparty a look-alike address imitates (same first and last four hex digits).
 *
 * <p>Rules: {@code lookalike-address} (the receiver imitates a real counterparty of the sender),
 * {@code fake-token} (an imitation token: a look-alike symbol per Unicode TR39, or a genuine
 * symbol on an unknown contract), {@code zero-value} and {@code unverified-token}. Sources: the
 * address-poisoning campaigns described by Guan et al., "Characterizing and Detecting Address
 * Poisoning Attacks on Ethereum" (USENIX Security 2024), and the Bybit 2025 outflows, where most
 * token rows are such spam. Cost: O(P) over the excluded transfers.
 *
 * <p>Known false positives: a vanity address that shares four hex digits at each end with a real
 * counterparty by chance (1 in 2^32 per pair).
 */
public final class PoisoningDetector implements Detector {

    @Override
    public String name() {
        return "PoisoningDetector";
    }

    @Override
    public List<Flag> detect(DetectionContext ctx) {
        Map<Address, List<TraceResult.Poisoning>> byReceiver = new TreeMap<>();
        for (TraceResult.Poisoning p : ctx.result().poisoning()) {
            byReceiver.computeIfAbsent(p.transfer().to(), x -> new ArrayList<>()).add(p);
        }
        List<Flag> out = new ArrayList<>();
        byReceiver.forEach((to, list) -> {
            Optional<Address> real = list.stream().flatMap(p -> p.lookalikeOf().stream()).findFirst();
            List<Transfer> evidence = list.stream().map(TraceResult.Poisoning::transfer).toList();
            String reason = list.get(0).reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            String rule = real.isPresent() ? "lookalike-address" : reason.replace("imitation-token", "fake-token");
            String summary = list.size() + " excluded transfer" + (list.size() == 1 ? "" : "s") + " (" + list.get(0).detail() + ")"
                    + real.map(r -> "; this address imitates " + r.value()).orElse("");
            out.add(DetectionContext.flag("address-poisoning", name(), to, rule, real.isPresent() ? 90 : 70, summary, evidence));
        });
        return out;
    }
}
