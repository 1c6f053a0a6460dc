package dev.tracer.source.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.bitcoin.BtcInput;
import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.ScriptKind;
import dev.tracer.bitcoin.TxSet;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.TxHash;
import dev.tracer.source.SourceException;
import dev.tracer.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real mainnet blocks from bitcoinj's test resources, read with bitcoinj's block file loader. */
class BlockFilesTest {
    static final String FIRST_100K = "bitcoin/blocks/first-100k-blocks.dat";

    static TxHash h(String s) {
        return TxHash.parse(Chain.BITCOIN, s);
    }

    @Test
    void theEarlyChainLinksBackToGenesisAndEveryInputResolves() {
        TxSet set = BlockFiles.read(List.of(SharedData.path(FIRST_100K)), Optional.empty());
        assertThat(set.range()).isEqualTo(new BlockRange(0, 438));
        assertThat(set.completeBlocks()).isTrue();
        assertThat(set.transactions()).hasSize(439 + 7);
        assertThat(set.transactions().stream().filter(t -> !t.coinbase())).allMatch(BtcTx::resolved);
        BtcTx genesis = set.transactions().get(0);
        assertThat(genesis.txid()).isEqualTo(h("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"));
        assertThat(genesis.outputs().get(0).owner()).isEqualTo("p2pk:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
        // block 170: Satoshi pays Hal Finney 10 BTC from the coinbase of block 9, 40 BTC change
        BtcTx hal = set.tx(h("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16")).orElseThrow();
        assertThat(hal.confirmation().orElseThrow().height()).isEqualTo(170);
        assertThat(hal.confirmation().orElseThrow().txIndex()).isEqualTo(1);
        BtcInput in = hal.inputs().get(0);
        assertThat(in.spent().toString()).isEqualTo("0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9:0");
        assertThat(in.prevout().orElseThrow().value()).isEqualTo(5_000_000_000L);
        assertThat(hal.outputs()).extracting(BtcOutput::value, BtcOutput::owner).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1_000_000_000L, "p2pk:1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3"),
                org.assertj.core.groups.Tuple.tuple(4_000_000_000L, "p2pk:12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S"));
        assertThat(hal.fee()).hasValue(0);
    }

    @Test
    void aBlockRangeKeepsItsBlocksButResolvesInputsFromEarlierOnes() {
        TxSet set = BlockFiles.read(List.of(SharedData.path(FIRST_100K)), Optional.of(new BlockRange(170, 200)));
        assertThat(set.range()).isEqualTo(new BlockRange(170, 200));
        assertThat(set.transactions()).allMatch(t -> t.confirmation().orElseThrow().height() >= 170);
        assertThat(set.transactions()).filteredOn(t -> !t.coinbase()).allMatch(BtcTx::resolved);
        assertThatThrownBy(() -> BlockFiles.read(List.of(SharedData.path(FIRST_100K)), Optional.of(new BlockRange(500, 600))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside the blocks read (0..438)");
    }

    @ParameterizedTest
    @CsvSource({"363703, 587, 202", "370661, 708, 270", "383616, 1731, 487", "481815, 2097, 336", "481829, 2020, 143"})
    void singleBlocksTakeTheirHeightFromTheCoinbaseAndResolveSpendsWithinTheBlock(long height, int txs, int inBlock) {
        TxSet set = BlockFiles.read(List.of(SharedData.path("bitcoin/blocks/block" + height + ".dat")), Optional.empty());
        assertThat(set.range()).isEqualTo(new BlockRange(height, height));
        assertThat(set.transactions()).hasSize(txs);
        long resolved = set.transactions().stream().flatMap(t -> t.inputs().stream()).filter(i -> i.prevout().isPresent()).count();
        assertThat(resolved).isEqualTo(inBlock);
        for (BtcTx t : set.transactions()) {
            for (BtcOutput o : t.outputs()) {
                assertThat(o.kind().hasAddress() || o.kind() == ScriptKind.P2PK).isEqualTo(o.address().isPresent());
            }
        }
    }

    @Test
    void blocksOlderThanBip34NeedTheirHeightAndLaterOnesCheckIt() {
        Path old = SharedData.path("bitcoin/blocks/block169482.dat");
        assertThatThrownBy(() -> BlockFiles.read(List.of(old), Optional.empty())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("0000000000000756935f1ee9d5987857b604046f846d3df56d024cdb5f368665")
                .hasMessageContaining("height is unknown");
        TxSet set = BlockFiles.readBlock(old, 169_482);
        assertThat(set.transactions()).hasSize(14);
        assertThat(set.transactions()).flatMap(BtcTx::outputs).extracting(BtcOutput::kind).contains(ScriptKind.NONSTANDARD, ScriptKind.P2PK);
        Path bip34 = SharedData.path("bitcoin/blocks/block363703.dat");
        assertThatThrownBy(() -> BlockFiles.readBlock(bip34, 363_704)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not at height 363704");
    }

    @Test
    void transactionsKeepTheirIndexInTheBlockSoSameBlockSpendsComeAfterTheirParents() {
        TxSet set = BlockFiles.read(List.of(SharedData.path("bitcoin/blocks/block481829.dat")), Optional.empty());
        assertThat(set.transactions()).extracting(t -> t.confirmation().orElseThrow().txIndex())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 2020).boxed().toList());
        for (BtcTx t : set.transactions()) {
            for (BtcInput in : t.inputs()) {
                set.tx(in.spent().txid()).ifPresent(parent -> assertThat(parent.confirmation().orElseThrow().txIndex())
                        .isLessThan(t.confirmation().orElseThrow().txIndex()));
            }
        }
    }

    @Test
    void aMissingPathIsUnavailableAndANonBlockFileIsBadInput() {
        assertThatThrownBy(() -> BlockFiles.read(List.of(Path.of("/nonexistent/blk00000.dat")), Optional.empty()))
                .isInstanceOf(SourceException.Unavailable.class).hasMessageContaining("/nonexistent/blk00000.dat");
        Path json = SharedData.path("bitcoin/esplora/whirlpool-coinjoin.json");
        assertThatThrownBy(() -> BlockFiles.read(List.of(json), Optional.empty())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("whirlpool-coinjoin.json");
    }

    @Test
    void obfuscatedBlockFilesAreRefusedWithAWayOut(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        // a data directory as Bitcoin Core 28+ writes it: blk files XORed with the key in xor.dat
        byte[] key = {1, 2, 3, 4, 5, 6, 7, 8};
        byte[] blk = java.nio.file.Files.readAllBytes(SharedData.path(FIRST_100K));
        for (int i = 0; i < blk.length; i++) {
            blk[i] ^= key[i % 8];
        }
        java.nio.file.Files.write(dir.resolve("blk00000.dat"), blk);
        java.nio.file.Files.write(dir.resolve("xor.dat"), key);
        assertThatThrownBy(() -> BlockFiles.read(List.of(dir), Optional.empty())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("-blocksxor");
        // an all-zero key means no obfuscation
        java.nio.file.Files.write(dir.resolve("xor.dat"), new byte[8]);
        java.nio.file.Files.copy(SharedData.path(FIRST_100K), dir.resolve("blk00000.dat"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(BlockFiles.read(List.of(dir), Optional.empty()).range()).isEqualTo(new BlockRange(0, 438));
    }

    /**
     * Regression: the first 60,000 bytes of first-100k-blocks.dat read as blocks 0..259 without
     * a word (bitcoinj's loader skips a block it cannot finish). Bitcoin Core's zero padding after
     * the last block is not an error; anything else is.
     */
    @Test
    void aBlockFileCutShortIsRefusedAndZeroPaddingIsNot(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        byte[] blk = java.nio.file.Files.readAllBytes(SharedData.path(FIRST_100K));
        Path cut = dir.resolve("cut.dat");
        java.nio.file.Files.write(cut, java.util.Arrays.copyOf(blk, 60_000));
        assertThatThrownBy(() -> BlockFiles.read(List.of(cut), Optional.empty())).isInstanceOf(InvalidInputException.class)
                .hasMessage(cut + ": cut short: the block at byte 59920 has 216 bytes, the file holds 72 of them");
        Path header = dir.resolve("header.dat");
        java.nio.file.Files.write(header, java.util.Arrays.copyOf(blk, 59_926));
        assertThatThrownBy(() -> BlockFiles.read(List.of(header), Optional.empty()))
                .hasMessage(header + ": cut short: it ends inside the header of the block at byte 59920");
        Path padded = dir.resolve("padded.dat");
        java.nio.file.Files.write(padded, java.util.Arrays.copyOf(blk, blk.length + 5_000));
        assertThat(BlockFiles.read(List.of(padded), Optional.empty()).range()).isEqualTo(new BlockRange(0, 438));
        Path junk = dir.resolve("junk.dat");
        byte[] withJunk = java.util.Arrays.copyOf(blk, blk.length + 4);
        System.arraycopy("junk".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, withJunk, blk.length, 4);
        java.nio.file.Files.write(junk, withJunk);
        assertThatThrownBy(() -> BlockFiles.read(List.of(junk), Optional.empty()))
                .hasMessage(junk + ": byte " + blk.length + ": expected the mainnet magic f9beb4d9 of the next block"
                        + " or zero padding to the end, found 6a756e6b");
        // a single serialized block (no magic), cut: said "(null)"
        Path single = dir.resolve("block169482.dat");
        byte[] one = java.nio.file.Files.readAllBytes(SharedData.path("bitcoin/blocks/block169482.dat"));
        java.nio.file.Files.write(single, java.util.Arrays.copyOf(one, 18_000));
        assertThatThrownBy(() -> BlockFiles.read(List.of(single), Optional.empty()))
                .hasMessage(single + ": not a Bitcoin block file (it ends inside a block)");
    }
}
