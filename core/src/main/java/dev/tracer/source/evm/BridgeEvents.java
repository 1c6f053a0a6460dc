package dev.tracer.source.evm;

import dev.tracer.model.Address;
import dev.tracer.model.Amount;
import dev.tracer.model.Asset;
import dev.tracer.model.BridgeDeposit;
import dev.tracer.model.Chain;
import dev.tracer.model.TxHash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * Cross-chain deposits from bridge event logs. Two signatures are decoded:
 * <ul>
 *   <li>{@code DepositInitiated(address indexed from, address indexed to, uint256 indexed
 *       destinationChainId, uint256 amount, uint256 nonce)}: a lock-and-relay bridge naming the
 *       destination EVM chain id and receiver (the test scenario's bridge; the asset is not in the
 *       event, so the amount is kept as evidence only);
 *   <li>THORChain router's {@code Deposit(address indexed to, address indexed asset, uint256
 *       amount, string memo)}: {@code to} is THORChain's vault, the asset (zero for the native coin)
 *       and amount are what was deposited, and the memo names the destination
 *       ({@link ThorchainMemo}).
 * </ul>
 * Removed (re-orged) logs and logs that do not decode are dropped. Cost: O(log size).
 */
final class BridgeEvents {
    static final String DEPOSIT_INITIATED = Hash.sha3String("DepositInitiated(address,address,uint256,uint256,uint256)");
    static final String THORCHAIN_DEPOSIT = Hash.sha3String("Deposit(address,address,uint256,string)");
    /** The topic-0 alternatives asked for in one eth_getLogs per bridge contract. */
    static final List<String> TOPICS = List.of(DEPOSIT_INITIATED, THORCHAIN_DEPOSIT);

    private BridgeEvents() {
    }

    /** The deposit {@code log} records, if it is one of the known events; {@code token} gives a token asset's metadata. */
    static Optional<BridgeDeposit> decode(Chain chain, Log log, Function<Address, Asset> token) {
        if (log.isRemoved() || log.getTopics() == null || log.getTopics().isEmpty() || log.getTransactionHash() == null) {
            return Optional.empty();
        }
        String topic = log.getTopics().get(0).toLowerCase(Locale.ROOT);
        String data = Numeric.cleanHexPrefix(log.getData() == null ? "" : log.getData());
        TxHash tx = TxHash.parse(chain, log.getTransactionHash());
        int index = log.getLogIndex() == null ? -1 : log.getLogIndex().intValueExact();
        Address bridge = Address.parse(chain, log.getAddress());
        try {
            if (topic.equals(DEPOSIT_INITIATED) && log.getTopics().size() == 4 && data.length() >= 64) {
                Address from = word(chain, log.getTopics().get(1));
                Address to = word(chain, log.getTopics().get(2));
                BigInteger dest = Numeric.toBigInt(log.getTopics().get(3));
                BigInteger amount = new BigInteger(data.substring(0, 64), 16);
                return Optional.of(new BridgeDeposit(chain, tx, index, bridge, Optional.of(from),
                        Chain.evm(dest.longValueExact()).name(), to.value(), Optional.empty(),
                        "DepositInitiated(from " + from.value() + ", to " + to.value() + ", destinationChainId " + dest
                                + ", amount " + amount + ")"));
            }
            if (topic.equals(THORCHAIN_DEPOSIT) && log.getTopics().size() == 3 && data.length() >= 192) {
                Address vault = word(chain, log.getTopics().get(1));
                Address assetAddress = word(chain, log.getTopics().get(2));
                BigInteger amount = new BigInteger(data.substring(0, 64), 16);
                int offset = new BigInteger(data.substring(64, 128), 16).intValueExact() * 2;
                int length = new BigInteger(data.substring(offset, offset + 64), 16).intValueExact() * 2;
                String memo = new String(Numeric.hexStringToByteArray(data.substring(offset + 64, offset + 64 + length)),
                        StandardCharsets.UTF_8);
                boolean nativeCoin = assetAddress.value().equals("0x" + "0".repeat(40));
                Asset asset = nativeCoin ? Asset.nativeOf(chain) : token.apply(assetAddress);
                Optional<ThorchainMemo.Swap> swap = ThorchainMemo.parse(memo);
                return Optional.of(new BridgeDeposit(chain, tx, index, bridge, Optional.empty(),
                        swap.map(ThorchainMemo.Swap::chain).orElse("THOR"), swap.map(ThorchainMemo.Swap::destination).orElse(""),
                        asset == null ? Optional.empty() : Optional.of(Amount.of(asset, amount)),
                        "THORChain Deposit(vault " + vault.value() + ", memo \"" + memo.replaceAll("\\p{Cntrl}", "?") + "\")"));
            }
        } catch (RuntimeException e) { // a log that claims the signature but does not decode (wrong lengths, bad UTF-8 offsets)
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Address word(Chain chain, String word) {
        String hex = Numeric.cleanHexPrefix(word);
        return Address.parse(chain, "0x" + hex.substring(hex.length() - 40).toLowerCase(Locale.ROOT));
    }
}
