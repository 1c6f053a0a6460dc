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

    /**
     * Regression: a negative output value was an internal error (bitcoinj's "negative values not
     * allowed", exit 1); a block time of 2^62 too (java.time); 1.5 satoshis was "missing integer
     * field"; a malformed txid did not name the file.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "vout/0/value|-5|b output 0: field 'value' is -5 satoshis, outside 0..2100000000000000 (21 million BTC)",
        "vout/0/value|1.5|b output 0: field 'value' is 1.5, not an integer of 64 bits",
        "vin/0/prevout/value|2100000000000001|b input 0: field 'value' is 2100000000000001 satoshis, outside 0..2100000000000000 (21 million BTC)",
        "vin/0/vout|1099511627776|b: field 'vout' is 1099511627776, outside 0..4294967295",
        "vin/0/txid|\"zz\"|b: field 'txid': malformed transaction hash 'zz': expected 64 hex digits",
        "version|1099511627776|b: field 'version' is 1099511627776, not a 32-bit version",
        "locktime|-1|b: field 'locktime' is -1, outside 0..4294967295",
        "status/block_height|-5|b status: field 'block_height' is -5, not a block height",
        "status/block_time|4611686018427387904|b status: field 'block_time' is 4611686018427387904, outside 0..4294967295"})
    void fieldsOutsideWhatBitcoinAllowsAreOneLineErrorsNamingTheField(String path, String value, String message) throws IOException {
        JsonNode n = file("bare-multisig.json");
        String[] steps = path.split("/");
        JsonNode parent = n;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = steps[i].matches("\\d+") ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
        }
        ((ObjectNode) parent).set(steps[steps.length - 1], Json.MAPPER.readTree(value));
        String w = "b (tx " + n.get("txid").asText() + ")";
        assertThatThrownBy(() -> EsploraJson.tx("b", n)).isInstanceOf(InvalidInputException.class)
                .hasMessage(message.replaceFirst("^b", java.util.regex.Matcher.quoteReplacement(w)));
    }

    @Test
    void aMalformedTxidNamesTheResponse() throws IOException {
        ObjectNode n = (ObjectNode) file("bare-multisig.json");
        n.put("txid", "zz");
        assertThatThrownBy(() -> EsploraJson.tx("b.json", n)).isInstanceOf(InvalidInputException.class)
                .hasMessage("b.json: field 'txid': malformed transaction hash 'zz': expected 64 hex digits");
    }

    /**
     * Regression: Bitcoin Core's prevout (getblock verbosity 3, getrawtransaction 2) with no
     * value was read as 0 BTC, and one with a ninth decimal was an internal error.
     */
    @Test
    void aBitcoinCorePrevoutNeedsAnExactValue() throws IOException {
        JsonNode block = Json.MAPPER.readTree(Files.readString(SharedData.path("bitcoin/core-rpc/block_with_transactions/"
                + "rpc_response_getblock_000000001c920d495e1eeef2452b6d1c6c229a919b28196c103ecffebabee141_2.json")));
        JsonNode r = block.has("result") ? block.get("result") : block;
        ObjectNode tx = (ObjectNode) r.get("tx").get(2); // f8476145…, one input
        ObjectNode prevout = ((ObjectNode) tx.get("vin").get(0)).putObject("prevout");
        prevout.putObject("scriptPubKey").put("hex", "76a914" + "00".repeat(20) + "88ac");
        String in = "t (tx " + tx.get("txid").asText() + ") input spending " + tx.get("vin").get(0).get("txid").asText() + ":"
                + tx.get("vin").get(0).get("vout").asText() + " prevout";
        assertThatThrownBy(() -> CoreRpcJson.tx("t", tx, Optional.empty(), op -> Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessage(in + ": missing amount field 'value'");
        prevout.put("value", new java.math.BigDecimal("0.000000001"));
        assertThatThrownBy(() -> CoreRpcJson.tx("t", tx, Optional.empty(), op -> Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessage(in + ": field 'value' is 0.000000001 BTC, not a whole number of satoshis");
        prevout.put("value", new java.math.BigDecimal("50"));
        assertThat(CoreRpcJson.tx("t", tx, Optional.empty(), op -> Optional.empty()).inputs().get(0).prevout().orElseThrow().value())
                .isEqualTo(5_000_000_000L);
    }
}
