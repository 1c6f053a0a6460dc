package dev.tracer.label.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.testing.SharedData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OFAC SDN address lists in shared/data/labels/ofac (0xB10C's extraction, 2024-09-27). */
class OfacListReaderTest {
    static SourceRead read(String cur) {
        String f = "labels/ofac/sanctioned_addresses_" + cur + ".txt";
        return new OfacListReader().read(SharedData.path(f), f);
    }

    @Test
    void ethEntriesInEitherCaseBecomeCanonicalSanctionedLabels() {
        SourceRead r = read("ETH");
        assertThat(r.rows()).isEqualTo(152);
        assertThat(r.labels()).hasSize(152).allSatisfy(l -> {
            assertThat(l.category()).isEqualTo(Category.SANCTIONED);
            assertThat(l.confidence()).isEqualTo(60);
            assertThat(l.entity()).isEqualTo("OFAC SDN listed address (ETH)");
            assertThat(l.source()).isEqualTo("US Treasury OFAC SDN list");
            assertThat(l.address().value()).isLowerCase();
        });
        // line 18 is written lower-case, line 93 (a Tornado Cash pool) mixed-case with its checksum
        assertThat(r.labels()).extracting(Label::address).contains(
                Address.parse(Chain.ETHEREUM, "0x179f48c78f57a3a78f0608cc9197b8972921d1d2"),
                Address.parse(Chain.ETHEREUM, "0x910cbd523d972eb0a6f4cae4618ad62622b39dbf"));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void xbtListIsBitcoinAndItsOneTronAddressIsSkippedWithItsLine() {
        SourceRead r = read("XBT");
        assertThat(r.rows()).isEqualTo(435);
        assertThat(r.labels()).hasSize(434).allMatch(l -> l.address().chain().equals(Chain.BITCOIN));
        assertThat(r.skipped()).containsExactly(Map.entry("invalid_address", 1));
        assertThat(r.warnings()).singleElement().asString().startsWith(
                "labels/ofac/sanctioned_addresses_XBT.txt:355: line 355: malformed Bitcoin address 'TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq'");
    }

    @Test
    void usdtAddressesGoToTheChainTheirFormSays() {
        SourceRead r = read("USDT");
        assertThat(r.rows()).isEqualTo(26);
        assertThat(r.labels().stream().filter(l -> l.address().chain().equals(Chain.ETHEREUM))).hasSize(8);
        assertThat(r.labels().stream().filter(l -> l.address().chain().equals(Chain.BITCOIN))).hasSize(7)
                .extracting(l -> l.address().value()).contains("3E6ZCKRrsdPc35chA9Eftp1h3DLW18NFNV");
        assertThat(r.skipped()).containsExactly(Map.entry("usdt_on_other_chain", 11));
        assertThat(r.warnings()).containsExactly("labels/ofac/sanctioned_addresses_USDT.txt: skipped 11 USDT address(es)"
                + " that are neither Ethereum nor Bitcoin (Tron)");
    }
}
