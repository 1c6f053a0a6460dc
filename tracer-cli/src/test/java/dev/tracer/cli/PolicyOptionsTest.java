package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.label.Category;
import dev.tracer.model.InvalidInputException;
import dev.tracer.trace.TracePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The policy options 'tracer trace' and 'tracer batch' share, declared once. */
class PolicyOptionsTest {
    private static CommandSpec spec(Object command) {
        return new CommandLine(command).getCommandSpec();
    }

    @Test
    void traceAndBatchOfferTheSameOptionsWithTheSameHelp() {
        CommandSpec mixin = CommandSpec.forAnnotatedObject(new PolicyOptions());
        CommandSpec trace = spec(new TraceCommand());
        CommandSpec batch = spec(new BatchCommand());
        assertThat(mixin.options()).hasSizeGreaterThanOrEqualTo(13);
        for (OptionSpec o : mixin.options()) {
            String name = o.longestName();
            assertThat(trace.findOption(name)).as("trace %s", name).isNotNull();
            assertThat(batch.findOption(name)).as("batch %s", name).isNotNull();
            assertThat(batch.findOption(name).description()).as(name).isEqualTo(trace.findOption(name).description());
        }
    }

    @Test
    void stopAtHelpNamesTheDefaultTheTracerUses() {
        // regression: 'tracer batch --help' said exchange,bridge,mixer while the policy also stopped at dex and token_contract
        String defaults = TracePolicy.builder().build().stopAt().stream().sorted().map(Category::code)
                .collect(Collectors.joining(","));
        String help = String.join(" ", spec(new BatchCommand()).findOption("--stop-at").description());
        for (String c : defaults.split(",")) {
            assertThat(help).contains(c);
        }
    }

    @Test
    void policyOptionsBuildThePolicy() {
        PolicyOptions p = new PolicyOptions();
        new CommandLine(p).parseArgs("--hops", "3", "--fan-out-cap", "7", "--stop-at", "none", "--since", "2025-02-21",
                "--until", "2025-02-21", "--model", "poison", "--backward", "--swap-window", "90m");
        TracePolicy policy = p.policy().build();
        assertThat(policy.maxHops()).isEqualTo(3);
        assertThat(policy.fanOutCap()).isEqualTo(7);
        assertThat(policy.stopAt()).isEmpty();
        assertThat(policy.since()).contains(Instant.parse("2025-02-21T00:00:00Z"));
        assertThat(policy.until()).contains(Instant.parse("2025-02-21T23:59:59Z"));
        assertThat(p.swaps()).contains(Duration.ofMinutes(90));
        assertThat(p.direction().name()).isEqualTo("BACKWARD");
    }

    @Test
    void malformedValuesAreOneLineErrorsNamingTheOption() {
        assertThatThrownBy(() -> PolicyOptions.duration("--swap-window", "soon")).isInstanceOf(InvalidInputException.class)
                .hasMessage("--swap-window: malformed duration 'soon' (use 24h, 90m or PT24H)");
        assertThatThrownBy(() -> PolicyOptions.time("--since", "21/02/2025", false)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--since: malformed time '21/02/2025'");
        PolicyOptions p = new PolicyOptions();
        new CommandLine(p).parseArgs("--stop-at", "exchange,casino");
        assertThatThrownBy(p::policy).isInstanceOf(InvalidInputException.class).hasMessageContaining("--stop-at");
    }

    /** Regression: --min-amount 1e99999999 hung converting to base units; a negative one did not name the option. */
    @Test
    void minAmountsOutsideWhatAChainCanHoldAreRefusedAtOnce() {
        for (String[] c : new String[][] {
            {"1e99999999", "--min-amount: minimum amount must be below 10^78 (above any on-chain amount), got 1E+99999999"},
            {"1e-99999999", "--min-amount: minimum amount must have at most 255 decimal places (no asset has finer units), got 1E-99999999"},
            {"-5", "--min-amount: minimum amount must be zero or more, got -5"}}) {
            PolicyOptions p = new PolicyOptions();
            new CommandLine(p).parseArgs("--min-amount", c[0]);
            assertThatThrownBy(p::policy).as(c[0]).isInstanceOf(InvalidInputException.class).hasMessage(c[1]);
        }
        for (String ok : new String[] {"9.99e77", "1e-255", "0e-99999999", "0.5"}) {
            PolicyOptions p = new PolicyOptions();
            new CommandLine(p).parseArgs("--min-amount", ok);
            assertThat(p.policy().build().minAmount()).as(ok).isEqualByComparingTo(new java.math.BigDecimal(ok));
        }
    }
}
