package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.testing.SharedData;
import org.junit.jupiter.api.Test;

/** {@code tracer incidents} over the bundled catalogue, and tracing an incident without data. */
class IncidentsCommandTest {
    @Test
    void theListingSaysWhatIsUnknownAndThatNoDataIsBundled() {
        CliRun r = CliRun.of("incidents", "--fixtures", SharedData.fixtures().toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("bybit-2025  2025-02-21  Bybit Ethereum cold-wallet theft\n",
                "ronin-2022  date unknown  Ronin bridge hack\n",
                "    chains: ethereum; seeds: 6; data: none (trace with a live source or --data)\n",
                "    source: Source cited by ronin_bridge.yaml for every tag https://roninblockchain.substack.com/p/community-alert-ronin-validators\n",
                "harmony-2022  date unknown  Harmony theft (2022, as named in the issue)\n",
                "    victim: Harmony; stolen: unknown; attribution: unknown\n",
                "    chains: unknown; seeds: 0; data: none (trace with a live source or --data)\n");
        assertThat(r.out().lines().filter(l -> !l.startsWith(" "))).hasSize(26);
    }

    @Test
    void tracingAnIncidentWithoutBundledDataAsksForData() {
        for (String id : new String[] {"ronin-2022", "harmony-2022"}) {
            BadInputTest.assertOneLineError(CliRun.of("trace", "--incident", id, "--fixtures", SharedData.fixtures().toString()),
                    2, "incident " + id + " has no bundled chain data; trace it with --data DIR (or a live source)");
        }
    }
}
