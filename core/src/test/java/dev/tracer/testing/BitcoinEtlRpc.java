package dev.tracer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Bitcoin Core JSON-RPC endpoint for tests that answers from bitcoin-etl's recorded responses
 * ({@code shared/data/bitcoin/core-rpc/DIR/rpc_response_METHOD_PARAMS.json}, real mainnet
 * responses). A call with no recorded response gets Core's "not found" error (-5).
 */
public final class BitcoinEtlRpc implements LocalHttp.Handler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public BitcoinEtlRpc(Path dir) {
        this.dir = dir;
    }

    @Override
    public LocalHttp.Reply handle(String method, String path, String body) throws IOException {
        JsonNode req = JSON.readTree(body);
        String m = req.path("method").asText();
        List<String> params = new ArrayList<>();
        for (JsonNode p : req.path("params")) {
            params.add(p.asText());
        }
        // bitcoin-etl named files after the method and its parameters, without getrawtransaction's verbose flag
        String name = switch (m) {
            case "getrawtransaction" -> m + "_" + params.get(0);
            default -> m + (params.isEmpty() ? "" : "_" + String.join("_", params));
        };
        Path f = dir.resolve("rpc_response_" + name + ".json");
        ObjectNode reply = JSON.createObjectNode();
        reply.put("id", req.path("id").asText());
        if (!Files.exists(f)) {
            reply.putNull("result");
            ObjectNode err = reply.putObject("error");
            err.put("code", -5);
            err.put("message", "No such mempool or blockchain transaction (no recorded response " + f.getFileName() + ")");
            return LocalHttp.Reply.of(500, reply.toString());
        }
        reply.set("result", JSON.readTree(Files.readString(f)));
        reply.putNull("error");
        return LocalHttp.Reply.ok(reply.toString());
    }
}
