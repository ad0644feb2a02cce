package io.github.codeartifact.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.codeartifact.repository.EmulatorClients;
import io.github.codeartifact.test.CodeArtifactEmulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A local clock skewed against the service, over real HTTP: the emulator's clock runs ten minutes
 * ahead of or behind this machine's, and its answers carry its own {@code Date}. The token must
 * never be served past its real expiry, nor thrown away ten minutes early.
 */
class SdkAuthorizationTokenFetcherSkewIntegrationTests {

	@ParameterizedTest(name = "service clock {0} min off")
	@ValueSource(ints = { 10, -10, 0 })
	void theExpirationIsOnTheLocalClock(int minutesOff) {
		Clock service = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(minutesOff));
		try (CodeArtifactEmulator emulator = CodeArtifactEmulator.builder()
			.domain("my-domain", "111122223333")
			.clock(service)
			.build(); CodeartifactClient client = EmulatorClients.client(emulator)) {
			Instant before = Instant.now();
			AuthorizationToken token = new SdkAuthorizationTokenFetcher(client, "my-domain", null,
					Duration.ofMinutes(15), Clock.systemUTC())
				.fetch();
			Instant after = Instant.now();
			// Real expiry: 15 minutes after the service issued it, on this machine's clock
			assertThat(token.expiration()).isBefore(after.plus(Duration.ofMinutes(15)).plusMillis(1))
				.isAfter(before.plus(Duration.ofMinutes(15)).minusSeconds(3));
		}
	}

}
