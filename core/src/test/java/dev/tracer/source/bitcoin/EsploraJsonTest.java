package dev.tracer.source.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.ScriptKind;
import dev.tracer.model.InvalidInputException;
import dev.tracer.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Esplora responses for real mainnet transactions, rebuilt and classified by bitcoinj. */
class EsploraJsonTest {
    static JsonNode file(String name) throws IOException {
        return Json.MAPPER.readTree(Files.readString(SharedData.path("bitcoin/esplora/" + name)));
    }

    static BtcTx tx(String name) throws IOException {
        return EsploraJson.tx(name, file(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"whirlpool-coinjoin.json", "joinmarket-coinjoin.json", "batch-withdrawal-143.json",
        "dust-attack-555.json", "simple-legacy-p2pkh.json", "bare-multisig.json", "op-return-charley.json",
        "taproot-op-return.json", "taproot-script-path.json"})
    void everyTransactionHashesToItsTxidAndItsFeeAndAddressesAgreeWithEsplora(String name) throws IOException {
        JsonNode n = file(name);
        BtcTx t = tx(name);
        assertThat(t.txid().value()).isEqualTo(n.get("txid").asText());
        assertThat(t.fee()).hasValue(n.get("fee").asLong());
        assertThat(t.confirmation().orElseThrow().height()).isEqualTo(n.get("status").get("block_height").asLong());
        assertThat(t.vsize()).isEqualTo((n.get("weight").asInt() + 3) / 4);
        for (int i = 0; i < t.outputs().size(); i++) {
            JsonNode a = n.get("vout").get(i).get("scriptpubkey_address");
            assertThat(t.outputs().get(i).address()).isEqualTo(Optional.ofNullable(a).map(JsonNode::asText));
        }
        for (int i = 0; i < t.inputs().size(); i++) {
            assertThat(t.inputs().get(i).prevout().orElseThrow().value()).isEqualTo(n.get("vin").get(i).get("prevout").get("value").asLong());
        }
    }

    @Test
    void everyAddressTypeIsRecognised() throws IOException {
        assertThat(tx("bare-multisig.json").outputs()).extracting(BtcOutput::kind, BtcOutput::owner).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ScriptKind.MULTISIG, "multisig:1-of-2"),
                org.assertj.core.groups.Tuple.tuple(ScriptKind.P2PKH, "1KEtUA8f76CpHmFukC28uUsfsUduexvsSB"),
                org.assertj.core.groups.Tuple.tuple(ScriptKind.P2PKH, "1A8JiWcwvpY7tAopUkSnGuEYHmzGYfZPiq"));
        BtcTx charley = tx("op-return-charley.json");
        assertThat(charley.outputs().get(0).kind()).isEqualTo(ScriptKind.OP_RETURN);
        assertThat(charley.outputs().get(0).value()).isZero();
        assertThat(charley.outputs().get(0).address()).isEmpty();
        // an OP_RETURN that burns 1,000 sat
        BtcTx burn = tx("taproot-op-return.json");
        assertThat(burn.outputs()).extracting(BtcOutput::kind, BtcOutput::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ScriptKind.OP_RETURN, 1000L), org.assertj.core.groups.Tuple.tuple(ScriptKind.P2SH, 1470L));
        assertThat(burn.inputs().get(0).prevout().orElseThrow().kind()).isEqualTo(ScriptKind.P2TR);
        BtcTx batch = tx("batch-withdrawal-143.json");
        assertThat(batch.outputs()).extracting(BtcOutput::kind).contains(ScriptKind.P2WPKH, ScriptKind.P2WSH, ScriptKind.P2SH, ScriptKind.P2PKH);
        assertThat(batch.outputs()).hasSize(143);
        assertThat(tx("taproot-script-path.json").inputs()).extracting(i -> i.prevout().orElseThrow().address().orElseThrow())
                .containsExactly("bc1ptapr00ta4etkkd9tez5ud7j0perc0szzxn9fv057jmy0ndnm2mgsljcl7j",
                        "bc1ptapr00tlj0rfgqarp34kg8e8en6jqyysz5hu79vkgapzzvrcx8ps7nkp2p");
    }

    @Test
    void anAlteredResponseNoLongerHashesToItsTxidAndIsRefused() throws IOException {
        ObjectNode n = (ObjectNode) file("whirlpool-coinjoin.json");
        ((ObjectNode) n.get("vout").get(0)).put("value", 5_000_001);
        assertThatThrownBy(() -> EsploraJson.tx("whirlpool", n)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("hash to").hasMessageContaining("323df21f0b0756f98336437aa3d2fb87e02b59f1946b714a7b09df04d429dec2");
    }

    @Test
    void anAddressThatDisagreesWithTheScriptIsRefused() throws IOException {
        ObjectNode n = (ObjectNode) file("dust-attack-555.json");
        ((ObjectNode) n.get("vin").get(0).get("prevout")).put("scriptpubkey_address", "19z6WynrjHeD5MMv6919BuQRwybuen1sRv");
        assertThatThrownBy(() -> EsploraJson.tx("dust", n)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Esplora says address 19z6WynrjHeD5MMv6919BuQRwybuen1sRv")
                .hasMessageContaining("1AK4LYE6PYwBmSYHQX3v2UsXXHTvCAsJeK");
    }

    @Test
    void theGenesisAddressHistoryParsesIncludingZeroValueOutputs() throws IOException {
        JsonNode list = file("satoshi-genesis-txs.json");
        int n = 0;
        for (JsonNode x : list) {
            BtcTx t = EsploraJson.tx("satoshi-genesis-txs.json[" + n++ + "]", x);
            assertThat(t.outputs()).anyMatch(o -> o.address().filter("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"::equals).isPresent());
        }
        assertThat(n).isEqualTo(50);
        assertThat(List.of(n)).isNotEmpty();
    }
}
