package dev.tracer.label.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.testing.SharedData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bitcoin entity lists in shared/data/labels/btc-entities (Copexit/am-i-exposed, entity-data/curated). */
class EntityListReaderTest {
    static SourceRead read(String stem) {
        String f = "labels/btc-entities/" + stem + ".csv";
        return new EntityListReader().read(SharedData.path(f), f, stem);
    }

    static Label at(SourceRead r, String address) {
        return r.labels().stream().filter(l -> l.address().value().equals(address)).findFirst().orElseThrow();
    }

    @Test
    void rowsBecomeBitcoinLabelsWithTheirRowSource() {
        SourceRead r = read("mixer-addresses");
        assertThat(r.rows()).isEqualTo(107);
        assertThat(r.labels()).hasSize(107).allMatch(l -> l.category() == Category.MIXER && l.confidence() == 20);
        Label blender = at(r, "3K35dyL85fR9ht7UgzPfd1gLRRXQtNTqE3");
        assertThat(blender.entity()).isEqualTo("Blender.io");
        assertThat(blender.source()).isEqualTo("ofac-sdn-2022-05-06");
    }

    @Test
    void commentLinesBeforeAndInsideTheTableAreSkipped() {
        // 17 comment lines and a blank one precede the header
        SourceRead r = read("exchange-academic-addresses");
        assertThat(r.rows()).isEqualTo(2114);
        assertThat(at(r, "176Aje9eyGCCBn8GpVWRFHeJsftsadksmQ").entity()).isEqualTo("AnxPro");
        SourceRead garantex = read("exchange-targeted-research");
        assertThat(garantex.labels()).hasSize(4).allMatch(l -> l.entity().equals("Garantex"));
    }

    @Test
    void addressesWithBadChecksumsAreSkippedNamingTheirLine() {
        SourceRead r = read("exchange-modern-curated");
        assertThat(r.rows()).isEqualTo(60);
        assertThat(r.labels()).hasSize(24);
        assertThat(r.skipped()).containsExactly(Map.entry("invalid_address", 36));
        assertThat(r.warnings()).first().isEqualTo("labels/btc-entities/exchange-modern-curated.csv:7: row: malformed"
                + " Bitcoin address '39884E3j6KZj82FK4hA3t6K5GCHkWwqLHv': bad checksum; skipped");
    }

    @Test
    void theFileNameGivesTheCategory() {
        assertThat(read("ransomware-addresses").labels()).allMatch(l -> l.category() == Category.RANSOMWARE);
        assertThat(read("darknet-market-addresses").labels()).allMatch(l -> l.category() == Category.MARKET);
        assertThat(read("doj-seizure-addresses").labels()).allMatch(l -> l.category() == Category.SEIZED);
        assertThat(read("mining-pool-addresses").labels()).allMatch(l -> l.category() == Category.MINING_POOL);
        assertThat(read("ofac-entity-labeled").labels()).allMatch(l -> l.category() == Category.SANCTIONED);
        assertThat(read("bankruptcy-exchange-addresses").labels()).allMatch(l -> l.category() == Category.EXCHANGE);
        SourceRead unknown = read("bithypha-bithypha");
        assertThat(unknown.labels()).hasSize(25).allMatch(l -> l.category() == Category.OTHER);
        assertThat(unknown.warnings()).containsExactly(
                "labels/btc-entities/bithypha-bithypha.csv: the file name says no kind of entity: labelled 'other'");
    }
}
