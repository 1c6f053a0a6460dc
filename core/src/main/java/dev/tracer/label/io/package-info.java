/**
 * Readers of third-party label sources and the importer that turns them into the project's own
 * label packs ({@link dev.tracer.label.LabelCsv} files listed in
 * {@link dev.tracer.label.LabelPacks}). One reader per format, each package-private:
 * GraphSense TagPacks (YAML), the OFAC SDN address lists, explorer name-tag CSVs and Bitcoin
 * entity lists. {@link dev.tracer.label.io.LabelImporter} is the public entry point. Third-party
 * types (Jackson's YAML parser) stay inside the readers.
 *
 * <p>Readers never fail a whole source for one bad entry: an address that does not parse, a tag
 * on a chain the tracer does not know, a tag without a label are skipped, counted per reason and
 * named in a warning with file and line. A file that is not what its format says (malformed
 * YAML, a CSV without its columns) is an {@link dev.tracer.model.InvalidInputException}.
 */
package dev.tracer.label.io;
