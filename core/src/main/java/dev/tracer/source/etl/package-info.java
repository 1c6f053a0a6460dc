/**
 * The ethereum-etl / BigQuery {@code crypto_ethereum} CSV schema: {@code transactions.csv},
 * {@code token_transfers.csv}, {@code traces.csv}, {@code tokens.csv} and {@code blocks.csv},
 * read by column name, plus {@code dataset.json}, which says what the files cover. The project's
 * own fixtures are written in this schema by {@link dev.tracer.source.etl.EtlCsvWriter}, so a
 * fixture and a user's export are read by the same {@link dev.tracer.source.etl.EtlCsvReader}.
 * {@link dev.tracer.source.etl.ExplorerCsvImporter} turns explorer account-API exports (one
 * sender per file) into transfers.
 */
package dev.tracer.source.etl;
