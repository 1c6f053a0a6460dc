package dev.tracer.source.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.model.InvalidInputException;

import org.junit.jupiter.api.Test;

/** Endpoint URLs as logs, reports and errors show them. */
class EndpointTest {
    @Test
    void endpointsAreRedacted() {
        Endpoint e = Endpoint.parse("--rpc", "https://user:pw@eth.example.org:8545/v3/abcdef0123456789?key=zzz");
        assertThat(e.redacted()).isEqualTo("https://eth.example.org:8545/***");
        assertThat(e.scrub("failed https://user:pw@eth.example.org:8545/v3/abcdef0123456789?key=zzz: /v3/abcdef0123456789"))
                .doesNotContain("abcdef0123456789").doesNotContain("zzz").doesNotContain("pw");
        assertThat(Endpoint.parse("--rpc", "http://127.0.0.1:8545").redacted()).isEqualTo("http://127.0.0.1:8545");
    }

    @Test
    void onlyLoopbackHostsAreOnThisMachine() {
        for (String local : new String[] {"http://127.0.0.1:8545", "http://127.255.0.9", "http://LocalHost:1", "https://[::1]:8545/x"}) {
            assertThat(Endpoint.parse("--rpc", local).onThisMachine()).as(local).isTrue();
        }
        for (String far : new String[] {"http://8.8.8.8:8545", "http://127.0.0.1.example.com", "http://localhost.example.com",
            "http://0.0.0.0:8545", "http://[::2]", "http://10.0.0.1"}) {
            assertThat(Endpoint.parse("--rpc", far).onThisMachine()).as(far).isFalse();
        }
    }

    @Test
    void aRejectedUrlSaysWhatIsWrongWithoutShowingItsPath() {
        assertThatThrownBy(() -> Endpoint.parse("--rpc", "ftp://node.example.org/KEY123"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--rpc: expected an http:// or https:// URL with a host, got scheme 'ftp'");
        assertThatThrownBy(() -> Endpoint.parse("--rpc", "localhost:8545"))
                .hasMessage("--rpc: expected an http:// or https:// URL with a host, got one without '://' (write http://HOST:PORT)");
        assertThatThrownBy(() -> Endpoint.parse("--rpc", "mainnet.example.org/v3/KEY123"))
                .hasMessageNotContaining("KEY123").hasMessageContaining("without '://'");
        assertThatThrownBy(() -> Endpoint.parse("--rpc", "http:///v3/KEY123"))
                .hasMessage("--rpc: expected an http:// or https:// URL with a host, got no host");
    }
}
