package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracer.testing.Anvil;
import dev.tracer.testing.LaunderingScenario;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The must-show of the Ethereum issue: on the anvil laundering scenario, a live trace from the
 * theft address with the scenario's labels and the default detectors flags every planted mixer
 * entry, swap, bridge exit (with its destination), exchange deposit and spoofed transfer, and
 * nothing else. The expected flags are computed from the scenario's ground truth (its hops,
 * spoofed transactions and look-alikes) by the detectors' documented rules, never from hex
 * addresses written here:
 * <ul>
 *   <li>the trail: T is the seed; an address a trail hop reaches is followed unless labelled
 *       (mixer, bridge, exchange and DEX are stops by default);
 *   <li>{@code mixer-entry}: a followed sender into the Pool; no {@code mixer-exit}, because the
 *       Pool is a stop: its withdrawals to W1, W2 cannot be linked to the deposits (that is what a
 *       mixer is for), so the trace does not follow them;
 *   <li>{@code dex-swap}: a followed sender of a token into the Swap that gets another asset back
 *       in the same transaction (rule {@code same-tx}), the proceeds carrying the taint;
 *   <li>{@code bridge-exit}: a followed sender into the Bridge, with the event's destination;
 *   <li>{@code exchange-deposit}: a followed address forwarding ≥ 95 % of its inflows to H;
 *   <li>{@code address-poisoning}: every look-alike receiver of the spoofed transfers;
 *   <li>structural flags the ground truth implies: {@code consolidation} where traced hops arrive
 *       from ≥ 2 senders or in ≥ 2 assets (S2 gets ETH and USDT; H gets D1's and D2's sweeps);
 *       {@code rapid-pass-through} at every followed non-seed address that passes funds on (the
 *       whole scenario runs within seconds); {@code equal-split} only for ≥ 5 equal lots (T's
 *       3 × 30 ETH is below it: none).
 * </ul>
 */
@ExtendWith(Anvil.class)
class AnvilFlagsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;

    @Test
    void everyPlantedHopIsFlaggedAndNothingElse(Anvil.Node node) throws IOException {
        LaunderingScenario s = LaunderingScenario.play(node.url(), node.chainId());
        Files.writeString(dir.resolve("labels.csv"), s.labelsCsv());
        Files.writeString(dir.resolve("tokens.csv"), s.tokensCsv());
        CliRun r = CliRun.of("trace", "-a", s.address("T"), "--labels", dir.resolve("labels.csv").toString(),
                "--tokens", dir.resolve("tokens.csv").toString(), "--rpc", node.url(), "--to-block", Long.toString(s.lastBlock),
                "--rate-limit", "500", "--out", dir.resolve("out").toString(), "--quiet");
        assertThat(r.code()).as("stderr: %s", r.err()).isZero();
        JsonNode report = JSON.readTree(dir.resolve("out/report.json").toFile());
        Map<String, String> role = new HashMap<>();
        s.names.forEach((k, v) -> role.put(v, k));
        s.lookalikes.forEach(l -> role.put(l, "look-alike " + l));

        Set<String> actual = new TreeSet<>();
        Map<String, List<JsonNode>> byType = new TreeMap<>();
        for (JsonNode f : report.get("flags")) {
            String type = f.get("type").asText();
            actual.add(type + " @ " + role.getOrDefault(f.get("address").asText(), f.get("address").asText()));
            byType.computeIfAbsent(type, k -> new ArrayList<>()).add(f);
            System.out.println(type + " @ " + role.getOrDefault(f.get("address").asText(), "?") + " [" + f.get("rule").asText() + "] "
                    + f.get("summary").asText());
        }
        assertThat(actual).isEqualTo(expected(s, role));

        // the details the must-show names
        assertThat(byType.get("mixer-entry")).hasSize(3).allSatisfy(f -> assertThat(f.get("rule").asText()).isEqualTo("mixer-entry:denomination"));
        assertThat(byType.get("dex-swap")).singleElement().satisfies(f -> {
            assertThat(f.get("rule").asText()).isEqualTo("same-tx:labelled-dex");
            assertThat(f.get("summary").asText()).contains("swap in one transaction", "USDT out", "5 ETH back",
                    "5 ETH of it carries the taint");
        });
        assertThat(byType.get("bridge-exit")).singleElement().satisfies(f -> {
            assertThat(f.get("rule").asText()).isEqualTo("bridge:event");
            assertThat(f.get("summary").asText()).contains("cross-chain exit to evm-56 " + s.address("S3"));
        });
        // the 5 ETH the swap paid S2 carry the taint on: seeds + swaps = endpoints
        BigInteger heldAtS2 = BigInteger.ZERO;
        BigInteger ethEnds = BigInteger.ZERO;
        for (JsonNode e : report.get("endpoints")) {
            if (e.get("symbol").asText().equals("ETH")) {
                ethEnds = ethEnds.add(new BigInteger(e.get("base_units").asText()));
                if (e.get("address").asText().equals(s.address("S2")) && e.get("kind").asText().equals("held")) {
                    heldAtS2 = heldAtS2.add(new BigInteger(e.get("base_units").asText()));
                }
            }
        }
        assertThat(heldAtS2).isEqualTo(LaunderingScenario.ETH.multiply(BigInteger.valueOf(5)));
        assertThat(ethEnds).isEqualTo(LaunderingScenario.ETH.multiply(BigInteger.valueOf(105)));
    }

    /** The flags the detectors' rules imply for the scenario's ground truth, as "type @ role". */
    static Set<String> expected(LaunderingScenario s, Map<String, String> role) {
        Map<String, String> category = Map.of(s.address("Pool"), "mixer", s.address("Bridge"), "bridge",
                s.address("H"), "exchange", s.address("Swap"), "dex");
        String seed = s.address("T");
        Set<String> followed = new LinkedHashSet<>(List.of(seed));
        List<LaunderingScenario.Hop> trail = new ArrayList<>();
        for (LaunderingScenario.Hop h : s.hops) {
            if (followed.contains(h.from()) && !h.from().equals(h.to())) {
                trail.add(h);
                if (!category.containsKey(h.to())) {
                    followed.add(h.to());
                }
            }
        }
        // swaps in one transaction: a followed address's token into the DEX, another asset back in that transaction
        List<LaunderingScenario.Hop> proceeds = new ArrayList<>();
        Set<String> out = new TreeSet<>();
        for (LaunderingScenario.Hop h : trail) {
            if ("dex".equals(category.get(h.to())) && h.kind().equals("token")) {
                for (LaunderingScenario.Hop back : s.hops) {
                    if (back.tx().equals(h.tx()) && back.from().equals(h.to()) && back.to().equals(h.from()) && !back.asset().equals(h.asset())) {
                        proceeds.add(back);
                        out.add("dex-swap @ " + role.get(h.from()));
                    }
                }
            }
            if ("mixer".equals(category.get(h.to()))) {
                out.add("mixer-entry @ " + role.get(h.from()));
            }
            if ("bridge".equals(category.get(h.to()))) {
                out.add("bridge-exit @ " + role.get(h.from()));
            }
        }
        List<LaunderingScenario.Hop> traced = new ArrayList<>(trail);
        traced.addAll(proceeds);
        Map<String, Set<String>> senders = new HashMap<>();
        Map<String, Set<String>> assets = new HashMap<>();
        for (LaunderingScenario.Hop h : traced) {
            senders.computeIfAbsent(h.to(), k -> new TreeSet<>()).add(h.from());
            assets.computeIfAbsent(h.to(), k -> new TreeSet<>()).add(h.asset());
        }
        senders.forEach((a, from) -> {
            if (!a.equals(seed) && (from.size() >= 2 || assets.get(a).size() >= 2)) {
                out.add("consolidation @ " + role.get(a));
            }
        });
        for (String a : followed) {
            if (a.equals(seed)) {
                continue;
            }
            boolean in = traced.stream().anyMatch(h -> h.to().equals(a));
            boolean on = trail.stream().anyMatch(h -> h.from().equals(a));
            if (in && on) {
                out.add("rapid-pass-through @ " + role.get(a));
            }
            BigInteger received = BigInteger.ZERO;
            BigInteger toExchange = BigInteger.ZERO;
            for (LaunderingScenario.Hop h : s.hops) {
                if (h.to().equals(a)) {
                    received = received.add(h.amount());
                }
                if (h.from().equals(a) && "exchange".equals(category.get(h.to()))) {
                    toExchange = toExchange.add(h.amount());
                }
            }
            if (toExchange.signum() > 0 && toExchange.multiply(BigInteger.valueOf(100)).compareTo(received.multiply(BigInteger.valueOf(95))) >= 0) {
                out.add("exchange-deposit @ " + role.get(a));
            }
        }
        for (String a : followed) { // equal lots: at least 5 transfers of one amount to 5 receivers
            Map<String, Set<String>> lots = new HashMap<>();
            trail.stream().filter(h -> h.from().equals(a)).forEach(h -> lots.computeIfAbsent(h.asset() + h.amount(), k -> new TreeSet<>()).add(h.to()));
            lots.values().stream().filter(x -> x.size() >= 5).forEach(x -> out.add("equal-split @ " + role.get(a)));
        }
        for (String l : s.lookalikes) {
            out.add("address-poisoning @ " + role.get(l));
        }
        return out;
    }
}
