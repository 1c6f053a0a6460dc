package dev.tracer.source.bitcoin;

import dev.tracer.bitcoin.BtcInput;
import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.Confirmation;
import dev.tracer.bitcoin.Outpoint;
import dev.tracer.bitcoin.ScriptKind;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.TxHash;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.ProtocolException;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptChunk;
import org.bitcoinj.script.ScriptException;
import org.bitcoinj.script.ScriptPattern;

/**
 * The adapter where bitcoinj stops: bitcoinj parses transactions, scripts and addresses; this
 * class turns its types into the tracer's {@link BtcTx}. Nothing outside this package sees a
 * bitcoinj type.
 */
final class BitcoinjDecoder {
    private static final HexFormat HEX = HexFormat.of();

    private BitcoinjDecoder() {
    }

    /** Hex text to bytes, or a one-line error naming {@code what}. */
    static byte[] hex(String what, String text) {
        try {
            return HEX.parseHex(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(what + ": not hex", e);
        }
    }

    /** A serialized transaction (with or without witnesses), parsed by bitcoinj. */
    static Transaction parse(String what, byte[] raw) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(raw);
            Transaction t = Transaction.read(buf);
            if (buf.hasRemaining()) {
                throw new InvalidInputException(what + ": " + buf.remaining() + " bytes after the transaction");
            }
            return t;
        } catch (ProtocolException | BufferUnderflowException | IllegalArgumentException e) {
            String why = e instanceof BufferUnderflowException || e.getMessage() == null
                    ? "it ends after " + raw.length + " bytes, inside the transaction" : e.getMessage();
            throw new InvalidInputException(what + ": not a serialized Bitcoin transaction (" + why + ")", e);
        }
    }

    /** The transaction id bitcoinj computes. */
    static TxHash txid(Transaction t) {
        return TxHash.parse(Chain.BITCOIN, t.getTxId().toString());
    }

    /** An output from its value and script: kind and address as bitcoinj recognises them. */
    static BtcOutput output(int index, long value, byte[] scriptBytes) {
        Script s;
        try {
            s = Script.parse(scriptBytes);
        } catch (ScriptException e) {
            return new BtcOutput(index, value, ScriptKind.NONSTANDARD, Optional.empty(), "nonstandard");
        }
        if (ScriptPattern.isOpReturn(s)) {
            return new BtcOutput(index, value, ScriptKind.OP_RETURN, Optional.empty(), "op_return");
        }
        ScriptKind kind;
        if (ScriptPattern.isP2PKH(s)) {
            kind = ScriptKind.P2PKH;
        } else if (ScriptPattern.isP2SH(s)) {
            kind = ScriptKind.P2SH;
        } else if (ScriptPattern.isP2WPKH(s)) {
            kind = ScriptKind.P2WPKH;
        } else if (ScriptPattern.isP2WSH(s)) {
            kind = ScriptKind.P2WSH;
        } else if (ScriptPattern.isP2TR(s)) {
            kind = ScriptKind.P2TR;
        } else if (ScriptPattern.isP2PK(s)) {
            kind = ScriptKind.P2PK;
        } else if (ScriptPattern.isSentToMultisig(s)) {
            List<ScriptChunk> c = s.chunks();
            return new BtcOutput(index, value, ScriptKind.MULTISIG, Optional.empty(),
                    "multisig:" + c.get(0).decodeOpN() + "-of-" + c.get(c.size() - 2).decodeOpN());
        } else {
            return new BtcOutput(index, value, ScriptKind.NONSTANDARD, Optional.empty(), "nonstandard");
        }
        String address;
        try {
            address = s.getToAddress(BitcoinNetwork.MAINNET, true).toString();
        } catch (ScriptException | IllegalArgumentException e) {
            // a P2PK output whose "key" is not a valid point has no address
            return new BtcOutput(index, value, ScriptKind.NONSTANDARD, Optional.empty(), "nonstandard");
        }
        return new BtcOutput(index, value, kind, Optional.of(address), kind == ScriptKind.P2PK ? "p2pk:" + address : address);
    }

    /**
     * Decodes {@code t}; {@code prevouts} resolves the output each input spends (empty when the
     * source cannot).
     */
    static BtcTx decode(Transaction t, Optional<Confirmation> confirmation, Function<Outpoint, Optional<BtcOutput>> prevouts) {
        TxHash id = txid(t);
        List<BtcInput> inputs = new ArrayList<>();
        if (!t.isCoinBase()) {
            for (int i = 0; i < t.getInputs().size(); i++) {
                TransactionInput in = t.getInput(i);
                TransactionOutPoint op = in.getOutpoint();
                if (op.index() > Integer.MAX_VALUE) { // 0xffffffff is the coinbase's, and this is no coinbase
                    throw new InvalidInputException("transaction " + id + " input " + i + " spends output " + op.index()
                            + " of " + op.hash() + ": no transaction has that many outputs");
                }
                Outpoint spent = new Outpoint(TxHash.parse(Chain.BITCOIN, op.hash().toString()), Math.toIntExact(op.index()));
                inputs.add(new BtcInput(i, spent, in.getSequenceNumber(), prevouts.apply(spent)));
            }
        }
        List<BtcOutput> outputs = new ArrayList<>();
        for (int i = 0; i < t.getOutputs().size(); i++) {
            TransactionOutput o = t.getOutput(i);
            outputs.add(output(i, o.getValue().value, o.getScriptBytes()));
        }
        return new BtcTx(id, t.getVersion(), t.lockTime().rawValue(), t.getVsize(), t.isCoinBase(), inputs, outputs, confirmation);
    }

    /** One input of a transaction being rebuilt from its parts (an Esplora response). */
    record InputPart(String prevTxid, long prevVout, byte[] scriptSig, List<byte[]> witness, long sequence) {
    }

    /** One output of a transaction being rebuilt from its parts. */
    record OutputPart(long value, byte[] script) {
    }

    /**
     * Rebuilds a transaction from its parts with bitcoinj and checks that it hashes to
     * {@code expected}: a source that reports parts (Esplora) is then held to the same bytes a
     * node would serve.
     *
     * @throws InvalidInputException naming {@code what} when the parts do not hash to the txid
     */
    static Transaction rebuild(String what, TxHash expected, long version, long lockTime, List<InputPart> inputs,
                               List<OutputPart> outputs) {
        Transaction t = new Transaction();
        t.setVersion(Math.toIntExact(version));
        for (InputPart p : inputs) {
            TransactionOutPoint op;
            try {
                op = new TransactionOutPoint(p.prevVout(), Sha256Hash.wrap(p.prevTxid()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(what + ": bad spent output " + p.prevTxid() + ":" + p.prevVout(), e);
            }
            TransactionWitness w = p.witness().isEmpty() ? TransactionWitness.EMPTY : TransactionWitness.of(p.witness());
            t.addInput(new TransactionInput(t, p.scriptSig(), op, p.sequence(), null, w));
        }
        for (OutputPart p : outputs) {
            t.addOutput(new TransactionOutput(t, Coin.valueOf(p.value()), p.script()));
        }
        t.setLockTime(lockTime);
        TxHash got = txid(t);
        if (!got.equals(expected)) {
            throw new InvalidInputException(what + ": the transaction's parts hash to " + got + ", not to its txid " + expected);
        }
        return t;
    }
}
