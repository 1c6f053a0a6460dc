package dev.tracer.cli;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.report.SafeText;
import dev.tracer.source.Dataset;
import dev.tracer.source.etl.EtlCsvWriter;
import dev.tracer.source.etl.ExplorerCsvImporter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tracer import}: turn third-party exports into the project's own dataset format. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports third-party exports into the project's dataset format (ethereum-etl CSV + dataset.json).",
        subcommands = {ImportCommand.ExplorerCsv.class},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2, ExitCodes.L3, ExitCodes.L5})
final class ImportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code tracer import explorer-csv}. */
    @Command(name = "explorer-csv", mixinStandardHelpOptions = true,
            description = {"Imports explorer account-API exports, one file per sender listing all its outgoing transfers",
                "(columns hash,timestamp_utc,to,amount,asset,kind,contract,block,is_error,chain_id).",
                "The dataset covers the complete outflows of the given senders over the files' block range."},
            exitCodeListHeading = ExitCodes.HEADING,
            exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2, ExitCodes.L3, ExitCodes.L5})
    static final class ExplorerCsv implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Verbosity verbosity;

        @Option(names = "--chain", defaultValue = "ethereum", description = "Chain of the files (default: ${DEFAULT-VALUE}).")
        String chain;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dataset directory to write: new, empty, or a dataset to replace as a whole (a directory of other files is refused).")
        Path out;

        @Option(names = "--description", defaultValue = "", description = "One line of provenance stored in dataset.json.")
        String description;

        @Parameters(arity = "1..*", paramLabel = "SENDER=FILE", description = "A sender address and the file of its outflows.")
        List<String> pairs;

        @Override
        public Integer call() {
            Chain c = Chain.parse(chain);
            Map<Address, Path> senders = new LinkedHashMap<>();
            for (String p : pairs) {
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    throw new InvalidInputException("'" + p + "': expected SENDER=FILE");
                }
                Address a;
                try {
                    a = Address.parse(c, p.substring(0, eq));
                } catch (InvalidInputException e) {
                    throw InvalidInputException.at(p, e);
                }
                if (senders.put(a, Path.of(p.substring(eq + 1))) != null) {
                    throw new InvalidInputException("sender " + a + " given twice");
                }
            }
            AtomicOutput.refuseInputsInside(out, senders.values());
            ExplorerCsvImporter.Result r = new ExplorerCsvImporter(AssetRegistry.bundled()).read(c, senders, description);
            writeDataset(r.dataset(), out);
            var err = spec.commandLine().getErr();
            for (String rep : r.repeatedRows()) {
                err.println("tracer: warning: " + SafeText.line(rep) + ": both kept; if the export's pages overlap, remove it");
            }
            var o = spec.commandLine().getOut();
            r.rowsPerFile().forEach((f, n) -> o.printf("%s: %d rows%n", f, n));
            o.printf("Wrote %s: %d transfers, %d addresses, %s blocks %s, complete outflows of %d senders%s%n", out,
                    r.dataset().graph().edgeCount(), r.dataset().graph().addressCount(), c.name(),
                    r.dataset().coverage().range(), senders.size(),
                    r.skippedFailed() > 0 ? "; skipped " + r.skippedFailed() + " failed-transaction rows" : "");
            return ExitCodes.OK;
        }
    }

    /** Writes a dataset directory all-or-nothing: into a temporary sibling, then swapped in. */
    static void writeDataset(Dataset d, Path out) {
        AtomicOutput.replaceDirectory(out, "dataset.json", "a dataset written by 'tracer import'",
                tmp -> new EtlCsvWriter().write(d, tmp));
    }
}
