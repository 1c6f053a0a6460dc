package dev.tracer.label;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.testing.SharedData;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store over the bundled packs (fixtures/labels). */
class LabelStoreTest {
    static LabelStore bundled;

    @BeforeAll
    static void load() {
        bundled = LabelStore.bundled(SharedData.fixtures());
    }

    @Test
    void conflictingLabelsFromSeveralSourcesAreKeptSideBySideBestFirst() {
        // the first Ronin bridge exploiter address: a theft in one pack, Lazarus Group in another, OFAC-listed in two more
        Address ronin = Address.parse(Chain.ETHEREUM, "0x098B716B8Aaf21512996dC57EB0615e2383E2f96");
        List<Label> l = bundled.labels(ronin);
        assertThat(l).extracting(Label::pack).containsExactly("ofac/sanctioned_addresses_ETH", "tagpacks/lazarus",
                "tagpacks/ronin_bridge", "tagpacks/ofac");
        assertThat(l).extracting(Label::entity).containsExactly("OFAC SDN listed address (ETH)", "Lazarus group",
                "Ronin bridge exploiter", "Asset listed under US Treasury OFAC Sanctions List");
        assertThat(l).extracting(Label::category).containsExactly(Category.SANCTIONED, Category.SANCTIONED,
                Category.THEFT, Category.OTHER);
        assertThat(bundled.best(ronin)).contains(l.get(0));
    }

    @Test
    void onEqualConfidenceWhatAnAddressIsComesBeforeWhatIsSaidAboutIt() {
        // a Tornado Cash pool: 'mixer' (GraphSense, OFAC source) and 'sanctioned' (the SDN list), both 60
        Address pool = Address.parse(Chain.ETHEREUM, "0x910cbd523d972eb0a6f4cae4618ad62622b39dbf");
        List<Label> l = bundled.labels(pool);
        assertThat(l.get(0).confidence()).isEqualTo(l.get(1).confidence()).isEqualTo(60);
        assertThat(l.get(0).category()).isEqualTo(Category.MIXER);
        assertThat(l.get(1).category()).isEqualTo(Category.SANCTIONED);
        assertThat(bundled.best(pool).orElseThrow().category()).isEqualTo(Category.MIXER);
    }

    @Test
    void addingNeverOverwritesAndEqualLabelsAreHeldOnce() {
        Address blender = Address.parse(Chain.BITCOIN, "3K35dyL85fR9ht7UgzPfd1gLRRXQtNTqE3");
        int before = bundled.labels(blender).size();
        Label mine = new Label(blender, "Blender.io mixer", Category.MIXER, "my case notes", 90, false, "mine.csv");
        LabelStore more = bundled.with(List.of(mine, mine));
        assertThat(more.labels(blender)).hasSize(before + 1).first().isEqualTo(mine);
        assertThat(bundled.labels(blender)).hasSize(before).doesNotContain(mine);
        assertThat(more.size()).isEqualTo(bundled.size() + 1);
    }

    @Test
    void bundledCountsAreThoseOfTheIndex() {
        LabelPacks index = LabelPacks.read(SharedData.fixtures().resolve("labels"));
        assertThat(bundled.size()).isEqualTo(index.packs().stream().mapToInt(LabelPack::labels).sum()).isEqualTo(45123);
        assertThat(bundled.all()).hasSize(45123);
    }
}
