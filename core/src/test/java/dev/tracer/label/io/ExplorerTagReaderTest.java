package dev.tracer.label.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.model.InvalidInputException;
import dev.tracer.testing.SharedData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Etherscan label clouds in shared/data/labels/etherscan (brianleect/etherscan-labels, scraped 2023). */
class ExplorerTagReaderTest {
    static SourceRead read(String label) {
        String f = "labels/etherscan/" + label + ".csv";
        return new ExplorerTagReader().read(SharedData.path(f), f, label);
    }

    static Label at(SourceRead r, String address) {
        return r.labels().stream().filter(l -> l.address().value().equals(address)).findFirst().orElseThrow();
    }

    @Test
    void theFileNameGivesTheCategory() {
        SourceRead bridges = read("bridge");
        assertThat(bridges.rows()).isEqualTo(166);
        assertThat(bridges.labels()).hasSize(166).allMatch(l -> l.category() == Category.BRIDGE && l.confidence() == 20);
        assertThat(at(bridges, "0x8ed95d1746bf1e4dab58d8ed4724f1ef95b20db0").entity()).isEqualTo("0x: Erc20 Bridge Proxy");
        assertThat(read("tornado-cash").labels()).hasSize(63).allMatch(l -> l.category() == Category.MIXER);
        assertThat(read("ethereum-mixer").labels()).singleElement()
                .satisfies(l -> assertThat(l.entity()).isEqualTo("Tornado.Cash: Mixer 1"));
        assertThat(read("binance").labels()).hasSize(57).allMatch(l -> l.category() == Category.EXCHANGE);
    }

    @Test
    void quotedCellsWithCommasAreReadWhole() {
        // row 9: 0x910c…9dbf,Tornado.Cash: 10 ETH,"12,550 ETH",14051
        Label pool = at(read("tornado-cash"), "0x910cbd523d972eb0a6f4cae4618ad62622b39dbf");
        assertThat(pool.entity()).isEqualTo("Tornado.Cash: 10 ETH");
        assertThat(pool.source()).isEqualTo("Etherscan label 'tornado-cash'");
    }

    @Test
    void blockedAddressesAreBlockedNotSanctionedAndRepeatsAreCounted() {
        SourceRead r = read("blocked");
        assertThat(r.rows()).isEqualTo(661);
        assertThat(r.labels()).hasSize(483).allMatch(l -> l.category() == Category.BLOCKED);
        assertThat(r.skipped()).containsExactly(Map.entry("duplicate", 178));
        assertThat(at(r, "0x6566fd32e6440b4268d616479707321851f354df").entity()).isEqualTo("unnamed (blocked)");
    }

    @Test
    void aLabelWithoutAKnownCategoryIsAnError() {
        assertThatThrownBy(() -> new ExplorerTagReader().read(SharedData.path("labels/etherscan/bridge.csv"), "x/dex.csv", "dex"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("x/dex.csv: no category known for the explorer label 'dex' (known: binance, blocked, bridge,"
                        + " ethereum-mixer, tornado-cash)");
    }
}
