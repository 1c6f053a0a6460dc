package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import org.junit.jupiter.api.Test;

/** docs/cli.md names every command and option the CLI has, and every exit code. */
class CliDocsTest {
    @Test
    void cliPageListsEveryOptionAndExitCode() throws IOException {
        String doc = Files.readString(SharedData.fixtures().getParent().resolve("docs/cli.md"));
        check(new CommandLine(new TracerCommand()), doc);
        for (String code : new String[] {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2, ExitCodes.L3, ExitCodes.L4}) {
            assertThat(doc).contains("| " + code.substring(0, 1) + " |");
        }
    }

    private static void check(CommandLine cl, String doc) {
        CommandSpec spec = cl.getCommandSpec();
        assertThat(doc).as("command").contains(spec.qualifiedName());
        for (OptionSpec o : spec.options()) {
            assertThat(doc).as("%s %s", spec.qualifiedName(), o.longestName()).contains(o.longestName());
        }
        cl.getSubcommands().values().stream().filter(s -> !s.getCommandName().equals("help"))
                .forEach(s -> check(s, doc));
    }
}
