package dev.tracer.source.bitcoin;

import dev.tracer.bitcoin.BtcInput;
import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.Confirmation;
import dev.tracer.bitcoin.Outpoint;
import dev.tracer.bitcoin.TxSet;
import dev.tracer.model.BlockRange;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.ProtocolException;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.VerificationException;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptChunk;
import org.bitcoinj.utils.BlockFileLoader;

/**
 * Blocks from a Bitcoin Core data directory: {@code blk*.dat} files (network magic, length,
 * block) read with bitcoinj's {@link BlockFileLoader}, or single serialized blocks. Heights come
 * from the chain itself: blocks linked back to the genesis block count from it; others use the
 * height BIP 34 puts in their coinbase (every block from 227,931), which bitcoinj checks. Of
 * blocks competing for one height only the best chain's is kept (stale blocks are in blk files
 * too). Inputs are resolved from the outputs of the blocks read, in chain order; inputs spending
 * outputs from blocks not read stay unresolved, and their transactions are frontiers.
 *
 * <p>Everything read is held in memory: give the files that hold the blocks of interest (a
 * {@code blk} file holds about 128 MB). Cost O(transactions log transactions).
 */
public final class BlockFiles {
    private static final byte[] MAINNET_MAGIC = {(byte) 0xf9, (byte) 0xbe, (byte) 0xb4, (byte) 0xd9};

    private BlockFiles() {
    }

    /**
     * Reads {@code paths} (files, or directories whose {@code blk*.dat} files are read in name
     * order) and keeps the transactions of blocks within {@code keep} (all when empty).
     *
     * @throws SourceException.Unavailable when a path is missing or unreadable
     * @throws InvalidInputException naming the file when it holds no blocks, a block is malformed
     *                               or a block's height cannot be known
     */
    public static TxSet read(List<Path> paths, Optional<BlockRange> keep) {
        List<Block> blocks = new ArrayList<>();
        for (Path p : expand(paths)) {
            blocks.addAll(readFile(p));
        }
        return assemble(blocks, Map.of(), keep);
    }

    /**
     * Reads one serialized block whose height is known from elsewhere (a block before BIP 34
     * carries none); for later blocks bitcoinj checks {@code height} against the coinbase.
     */
    public static TxSet readBlock(Path file, long height) {
        List<Block> blocks = readFile(file);
        if (blocks.size() != 1) {
            throw new InvalidInputException(file + ": expected one block, found " + blocks.size());
        }
        return assemble(blocks, Map.of(blocks.get(0).getHash(), height), Optional.empty());
    }

    private static List<Path> expand(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new SourceException.Unavailable("block files: " + p + " not found", null);
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> blk = s.filter(f -> f.getFileName().toString().matches("blk\\d+\\.dat")).sorted().toList();
                    if (blk.isEmpty()) {
                        throw new InvalidInputException(p + ": no blk*.dat files in the directory");
                    }
                    out.addAll(blk);
                } catch (IOException e) {
                    throw new SourceException.Unavailable("cannot list " + p + ": " + e.getMessage(), e);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Bitcoin Core 28 and later obfuscate new block files with the key in {@code xor.dat}
     * ({@code -blocksxor}); bitcoinj reads plain files only.
     */
    private static void refuseObfuscated(Path blockFile) {
        Path parent = blockFile.toAbsolutePath().getParent();
        Path key = parent == null ? null : parent.resolve("xor.dat");
        if (key == null || !Files.isRegularFile(key)) {
            return;
        }
        try {
            byte[] k = Files.readAllBytes(key);
            for (byte b : k) {
                if (b != 0) {
                    throw new InvalidInputException(blockFile + ": the block files are obfuscated with the key in " + key
                            + " (Bitcoin Core -blocksxor); restart the node once with -blocksxor=0 and -reindex, or export the"
                            + " blocks over --rpc");
                }
            }
        } catch (IOException e) {
            throw new SourceException.Unavailable("cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    private static List<Block> readFile(Path p) {
        refuseObfuscated(p);
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(p)) {
            if (in.readNBytes(head, 0, 4) < 4) {
                throw new InvalidInputException(p + ": too short to hold a block");
            }
        } catch (IOException e) {
            throw new SourceException.Unavailable("cannot read " + p + ": " + e.getMessage(), e);
        }
        try {
            if (Arrays.equals(head, MAINNET_MAGIC)) {
                checkFraming(p);
                List<Block> out = new ArrayList<>();
                new BlockFileLoader(BitcoinNetwork.MAINNET, List.of(p.toFile())).forEach(out::add);
                if (out.isEmpty()) {
                    throw new InvalidInputException(p + ": no blocks");
                }
                return out;
            }
            ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(p));
            Block b = Block.read(buf);
            if (buf.hasRemaining()) {
                throw new InvalidInputException(p + ": " + buf.remaining() + " bytes after the block (not a blk*.dat file either:"
                        + " it does not start with the mainnet magic f9beb4d9)");
            }
            return List.of(b);
        } catch (IOException e) {
            throw new SourceException.Unavailable("cannot read " + p + ": " + e.getMessage(), e);
        } catch (ProtocolException | BufferUnderflowException | IllegalArgumentException | IllegalStateException e) {
            String why = e instanceof BufferUnderflowException || e.getMessage() == null
                    ? "it ends inside a block" : e.getMessage();
            throw new InvalidInputException(p + ": not a Bitcoin block file (" + why + ")", e);
        }
    }

    /**
     * Walks a blk*.dat file's records (magic, little-endian length, block) without parsing them,
     * and refuses one that is cut short or holds bytes that are neither a record nor Bitcoin
     * Core's zero preallocation at the end. bitcoinj's {@link BlockFileLoader} skips both without
     * a word, so a file cut inside its last block would read as a shorter chain.
     */
    private static void checkFraming(Path p) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(p)) {
            long size = ch.size();
            ByteBuffer head = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            long at = 0;
            while (at < size) {
                head.clear();
                while (head.hasRemaining() && ch.read(head, at + head.position()) >= 0) {
                    // a read may return fewer bytes than asked for
                }
                byte[] magic = Arrays.copyOf(head.array(), Math.min(4, head.position()));
                if (Arrays.equals(magic, new byte[magic.length]) && zerosFrom(ch, at, size)) {
                    return; // Bitcoin Core preallocates block files with zeros
                }
                if (!Arrays.equals(magic, Arrays.copyOf(MAINNET_MAGIC, magic.length))) {
                    throw new InvalidInputException(p + ": byte " + at + ": expected the mainnet magic f9beb4d9 of the next block"
                            + " or zero padding to the end, found " + java.util.HexFormat.of().formatHex(magic));
                }
                if (head.position() < 8) {
                    throw new InvalidInputException(p + ": cut short: it ends inside the header of the block at byte " + at);
                }
                long length = Integer.toUnsignedLong(head.getInt(4));
                if (at + 8 + length > size) {
                    throw new InvalidInputException(p + ": cut short: the block at byte " + at + " has " + length
                            + " bytes, the file holds " + (size - at - 8) + " of them");
                }
                at += 8 + length;
            }
        }
    }

    /** Whether every byte of {@code ch} from {@code from} to {@code size} is zero. */
    private static boolean zerosFrom(java.nio.channels.FileChannel ch, long from, long size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        for (long at = from; at < size; ) {
            b.clear().limit((int) Math.min(b.capacity(), size - at));
            int n = ch.read(b, at);
            if (n < 0) {
                return true;
            }
            for (int i = 0; i < n; i++) {
                if (b.get(i) != 0) {
                    return false;
                }
            }
            at += n;
        }
        return true;
    }

    private static TxSet assemble(List<Block> blocks, Map<Sha256Hash, Long> hints, Optional<BlockRange> keep) {
        Map<Sha256Hash, Block> byHash = new HashMap<>();
        for (Block b : blocks) {
            byHash.putIfAbsent(b.getHash(), b);
        }
        Map<Sha256Hash, Long> height = heights(byHash, hints);
        List<Block> main = bestChain(byHash, height);
        long first = height.get(main.get(0).getHash());
        long last = height.get(main.get(main.size() - 1).getHash());
        BlockRange span = new BlockRange(first, last);
        if (keep.isPresent() && (keep.get().last() < first || keep.get().first() > last)) {
            throw new InvalidInputException("--block-range " + keep.get() + " is outside the blocks read (" + span + ")");
        }
        BlockRange range = keep.map(k -> new BlockRange(Math.max(k.first(), first), Math.min(k.last(), last))).orElse(span);
        long inRange = main.stream().filter(b -> range.contains(height.get(b.getHash()))).count();
        boolean contiguous = inRange == range.last() - range.first() + 1;
        Map<Outpoint, BtcOutput> outputs = new HashMap<>();
        List<BtcTx> txs = new ArrayList<>();
        for (Block b : main) {
            long h = height.get(b.getHash());
            List<Transaction> bt = b.getTransactions();
            for (int i = 0; i < bt.size(); i++) {
                Confirmation c = new Confirmation(h, b.time(), i, Optional.of(b.getHashAsString()));
                BtcTx t = BitcoinjDecoder.decode(bt.get(i), Optional.of(c), op -> Optional.ofNullable(outputs.get(op)));
                t.outputs().forEach(o -> outputs.put(new Outpoint(t.txid(), o.index()), o));
                if (range.contains(h)) {
                    txs.add(t);
                }
            }
        }
        return TxSet.of(txs, range, contiguous);
    }

    /** Heights from the genesis chain, BIP 34 coinbases and hints, propagated to descendants. */
    private static Map<Sha256Hash, Long> heights(Map<Sha256Hash, Block> byHash, Map<Sha256Hash, Long> hints) {
        Map<Sha256Hash, List<Block>> children = new HashMap<>();
        Map<Sha256Hash, Long> height = new HashMap<>();
        List<Block> roots = new ArrayList<>();
        for (Block b : byHash.values()) {
            children.computeIfAbsent(b.getPrevBlockHash(), k -> new ArrayList<>()).add(b);
            if (b.getPrevBlockHash().equals(Sha256Hash.ZERO_HASH)) {
                height.put(b.getHash(), 0L);
                roots.add(b);
            }
        }
        for (Block b : byHash.values()) {
            if (height.containsKey(b.getHash()) || byHash.containsKey(b.getPrevBlockHash())) {
                continue;
            }
            Long h = hints.get(b.getHash());
            if (h != null) {
                verifyHeight(b, h);
            } else {
                h = bip34Height(b).orElseThrow(() -> new InvalidInputException("block " + b.getHashAsString()
                        + ": its height is unknown (its parent " + b.getPrevBlockHash() + " is not in the files read and,"
                        + " older than BIP 34, its coinbase does not say); read the files from blk00000.dat"));
            }
            height.put(b.getHash(), h);
            roots.add(b);
        }
        java.util.ArrayDeque<Block> todo = new java.util.ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Block b = todo.pop();
            long h = height.get(b.getHash());
            for (Block c : children.getOrDefault(b.getHash(), List.of())) {
                if (height.putIfAbsent(c.getHash(), h + 1) == null) {
                    todo.push(c);
                }
            }
        }
        return height;
    }

    /**
     * The best chain through the blocks read, lowest first: from the highest block back through
     * its parents; where the files have a gap, again from the highest block below it. Blocks at a
     * height already taken (stale forks) are dropped.
     */
    private static List<Block> bestChain(Map<Sha256Hash, Block> byHash, Map<Sha256Hash, Long> height) {
        List<Block> order = new ArrayList<>(byHash.values());
        order.sort(Comparator.comparingLong((Block b) -> height.get(b.getHash())).reversed()
                .thenComparing(Block::getHash));
        TreeMap<Long, Block> chosen = new TreeMap<>();
        Set<Sha256Hash> onChain = new HashSet<>();
        long floor = Long.MAX_VALUE;
        for (Block tip : order) {
            long h = height.get(tip.getHash());
            if (h >= floor) {
                continue; // a stale block: its height is already on the chain
            }
            for (Block b = tip; b != null && !onChain.contains(b.getHash()); b = byHash.get(b.getPrevBlockHash())) {
                long bh = height.get(b.getHash());
                chosen.put(bh, b);
                onChain.add(b.getHash());
                floor = bh;
            }
        }
        return new ArrayList<>(chosen.values());
    }

    /**
     * The BIP 34 height in the coinbase of a version ≥ 2 block: the first push of the coinbase
     * script, which bitcoinj parses and {@link Transaction#checkCoinBaseHeight} confirms.
     */
    private static Optional<Long> bip34Height(Block b) {
        if (b.getVersion() < 2 || b.getTransactions() == null || b.getTransactions().isEmpty()) {
            return Optional.empty();
        }
        Transaction cb = b.getTransactions().get(0);
        byte[] sig = cb.getInput(0).getScriptBytes();
        if (sig.length < 2 || sig[0] < 1 || sig[0] > 8 || sig.length < 1 + sig[0]) {
            return Optional.empty();
        }
        try {
            // the first push alone (the rest of a coinbase script is arbitrary bytes bitcoinj may not parse)
            ScriptChunk first = Script.parse(Arrays.copyOf(sig, 1 + sig[0])).chunks().get(0);
            long h = 0;
            for (int i = first.data.length - 1; i >= 0; i--) {
                h = (h << 8) | (first.data[i] & 0xff);
            }
            cb.checkCoinBaseHeight(Math.toIntExact(h));
            return Optional.of(h);
        } catch (VerificationException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static void verifyHeight(Block b, long h) {
        if (b.getVersion() >= 2) {
            try {
                b.getTransactions().get(0).checkCoinBaseHeight(Math.toIntExact(h));
            } catch (VerificationException e) {
                throw new InvalidInputException("block " + b.getHashAsString() + " is not at height " + h + ": " + e.getMessage(), e);
            }
        }
    }

    /** Inputs that stayed unresolved (their outputs are in blocks not read), for a warning. */
    public static long unresolvedInputs(TxSet set) {
        return set.transactions().stream().flatMap(t -> t.inputs().stream()).filter(i -> i.prevout().isEmpty()).count();
    }

}
