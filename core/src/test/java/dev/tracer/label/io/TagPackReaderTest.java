package dev.tracer.label.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GraphSense TagPacks from shared/data/labels/tagpacks (graphsense-tagpacks @ 29ff93c8). */
class TagPackReaderTest {
    static final String RONIN = "0x098b716b8aaf21512996dc57eb0615e2383e2f96";

    @TempDir
    Path tmp;

    static SourceRead read(String file) {
        return new TagPackReader().read(SharedData.path("labels/tagpacks/" + file), "labels/tagpacks/" + file);
    }

    static Label only(SourceRead r, Chain chain, String address, String entity) {
        List<Label> l = r.labels().stream()
                .filter(x -> x.address().equals(Address.parse(chain, address)) && x.entity().equals(entity)).toList();
        assertThat(l).as(address + " " + entity).hasSize(1);
        return l.get(0);
    }

    @Test
    void headerFieldsAreInheritedByEveryTag() {
        SourceRead r = read("ronin_bridge.yaml");
        assertThat(r.rows()).isEqualTo(6);
        assertThat(r.labels()).hasSize(6).allSatisfy(l -> {
            assertThat(l.address().chain()).isEqualTo(Chain.ETHEREUM);
            assertThat(l.category()).isEqualTo(Category.THEFT);          // header abuse: service_hack
            assertThat(l.confidence()).isEqualTo(50);                   // header confidence: service_data
            assertThat(l.clusterDefiner()).isTrue();                    // header is_cluster_definer: true
            assertThat(l.source()).isEqualTo("https://roninblockchain.substack.com/p/community-alert-ronin-validators");
        });
        only(r, Chain.ETHEREUM, RONIN, "Ronin bridge exploiter");
        only(r, Chain.ETHEREUM, "0xbc25d57412a04956cdd95af07825c5c1f34d29eb", "Ronin bridge exploiter 8");
        assertThat(r.description()).isEqualTo("Ronin bridge hack");
        assertThat(r.skipped()).isEmpty();
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void aTagOverridesTheHeader() {
        // header label "kucoin reserve wallets"; the tag at line 89 says "kucoin USDC reserves"
        SourceRead r = read("exchange-wallets-kucoin.yaml");
        only(r, Chain.BITCOIN, "bc1qgrxsrmrhsapvh9addyx6sh8j4rw0sn9xtur9uq", "kucoin reserve wallets");
        Label usdc = only(r, Chain.ETHEREUM, "0xf16e9b0d03470827a95cdfd0cb8a8a3b46969b91", "kucoin USDC reserves");
        only(r, Chain.ETHEREUM, "0xf16e9b0d03470827a95cdfd0cb8a8a3b46969b91", "kucoin KCS reserves");
        assertThat(usdc.category()).isEqualTo(Category.EXCHANGE);
        // per-tag is_cluster_definer over none in the header
        SourceRead hack = read("binance_hack.yaml");
        assertThat(only(hack, Chain.BITCOIN, "14QZ2wB8b8ZQNgb978Lwptdc8Vhv5aZQM2", "binance hack").clusterDefiner()).isTrue();
        assertThat(only(hack, Chain.BITCOIN, "17Bmh2aNne8sR9kRwMwDzWHAYeZaZPRm28", "binance hack").clusterDefiner()).isFalse();
        // per-tag label, category, currency and source under a header with only confidence and source
        SourceRead interpol = read("interpol-real_services.yaml");
        Label bon = only(interpol, Chain.BITCOIN, "3QyUSB4eRYePHcvpS6k6YDMBUDGXRSSMPc", "bitcoinbon.at");
        assertThat(bon.category()).isEqualTo(Category.EXCHANGE);
        assertThat(bon.source()).isEqualTo("https://www.interpol.int");
        assertThat(bon.confidence()).isEqualTo(60);
    }

    @Test
    void otherCurrenciesAreSkippedAndCounted() {
        SourceRead r = read("exchange-wallets-kucoin.yaml");
        assertThat(r.rows()).isEqualTo(59);
        assertThat(r.labels()).hasSize(18);
        assertThat(r.skipped()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "currency_KCS", 6, "currency_TRX", 6, "currency_USDC", 14, "currency_USDT", 15));
        assertThat(r.warnings()).containsExactly("labels/tagpacks/exchange-wallets-kucoin.yaml: skipped tags of currencies"
                + " other than BTC and ETH: 6 KCS, 6 TRX, 14 USDC, 15 USDT");
    }

    @Test
    void namedConfidenceLevelsMapToGraphSensesNumbers() {
        assertThat(read("usdt_blacklist.yaml").labels()).allMatch(l -> l.confidence() == 100 && l.category() == Category.BLOCKED);
        assertThat(read("lazarus.yaml").labels()).allMatch(l -> l.confidence() == 60 && l.category() == Category.SANCTIONED);
        assertThat(read("samourai.yaml").labels()).hasSize(36548).allMatch(l -> l.confidence() == 50 && l.category() == Category.COINJOIN);
        assertThat(read("coinjoin_bounty.yaml").labels()).singleElement().satisfies(l -> assertThat(l.confidence()).isEqualTo(40));
        assertThat(read("etherscan-wordcloud-exchange.yaml").labels()).hasSize(646).allMatch(l -> l.confidence() == 20);
        // ofac.yaml states no confidence at all: GraphSense's 'unknown'
        SourceRead ofac = read("ofac.yaml");
        assertThat(ofac.labels()).hasSize(531).allMatch(l -> l.confidence() == 5 && l.category() == Category.OTHER);
        assertThat(ofac.warnings()).contains("labels/tagpacks/ofac.yaml: 531 tag(s) state no known confidence level:"
                + " given GraphSense's 'unknown' (5)");
    }

    @Test
    void abuseOutranksCategoryAndTagsWithNeitherAreOther() {
        SourceRead r = read("hacks.yaml");
        assertThat(r.labels()).hasSize(608);
        Label thief = only(r, Chain.BITCOIN, r.labels().stream().filter(l -> l.entity().equals("Bitfinex hack"))
                .findFirst().orElseThrow().address().value(), "Bitfinex hack");
        assertThat(thief.category()).isEqualTo(Category.THEFT);
        assertThat(thief.source()).isEqualTo("https://gist.github.com/MrChrisJ/4a959a51a0d2be356cc2e89566fc1d87");
        assertThat(r.labels().stream().filter(l -> l.category() == Category.THEFT)).hasSize(178);
        assertThat(r.labels().stream().filter(l -> l.entity().equals("Bips"))).allMatch(l -> l.category() == Category.OTHER);
        // user + sanction
        assertThat(only(read("lazarus.yaml"), Chain.ETHEREUM, RONIN, "Lazarus group").category()).isEqualTo(Category.SANCTIONED);
    }

    @Test
    void anInvalidAddressIsSkippedCountedAndNamedWithFileAndTag() throws IOException {
        // the real ronin_bridge.yaml with the case of one letter of the third address flipped: a bad EIP-55 checksum
        String text = Files.readString(SharedData.path("labels/tagpacks/ronin_bridge.yaml"));
        String broken = text.replace("0x7E3167771BF23AC10930803589d1424903b36584", "0x7e3167771BF23AC10930803589d1424903b36584");
        assertThat(broken).isNotEqualTo(text);
        Path f = tmp.resolve("ronin_bridge.yaml");
        Files.writeString(f, broken);
        SourceRead r = new TagPackReader().read(f, "ronin_bridge.yaml");
        assertThat(r.rows()).isEqualTo(6);
        assertThat(r.labels()).hasSize(5);
        assertThat(r.skipped()).containsExactly(Map.entry("invalid_address", 1));
        assertThat(r.warnings()).singleElement().asString()
                .startsWith("ronin_bridge.yaml:16: tag 3 (0x7e3167771BF23AC10930803589d1424903b36584): bad EIP-55 checksum")
                .endsWith("; skipped");
    }

    @Test
    void malformedYamlIsAOneLineErrorNamingFileAndLine() throws IOException {
        String text = Files.readString(SharedData.path("labels/tagpacks/ronin_bridge.yaml"));
        Path f = tmp.resolve("broken.yaml");
        Files.writeString(f, text.replace("  label: Ronin bridge exploiter 5", "  label: [Ronin bridge exploiter 5"));
        assertThatThrownBy(() -> new TagPackReader().read(f, "broken.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("broken.yaml:")
                .hasMessageContaining("malformed YAML")
                // regression: only the parser's context ("while parsing a flow sequence") was shown, not the problem
                .hasMessageContaining("; expected ',' or ']'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "in 'reader'", "^"));
    }

    @Test
    void aYamlFileThatIsNoTagPackIsAnError() throws IOException {
        Path list = tmp.resolve("list.yaml");
        Files.writeString(list, "- address: '" + RONIN + "'\n");
        assertThatThrownBy(() -> new TagPackReader().read(list, "list.yaml"))
                .isInstanceOf(InvalidInputException.class).hasMessage("list.yaml:1: a TagPack must be a mapping with a 'tags' list");
        Path noTags = tmp.resolve("notags.yaml");
        Files.writeString(noTags, "title: x\ncreator: y\n");
        assertThatThrownBy(() -> new TagPackReader().read(noTags, "notags.yaml"))
                .isInstanceOf(InvalidInputException.class).hasMessage("notags.yaml: not a TagPack: no 'tags' list");
    }

    @Test
    void anUnquotedHexAddressIsReadAsWrittenNotAsANumber() throws IOException {
        String text = Files.readString(SharedData.path("labels/tagpacks/ronin_bridge.yaml"));
        Path f = tmp.resolve("unquoted.yaml");
        Files.writeString(f, text.replace("'0x098B716B8Aaf21512996dC57EB0615e2383E2f96'", "0x098B716B8Aaf21512996dC57EB0615e2383E2f96")
                .replace("'0x29fC9B71492ec63696Cf9cd56e9832A42B0dCED0'", "0x29fc9b71492ec63696cf9cd56e9832a42b0dced0"));
        SourceRead r = new TagPackReader().read(f, "unquoted.yaml");
        assertThat(r.labels()).hasSize(6);
        only(r, Chain.ETHEREUM, RONIN, "Ronin bridge exploiter");
        only(r, Chain.ETHEREUM, "0x29fc9b71492ec63696cf9cd56e9832a42b0dced0", "Ronin bridge exploiter 4");
    }

    @Test
    void repeatedTagsCountAsDuplicates() {
        SourceRead r = read("tornado_cash.yaml");
        assertThat(r.rows()).isEqualTo(39);
        assertThat(r.labels()).hasSize(38);
        assertThat(r.skipped()).containsExactly(Map.entry("duplicate", 1));
    }
}
