package dev.tracer.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelCsvTest {
    static final Address RONIN = Address.parse(Chain.ETHEREUM, "0x098B716B8Aaf21512996dC57EB0615e2383E2f96");
    static final Address BLENDER = Address.parse(Chain.BITCOIN, "3K35dyL85fR9ht7UgzPfd1gLRRXQtNTqE3");

    @TempDir
    Path tmp;

    @Test
    void sixColumnFilesOfTheOldFormatStillRead() throws IOException {
        Path f = tmp.resolve("old.csv");
        Files.writeString(f, "chain,address,entity,category,source,confidence\n"
                + "ethereum,0x098B716B8Aaf21512996dC57EB0615e2383E2f96,Ronin bridge exploiter,theft,my notes,70\n");
        assertThat(LabelCsv.read(f, "old")).containsExactly(
                new Label(RONIN, "Ronin bridge exploiter", Category.THEFT, "my notes", 70, false, "old"));
    }

    @Test
    void writtenFilesAreSortedQuotedWhereNeededAndReadBackEqual() throws IOException {
        List<Label> labels = List.of(
                new Label(RONIN, "Ronin bridge exploiter", Category.THEFT, "https://roninblockchain.substack.com/p/community-alert-ronin-validators", 50, true, ""),
                new Label(BLENDER, "Blender.io", Category.MIXER, "ofac-sdn-2022-05-06", 20, false, ""),
                new Label(RONIN, "Lazarus group, \"DPRK\"", Category.SANCTIONED, "OFAC", 60, false, ""));
        StringWriter w = new StringWriter();
        LabelCsv.write(labels, w);
        assertThat(w.toString()).isEqualTo("chain,address,entity,category,source,confidence,cluster_definer\n"
                + "bitcoin,3K35dyL85fR9ht7UgzPfd1gLRRXQtNTqE3,Blender.io,mixer,ofac-sdn-2022-05-06,20,false\n"
                + "ethereum,0x098b716b8aaf21512996dc57eb0615e2383e2f96,\"Lazarus group, \"\"DPRK\"\"\",sanctioned,OFAC,60,false\n"
                + "ethereum,0x098b716b8aaf21512996dc57eb0615e2383e2f96,Ronin bridge exploiter,theft,"
                + "https://roninblockchain.substack.com/p/community-alert-ronin-validators,50,true\n");
        Path f = tmp.resolve("p.csv");
        Files.writeString(f, w.toString());
        assertThat(LabelCsv.read(f, "p")).containsExactlyInAnyOrderElementsOf(labels.stream().map(l -> l.inPack("p")).toList());
        Path gz = tmp.resolve("p.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(w.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(LabelCsv.read(gz, "p")).isEqualTo(LabelCsv.read(f, "p"));
    }

    @Test
    void badCellsNameFileAndLine() throws IOException {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, "chain,address,entity,category,source,confidence,cluster_definer\n"
                + "bitcoin,3K35dyL85fR9ht7UgzPfd1gLRRXQtNTqE3,Blender.io,mixer,x,20,false\n"
                + "bitcoin,3K35dyL85fR9ht7UgzPfd1gLRRXQtNTqE3,Blender.io,mixer,x,20,maybe\n");
        assertThatThrownBy(() -> LabelCsv.read(f, "bad")).isInstanceOf(InvalidInputException.class)
                .hasMessage(f + ":3: cluster_definer must be true or false, got 'maybe'");
        Files.writeString(f, "chain,address,entity,category,source,confidence\n"
                + "bitcoin,3K35dyL85fR9ht7UgzPfd1gLRRXQtNTqE3,Blender.io,tumbler,x,20\n");
        assertThatThrownBy(() -> LabelCsv.read(f, "bad")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(f + ":2: unknown category 'tumbler' (known: exchange, mixer,");
        Files.writeString(f, "chain,address,entity,category,source,confidence\n"
                + "bitcoin,3K35dyL85fR9ht7UgzPfd1gLRRXQtNTqE4,Blender.io,mixer,x,20\n");
        assertThatThrownBy(() -> LabelCsv.read(f, "bad")).isInstanceOf(InvalidInputException.class)
                .hasMessage(f + ":2: malformed Bitcoin address '3K35dyL85fR9ht7UgzPfd1gLRRXQtNTqE4': bad checksum");
    }
}
