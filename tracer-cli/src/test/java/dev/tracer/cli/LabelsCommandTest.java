package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracer labels}: lookups over the bundled packs, the pack listing, bad input. */
class LabelsCommandTest {
    static final String RONIN = "0x098B716B8Aaf21512996dC57EB0615e2383E2f96";

    @TempDir
    Path tmp;

    static CliRun labels(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "labels";
        all[1] = "--fixtures";
        all[2] = SharedData.fixtures().toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.of(all);
    }

    @Test
    void anAddressInSeveralSourcesShowsEveryLabelSideBySide() {
        CliRun r = labels(RONIN);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("0x098b716b8aaf21512996dc57eb0615e2383e2f96  ethereum  4 labels");
        assertThat(lines.get(1)).matches(" +confidence +category +entity +scope +pack +source");
        assertThat(lines.get(2)).matches(" +60  sanctioned  OFAC SDN listed address \\(ETH\\) +address  ofac/sanctioned_addresses_ETH +US Treasury OFAC SDN list");
        assertThat(lines.get(3)).matches(" +60  sanctioned  Lazarus group +address  tagpacks/lazarus +"
                + "https://www.treasury.gov/resource-center/sanctions/OFAC-Enforcement/Pages/20200302.aspx");
        assertThat(lines.get(4)).matches(" +50  theft +Ronin bridge exploiter +cluster  tagpacks/ronin_bridge +"
                + "https://roninblockchain.substack.com/p/community-alert-ronin-validators");
        assertThat(lines.get(5)).matches(" +5  other +Asset listed under US Treasury OFAC Sanctions List +address  tagpacks/ofac +"
                + "https://www.treasury.gov/ofac/downloads/sdnlist.txt");
        assertThat(lines).allMatch(l -> l.equals(l.stripTrailing()));
    }

    @Test
    void bitcoinAddressesAreRecognisedAndUnlabelledOnesSaySo() {
        CliRun r = labels("3K35dyL85fR9ht7UgzPfd1gLRRXQtNTqE3", "0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("3K35dyL85fR9ht7UgzPfd1gLRRXQtNTqE3  bitcoin  5 labels\n")
                .contains("Blender.io", "btc-entities/mixer-addresses", "ofac-sdn-2022-05-06")
                .endsWith("0x47666fab8bd0ac7003bce3f5c3585383f09486e2  ethereum  no labels\n");
    }

    @Test
    void ownLabelFilesJoinTheBundledOnesOrReplaceThem() throws IOException {
        Path mine = tmp.resolve("mine.csv");
        Files.writeString(mine, "chain,address,entity,category,source,confidence\n"
                + "ethereum," + RONIN + ",Ronin exploiter (case 7),theft,case notes,95\n");
        CliRun both = labels("--labels", mine.toString(), RONIN);
        assertThat(both.code()).as(both.err()).isZero();
        assertThat(both.out()).startsWith("0x098b716b8aaf21512996dc57eb0615e2383e2f96  ethereum  5 labels\n");
        assertThat(both.out().lines().toList().get(2)).contains("95", "Ronin exploiter (case 7)", mine.toString(), "case notes");
        CliRun only = labels("--no-bundled-labels", "--labels", mine.toString(), RONIN);
        assertThat(only.out()).startsWith("0x098b716b8aaf21512996dc57eb0615e2383e2f96  ethereum  1 label\n");
    }

    @Test
    void hostileTextInAUsersLabelsCannotDriveTheTerminal() throws IOException {
        // an escape sequence that clears the screen and a right-to-left override, in the entity and the source
        Path mine = tmp.resolve("hostile.csv");
        Files.writeString(mine, "chain,address,entity,category,source,confidence\n"
                + "ethereum," + RONIN + ",exploiter\u001b[2J\u202eevil,theft,notes\u001b]0;title\u0007,95\n");
        CliRun r = labels("--no-bundled-labels", "--labels", mine.toString(), RONIN);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("\u001b", "\u202e", "\u0007")
                .contains("exploiter\uFFFD[2J\uFFFDevil", "notes\uFFFD]0;title\uFFFD");
        assertThat(r.out().lines()).hasSize(3);
    }

    @Test
    void packsAreListedWithCountsPerChainAndCategory() {
        CliRun r = labels("--packs");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("pack +labels +bitcoin +ethereum +categories");
        assertThat(lines).anyMatch(l -> l.matches("tagpacks/ronin_bridge +6 +0 +6 +theft 6"));
        assertThat(lines).anyMatch(l -> l.matches("ofac/sanctioned_addresses_USDT +15 +7 +8 +sanctioned 15"));
        assertThat(lines).anyMatch(l -> l.matches("tagpacks/hacks +608 +608 +0 +exchange 403, gambling 5, mining_pool 5, other 5, service 12, theft 178"));
        assertThat(lines).anyMatch(l -> l.matches("total \\(49 packs, 43313 addresses\\) +45123 +42436 +2687"));
        assertThat(r.out()).contains("Sources:\n", "  tagpacks/ronin_bridge: labels/tagpacks/ronin_bridge.yaml from"
                + " graphsense/graphsense-tagpacks, packs/ @ 29ff93c8; licence: MIT\n");
    }

    @Test
    void badInputIsAOneLineErrorWithExitTwo() {
        BadInputTest.assertOneLineError(labels("0x098B716B8Aaf21512996dC57EB0615e2383E2f97"), 2,
                "0x098B716B8Aaf21512996dC57EB0615e2383E2f97", "checksum");
        BadInputTest.assertOneLineError(labels("39884E3j6KZj82FK4hA3t6K5GCHkWwqLHv"), 2, "bad checksum");
        BadInputTest.assertOneLineError(labels(), 2, "give one or more addresses to look up, or --packs");
        BadInputTest.assertOneLineError(labels("--packs", RONIN), 2, "not both");
        BadInputTest.assertOneLineError(labels("--labels", tmp.resolve("none.csv").toString(), RONIN), 3, "none.csv");
    }

    @Test
    void helpListsExitCodes() {
        CliRun r = CliRun.of("labels", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Exit codes:", "--packs", "import");
    }
}
