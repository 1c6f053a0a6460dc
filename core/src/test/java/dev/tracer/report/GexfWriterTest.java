package dev.tracer.report;

import dev.tracer.testing.RelaxNg;
import dev.tracer.testing.SharedData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.graph.TransferGraph;
import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Address;
import dev.tracer.model.Amount;
import dev.tracer.model.Asset;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Chain;
import dev.tracer.model.Coverage;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.model.TxHash;
import dev.tracer.source.Dataset;
import dev.tracer.trace.Direction;
import dev.tracer.trace.Seed;
import dev.tracer.trace.TaintModel;
import dev.tracer.trace.TraceResult;
import dev.tracer.trace.Tracer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.gexf.SimpleGEXFImporter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Writes the GEXF of a real trace over a small hand-made dataset (a seed, a followed address that
 * still holds funds, a labelled exchange and a frontier address, moving ETH and a listed token
 * with a hostile symbol) and checks it against the official GEXF 1.3 RelaxNG schema, a DOM
 * parser, JGraphT's importer and itself (determinism).
 */
class GexfWriterTest {
    private static final Chain ETH = Chain.ETHEREUM;
    private static final Address SEED = addr('1');
    private static final Address HOP1 = addr('2');
    private static final Address EXCHANGE = addr('3');
    private static final Address FRONTIER = addr('4');
    private static final Address TOKEN = addr('c');
    /** Markup, quotes, a C0 control character and Cyrillic look-alikes (Е U+0415, Т U+0422, Н U+041D). */
    private static final String HOSTILE_SYMBOL = "<\u0415\u0422\u041D & \"q\" 'a'\u0001>";
    private static final String HOSTILE_SYMBOL_WRITTEN = "<\u0415\u0422\u041D & \"q\" 'a'\uFFFD>";
    /** Markup, a bell, a line break, an unpaired surrogate and a look-alike. */
    private static final String HOSTILE_ENTITY = "Evil <b>&amp; \"Exchange\"\u0007\r\nline2 \uD800 \u0415TH";
    private static final String HOSTILE_ENTITY_WRITTEN = "Evil <b>&amp; \"Exchange\"\uFFFD  line2 \uFFFD \u0415TH";
    private static final Instant T0 = Instant.parse("2025-02-21T14:29:47Z");

    @TempDir
    static Path tmp;

    private static TraceResult result;

    @BeforeAll
    static void trace() throws IOException {
        result = runTrace();
    }

    private static TraceResult runTrace() throws IOException {
        Asset eth = Asset.nativeOf(ETH);
        Asset hostile = Asset.token(TOKEN, HOSTILE_SYMBOL, 6, true);
        TransferGraph g = TransferGraph.builder()
                .add(transfer(1, SEED, HOP1, Amount.parseDecimal(eth, "10"), 100, TransferKind.NATIVE))
                .add(transfer(2, SEED, HOP1, Amount.parseDecimal(hostile, "1000.5"), 101, TransferKind.TOKEN))
                .add(transfer(3, HOP1, EXCHANGE, Amount.parseDecimal(eth, "1.234567890123456789"), 102, TransferKind.NATIVE))
                .add(transfer(4, HOP1, FRONTIER, Amount.parseDecimal(eth, "3"), 103, TransferKind.NATIVE))
                .add(transfer(5, HOP1, FRONTIER, Amount.parseDecimal(hostile, "250.25"), 104, TransferKind.TOKEN))
                .build();
        Dataset data = new Dataset(ETH, Coverage.outflowsOf(ETH, new BlockRange(100, 200), Set.of(SEED, HOP1)), g,
                "hand-made test data");
        // The hostile token is listed, so it is genuine and traced: its symbol reaches the graph.
        Path registry = tmp.resolve("tokens.csv");
        Files.writeString(registry, "chain_id,contract,symbol,decimals\n1," + TOKEN.value() + ",\""
                + HOSTILE_SYMBOL.replace("\"", "\"\"") + "\",6\n", StandardCharsets.UTF_8);
        LabelStore labels = LabelStore.empty().with(List.of(new Label(EXCHANGE, HOSTILE_ENTITY, Category.EXCHANGE, "test", 90)));
        return Tracer.builder()
                .dataset(data)
                .labels(labels)
                .classifier(new FakeTokenClassifier(AssetRegistry.bundled().withCsv(registry)))
                .model(TaintModel.named("haircut"))
                .build()
                .trace(List.of(Seed.address(SEED)), Direction.FORWARD);
    }

    @Test
    void theTraceReachesWhatTheTestExpects() {
        assertThat(result.nodes()).extracting(TraceResult.Node::address).containsExactlyInAnyOrder(SEED, HOP1, EXCHANGE, FRONTIER);
        assertThat(result.transfers()).hasSize(5);
    }

    @Test
    void validatesAgainstTheGexf13RelaxNgSchema() throws Exception {
        Path rng = schema();
        Path file = tmp.resolve("trace.gexf");
        Files.write(file, gexf(result));
        assertThat(validate(rng, file)).as("jing errors for " + file).isEmpty();

        Path context = tmp.resolve("context.gexf");
        Files.write(context, gexf(withoutFrontier()));
        assertThat(validate(rng, context)).as("jing errors for " + context).isEmpty();
    }

    @Test
    void parsesBackWithItsNodesEdgesExactAmountsAndHostileText() throws Exception {
        Document doc = parse(gexf(result));
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(GexfWriter.GEXF_NS);
        assertThat(root.getAttribute("version")).isEqualTo("1.3");
        assertThat(text(doc, "creator")).isEqualTo("tracer");
        assertThat(text(doc, "description")).contains("forward", "haircut", SEED.value());

        NodeList nodes = doc.getElementsByTagNameNS(GexfWriter.GEXF_NS, "node");
        NodeList edges = doc.getElementsByTagNameNS(GexfWriter.GEXF_NS, "edge");
        assertThat(nodes.getLength()).isEqualTo(result.nodes().size()).isEqualTo(4);
        assertThat(edges.getLength()).isEqualTo(result.transfers().size()).isEqualTo(5);
        assertThat(doc.getElementsByTagNameNS(GexfWriter.VIZ_NS, "color").getLength()).isEqualTo(4);
        assertThat(doc.getElementsByTagNameNS(GexfWriter.VIZ_NS, "size").getLength()).isEqualTo(4);

        Map<String, Map<String, String>> nodeValues = new HashMap<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element n = (Element) nodes.item(i);
            nodeValues.put(n.getAttribute("id"), attvalues(n));
        }
        assertThat(nodeValues.keySet()).containsExactlyInAnyOrder(SEED.value(), HOP1.value(), EXCHANGE.value(), FRONTIER.value());
        assertThat(nodeValues.get(SEED.value())).containsEntry("role", "seed").containsEntry("hop", "0");
        assertThat(nodeValues.get(HOP1.value())).containsEntry("role", "followed").containsEntry("endpoint", "held")
                .containsEntry("held", "5.765432109876543211 ETH; 750.25 " + HOSTILE_SYMBOL_WRITTEN);
        assertThat(nodeValues.get(EXCHANGE.value())).containsEntry("role", "endpoint").containsEntry("endpoint", "stopped")
                .containsEntry("category", "exchange").containsEntry("entity", HOSTILE_ENTITY_WRITTEN)
                .containsEntry("received", "1.234567890123456789 ETH");
        assertThat(nodeValues.get(FRONTIER.value())).containsEntry("endpoint", "frontier")
                .containsEntry("received", "3 ETH; 250.25 " + HOSTILE_SYMBOL_WRITTEN);

        Map<String, Element> edgeById = new LinkedHashMap<>();
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            edgeById.put(e.getAttribute("id"), e);
        }
        assertThat(edgeById.keySet()).containsExactly("e0", "e1", "e2", "e3", "e4");
        Element e0 = edgeById.get("e0");
        assertThat(e0.getAttribute("source")).isEqualTo(SEED.value());
        assertThat(e0.getAttribute("target")).isEqualTo(HOP1.value());
        assertThat(e0.getAttribute("start")).isEqualTo("2025-02-21T14:29:47Z").isEqualTo(e0.getAttribute("end"));
        Map<String, String> toExchange = attvalues(edgeById.get("e2"));
        assertThat(toExchange).containsEntry("amount", "1.234567890123456789")
                .containsEntry("tainted", "1.234567890123456789")
                .containsEntry("asset", "ETH").containsEntry("asset_id", "ethereum:native")
                .containsEntry("transfer_kind", "native").containsEntry("kind", "transfer").containsEntry("block", "102");
        Map<String, String> token = attvalues(edgeById.get("e1"));
        assertThat(token).containsEntry("asset", HOSTILE_SYMBOL_WRITTEN).containsEntry("amount", "1000.5")
                .containsEntry("asset_id", "ethereum:" + TOKEN.value()).containsEntry("transfer_kind", "token");
        assertThat(edgeById.get("e1").getAttribute("label")).isEqualTo("1000.5 " + HOSTILE_SYMBOL_WRITTEN);
    }

    @Test
    void addsEdgeEndpointsMissingFromTheNodesAsContextNodes() throws Exception {
        Document doc = parse(gexf(withoutFrontier()));
        NodeList nodes = doc.getElementsByTagNameNS(GexfWriter.GEXF_NS, "node");
        assertThat(nodes.getLength()).isEqualTo(4);
        Element last = (Element) nodes.item(3);
        assertThat(last.getAttribute("id")).isEqualTo(FRONTIER.value());
        assertThat(attvalues(last)).containsEntry("role", "context").doesNotContainKey("hop");
    }

    @Test
    void jgraphtImportsTheSameVerticesAndEdges() {
        String xml = new String(gexf(result), StandardCharsets.UTF_8);
        SimpleGEXFImporter<String, DefaultEdge> importer = new SimpleGEXFImporter<>();
        // JGraphT 1.5.2 validates against its bundled 1.2draft xsd by default, whose namespace a
        // 1.3 file does not use; its parser itself matches element names only.
        importer.setSchemaValidation(false);
        importer.setVertexFactory(id -> id);
        Map<String, String> amounts = new HashMap<>();
        importer.addEdgeAttributeConsumer((p, a) -> {
            if (p.getSecond().equals("amount")) {
                amounts.put(p.getFirst().toString(), a.getValue());
            }
        });
        Graph<String, DefaultEdge> g = new DirectedPseudograph<>(DefaultEdge.class);
        importer.importGraph(g, new StringReader(xml));
        assertThat(g.vertexSet()).containsExactlyInAnyOrder(SEED.value(), HOP1.value(), EXCHANGE.value(), FRONTIER.value());
        assertThat(g.edgeSet()).hasSize(result.transfers().size());
        assertThat(g.getAllEdges(HOP1.value(), FRONTIER.value())).hasSize(2);
        assertThat(amounts.values()).contains("1.234567890123456789", "1000.5");
    }

    @Test
    void isByteIdenticalForTheSameResult() throws IOException {
        byte[] first = gexf(result);
        assertThat(gexf(result)).isEqualTo(first);
        assertThat(gexf(runTrace())).as("an independent run of the same trace").isEqualTo(first);
        assertThat(new String(first, StandardCharsets.UTF_8)).doesNotContain("lastmodifieddate");
    }

    @Test
    void xmlTextReplacesOnlyWhatXml10Forbids() {
        assertThat(XmlText.clean("plain")).isSameAs("plain");
        assertThat(XmlText.clean("a\u0000b\u001Fc\uFFFEd\uFFFF")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFD");
        assertThat(XmlText.clean("tab\tlf\ncr\r")).isEqualTo("tab\tlf\ncr\r");
        assertThat(XmlText.clean("pair \uD83D\uDE00 lone \uDE00 \uD83D")).isEqualTo("pair \uD83D\uDE00 lone \uFFFD \uFFFD");
        assertThat(XmlText.attribute("a\tb\r\nc")).isEqualTo("a b  c");
        assertThat(XmlText.token("  a\t\tb \n ")).isEqualTo("a b");
    }

    @Test
    void reportsAFailingWriter() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> new GexfWriter().write(result, broken))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
    }

    // ---- helpers ----

    private static Address addr(char hex) {
        return Address.parse(ETH, "0x" + String.valueOf(hex).repeat(40));
    }

    private static Transfer transfer(int n, Address from, Address to, Amount amount, long block, TransferKind kind) {
        TxHash tx = TxHash.parse(ETH, String.format("%064x", n));
        return new Transfer(ETH, tx, 0, 0, from, to, amount.asset(), amount.value(), block,
                T0.plusSeconds(12 * (block - 100)), kind);
    }

    /** The traced result without the frontier node, whose transfers still reach it. */
    private static TraceResult withoutFrontier() {
        return withNodes(result, result.nodes().stream().filter(n -> !n.address().equals(FRONTIER)).toList());
    }

    /**
     * {@code r} with other nodes. Through the record's components rather than its constructor's
     * argument list, so the test does not break when TraceResult gains a component.
     */
    private static TraceResult withNodes(TraceResult r, List<TraceResult.Node> nodes) {
        RecordComponent[] components = TraceResult.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = components[i].getName().equals("nodes") ? nodes : components[i].getAccessor().invoke(r);
            }
            return TraceResult.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot copy " + TraceResult.class.getSimpleName(), e);
        }
    }

    private static byte[] gexf(TraceResult r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            new GexfWriter().write(r, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Document doc, String element) {
        return doc.getElementsByTagNameNS(GexfWriter.GEXF_NS, element).item(0).getTextContent();
    }

    private static Map<String, String> attvalues(Element owner) {
        Map<String, String> m = new HashMap<>();
        NodeList values = owner.getElementsByTagNameNS(GexfWriter.GEXF_NS, "attvalue");
        for (int i = 0; i < values.getLength(); i++) {
            Element v = (Element) values.item(i);
            m.put(v.getAttribute("for"), v.getAttribute("value"));
        }
        return m;
    }

    /** The GEXF 1.3 RelaxNG schema from the shared data folder, or a skip (a failure when it is required). */
    private static Path schema() {
        return SharedData.path(RelaxNg.GEXF_13);
    }

    private static List<String> validate(Path rng, Path file) {
        return RelaxNg.validate(rng, file);
    }
}
