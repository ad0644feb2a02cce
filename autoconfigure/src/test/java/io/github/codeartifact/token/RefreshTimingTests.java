package io.github.codeartifact.token;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RefreshTiming}.
 */
class RefreshTimingTests {

	private static final Instant ISSUED = Instant.parse("2025-01-01T00:00:00Z");

	private final RefreshTiming timing = new RefreshTiming(Duration.ofMinutes(1));

	@ParameterizedTest
	@CsvSource({ "PT20S, PT5S, PT10S", "PT2M, PT30S, PT1M", "PT15M, PT1M, PT5M", "PT19M59S, PT1M, PT5M",
			"PT20M, PT1M, PT10M", "PT30M, PT1M, PT15M", "PT1H, PT1M, PT15M", "PT1H30M, PT1M, PT15M",
			"PT1H31M, PT1M, PT45M30S", "PT3H, PT1M, PT1H", "PT12H, PT1M, PT1H", "PT0S, PT0S, PT0S" })
	void marginAndWindowScaleWithTheLifetime(Duration lifetime, Duration margin, Duration window) {
		AuthorizationToken token = new AuthorizationToken("t", ISSUED.plus(lifetime), ISSUED);
		assertThat(this.timing.staleMargin(token)).isEqualTo(margin);
		assertThat(this.timing.staleAt(token)).isEqualTo(ISSUED.plus(lifetime).minus(margin));
		assertThat(this.timing.refreshWindow(token)).isEqualTo(window);
	}

	@ParameterizedTest
	@CsvSource({ "PT20S", "PT2M", "PT15M", "PT1H", "PT12H" })
	void refreshTimeIsInsideTheWindowAndAfterTheIssue(Duration lifetime) {
		AuthorizationToken token = new AuthorizationToken("t", ISSUED.plus(lifetime), ISSUED);
		Instant staleAt = this.timing.staleAt(token);
		Instant windowStart = staleAt.minus(this.timing.refreshWindow(token));
		SplittableRandom random = new SplittableRandom(1);
		for (int i = 0; i < 1000; i++) {
			Instant refreshAt = this.timing.refreshAt(token, random);
			assertThat(refreshAt).isBetween(windowStart, staleAt).isAfterOrEqualTo(ISSUED);
		}
	}

	@ParameterizedTest(name = "{0} token: guarded from {1} after issue")
	@CsvSource({ "PT12H, PT10H54M", "PT1H, PT39M", "PT15M, PT4M", "PT10M, -PT1M", "PT20S, -PT4M55S" })
	void theHotPathChecksBothClocksFromFiveMinutesBeforeTheWindow(Duration lifetime, Duration guardFrom) {
		AuthorizationToken token = new AuthorizationToken("t", ISSUED.plus(lifetime), ISSUED);
		assertThat(this.timing.guardFrom(token)).isEqualTo(ISSUED.plus(guardFrom));
	}

	@ParameterizedTest
	@CsvSource({ "+1000000000-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z" })
	void instantsAtTheEdgeOfTimeSaturate(Instant expiration) {
		AuthorizationToken token = new AuthorizationToken("t", expiration, ISSUED);
		assertThat(this.timing.staleAt(token)).isNotNull();
		assertThat(this.timing.guardFrom(token)).isNotNull();
		assertThat(this.timing.refreshAt(token, new SplittableRandom(1))).isNotNull();
	}

}
