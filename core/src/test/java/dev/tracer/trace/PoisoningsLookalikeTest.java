package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The indexed look-alike search of {@link Poisonings.Counterparties} against the plain scan it replaces. */
class PoisoningsLookalikeTest {

    /**
     * Counterparties drawn from a few prefixes and suffixes, so many share the first or the last
     * hex digits and several match; every candidate gets the same answer (the first match in
     * address order) from both searches.
     */
    @Test
    void findsTheSameLookalikeAsTheScan() {
        Random rnd = new Random(20261125L);
        String[] heads = {"0000", "a1b2", "a1b3", "ffff", "7e57"};
        String[] tails = {"0000", "beef", "cafe", "ffff"};
        int matches = 0;
        for (int round = 0; round < 200; round++) {
            TreeMap<String, Address> m = new TreeMap<>();
            int n = rnd.nextInt(60);
            for (int i = 0; i < n; i++) {
                Address a = evm(rnd, heads[rnd.nextInt(heads.length)], tails[rnd.nextInt(tails.length)]);
                m.put(a.value(), a);
            }
            List<Address> sorted = List.copyOf(new ArrayList<>(m.values()));
            Poisonings.Counterparties c = new Poisonings.Counterparties(sorted, true);
            List<Address> candidates = new ArrayList<>(sorted); // a counterparty itself is never its own look-alike
            for (int i = 0; i < 20; i++) {
                candidates.add(evm(rnd, heads[rnd.nextInt(heads.length)], tails[rnd.nextInt(tails.length)]));
            }
            for (Address x : candidates) {
                Optional<Address> expected = Poisonings.lookalike(x, sorted);
                assertThat(c.lookalike(x)).as("look-alike of %s", x).isEqualTo(expected);
                matches += expected.isPresent() ? 1 : 0;
            }
        }
        assertThat(matches).as("candidates with a look-alike").isGreaterThan(1000);
    }

    /** Counterparties that are not all EVM addresses are scanned as before. */
    @Test
    void scansWhenNotEveryCounterpartyIsAnEvmAddress() {
        Address x = Address.parse(Chain.ETHEREUM, "0xa1b2" + "0".repeat(32) + "beef");
        Address y = Address.parse(Chain.ETHEREUM, "0xa1b2" + "1".repeat(32) + "beef");
        Poisonings.Counterparties c = new Poisonings.Counterparties(List.of(y), false);
        assertThat(c.lookalike(x)).contains(y);
        assertThat(new Poisonings.Counterparties(List.of(), true).lookalike(x)).isEmpty();
    }

    private static Address evm(Random rnd, String head, String tail) {
        byte[] middle = new byte[16];
        rnd.nextBytes(middle);
        return Address.parse(Chain.ETHEREUM, "0x" + head + HexFormat.of().formatHex(middle) + tail);
    }
}
