package dev.tracer.source.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.JsonFiles;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recording of JSON-RPC calls: one file per distinct call, {@code DIR/METHOD-HASH.json} where
 * HASH is SHA-256 of the canonical request (method and canonical params), holding the method,
 * the params and the result or error, as canonical JSON with a final newline. The same calls
 * always give the same files, whatever order or batches they came in.
 *
 * <p>{@link #recorder} passes calls on and writes every answer; {@link #player} answers from
 * the files alone, and a call that is not in the recording is a
 * {@link SourceException.Unavailable} naming it, never an empty answer.
 */
final class Recording {
    private Recording() {
    }

    static Path file(Path dir, RpcCall call) {
        String m = call.method().replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT);
        return dir.resolve(m + "-" + Json.sha256(call.request()).substring(0, 32) + ".json");
    }

    static RpcTransport recorder(RpcTransport next, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SourceException.Unavailable("recording directory " + dir + ": cannot create: " + e.getMessage(), e);
        }
        return calls -> {
            List<RpcReply> replies = next.send(calls);
            for (int i = 0; i < calls.size(); i++) {
                DiskCache.writeAtomically(file(dir, calls.get(i)), entry(calls.get(i), replies.get(i)));
            }
            return replies;
        };
    }

    static RpcTransport player(Path dir, Counters counters) {
        if (Files.isRegularFile(dir)) {
            throw new InvalidInputException("recording " + dir + ": a file, but a recording of an EVM node is a directory"
                    + " (a Bitcoin recording is a file: give --chain bitcoin)");
        }
        if (!Files.isDirectory(dir)) {
            throw new SourceException.Unavailable("recording " + dir + ": no such directory", null);
        }
        return calls -> {
            List<RpcReply> out = new ArrayList<>();
            for (RpcCall c : calls) {
                out.add(read(dir, c));
                counters.replayed.incrementAndGet();
            }
            return out;
        };
    }

    private static String entry(RpcCall call, RpcReply reply) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("method", call.method());
        try {
            n.set("params", Json.parse(call.params()));
            if (reply.isError()) {
                ObjectNode e = n.putObject("error");
                e.put("code", reply.errorCode());
                e.put("message", reply.errorMessage());
            } else {
                n.set("result", Json.parse(reply.result()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unparseable JSON from a parsed reply", e);
        }
        return Json.canonical(n) + "\n";
    }

    private static RpcReply read(Path dir, RpcCall call) {
        Path f = file(dir, call);
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SourceException.Unavailable("recording " + dir + " has no answer for " + call.shortRequest()
                    + " (expected " + f.getFileName() + ")", e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException(f + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new SourceException.Unavailable(f + ": cannot read: " + e.getMessage(), e);
        }
        try {
            JsonNode n = Json.parse(text);
            if (!n.path("method").asText().equals(call.method()) || !Json.canonical(n.path("params")).equals(call.params())) {
                throw new InvalidInputException(f + ": holds a different request than its name says");
            }
            JsonNode err = n.get("error");
            if (err != null) {
                return RpcReply.error(err.path("code").asLong(), err.path("message").asText());
            }
            if (!n.has("result")) {
                throw new InvalidInputException(f + ": no result or error");
            }
            return RpcReply.ok(n.get("result").toString());
        } catch (JsonProcessingException e) {
            throw JsonFiles.malformed(f.toString(), "JSON", e);
        }
    }
}
