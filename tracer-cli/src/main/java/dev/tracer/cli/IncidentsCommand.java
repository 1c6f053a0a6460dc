package dev.tracer.cli;

import dev.tracer.incident.Incident;
import dev.tracer.incident.IncidentCatalog;
import dev.tracer.report.SafeText;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tracer incidents}: list the catalogue. */
@Command(name = "incidents", mixinStandardHelpOptions = true,
        description = "Lists the catalogued incidents, their seeds and whether chain data is bundled.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2, ExitCodes.L3, ExitCodes.L5})
final class IncidentsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity;

    @Option(names = "--fixtures", paramLabel = "DIR", description = "The fixtures directory (default: found from the checkout).")
    Path fixtures;

    @Override
    public Integer call() {
        IncidentCatalog cat = IncidentCatalog.read(Fixtures.locate(fixtures).resolve("incidents"));
        var out = spec.commandLine().getOut();
        for (Incident i : cat.incidents()) {
            out.printf("%s  %s  %s%n", i.id(), i.date().map(Object::toString).orElse("date unknown"), SafeText.line(i.name()));
            out.printf("    victim: %s; stolen: %s; attribution: %s%n", SafeText.line(i.victim()),
                    SafeText.line(i.amountStolen()), SafeText.line(i.attribution()));
            out.printf("    chains: %s; seeds: %d; data: %s%n", i.chains().isEmpty() ? "unknown" : String.join(", ", i.chains()),
                    i.seeds().size(),
                    i.data().isPresent() ? "bundled" : "none (trace with a live source or --data)");
            for (Incident.Source s : i.sources()) {
                out.printf("    source: %s%s%n", SafeText.line(s.title()), s.url().isEmpty() ? "" : " " + SafeText.line(s.url()));
            }
            if (!i.notes().isEmpty()) {
                out.printf("    notes: %s%n", SafeText.line(i.notes()));
            }
        }
        return ExitCodes.OK;
    }
}
