package dev.tracer.source.evm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracer.source.rpc.RpcCall;
import dev.tracer.source.rpc.RpcReply;
import dev.tracer.source.rpc.RpcTransport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.web3j.protocol.Service;

/**
 * web3j's {@link Service} over an {@link RpcTransport}: web3j builds requests and parses replies
 * into its types; each call of a web3j request or batch goes through the transport as its own
 * {@link RpcCall} (so caching and recording work per call, whatever the batch), and the replies
 * are put back in request order with web3j's ids.
 */
final class Web3jRpcService extends Service {
    private final RpcTransport transport;
    private final BiFunction<String, String, Optional<String>> cacheKey;

    /** @param cacheKey (method, canonical params) to a cache key, or empty when the answer may change */
    Web3jRpcService(RpcTransport transport, BiFunction<String, String, Optional<String>> cacheKey) {
        super(false);
        this.transport = transport;
        this.cacheKey = cacheKey;
    }

    @Override
    protected InputStream performIO(String payload) throws IOException {
        JsonNode root = objectMapper.readTree(payload);
        List<JsonNode> requests = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(requests::add);
        } else {
            requests.add(root);
        }
        List<RpcCall> calls = new ArrayList<>();
        for (JsonNode r : requests) {
            String method = r.path("method").asText();
            RpcCall c = RpcCall.of(method, r.path("params").toString(), Optional.empty());
            calls.add(new RpcCall(c.method(), c.params(), cacheKey.apply(c.method(), c.params())));
        }
        List<RpcReply> replies = transport.send(calls);
        ArrayNode out = objectMapper.createArrayNode();
        for (int i = 0; i < requests.size(); i++) {
            ObjectNode n = out.addObject();
            n.put("jsonrpc", "2.0");
            n.set("id", requests.get(i).get("id"));
            RpcReply rep = replies.get(i);
            if (rep.isError()) {
                ObjectNode e = n.putObject("error");
                e.put("code", rep.errorCode());
                e.put("message", rep.errorMessage());
            } else {
                n.set("result", objectMapper.readTree(rep.result()));
            }
        }
        JsonNode body = root.isArray() ? out : out.get(0);
        return new ByteArrayInputStream(objectMapper.writeValueAsBytes(body));
    }

    @Override
    public void close() {
        // the transport owns no resources that need closing
    }
}
