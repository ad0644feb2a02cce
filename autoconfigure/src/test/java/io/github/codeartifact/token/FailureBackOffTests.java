package io.github.codeartifact.token;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FailureBackOff}.
 */
class FailureBackOffTests {

	private final FailureBackOff backOff = new FailureBackOff(TokenRefreshSettings.defaults(),
			new SplittableRandom(3));

	@Test
	void retryableDelaysAreFullyJitteredUnderAnExponentialCeiling() {
		long[] ceilings = { 1000, 2000, 4000, 8000, 16000, 32000, 64000, 120000, 120000, 120000 };
		long[] sums = new long[ceilings.length];
		int runs = 500;
		for (int run = 0; run < runs; run++) {
			this.backOff.reset();
			for (int i = 0; i < ceilings.length; i++) {
				long delay = this.backOff.delayAfter(ScriptedFetcher.retryable("InternalServerException")).toMillis();
				assertThat(delay).isBetween(0L, ceilings[i]);
				sums[i] += delay;
			}
		}
		for (int i = 0; i < ceilings.length; i++) {
			// Full jitter: the mean is half the ceiling
			assertThat((double) sums[i] / runs).isCloseTo(ceilings[i] / 2.0,
					org.assertj.core.data.Percentage.withPercentage(15));
		}
	}

	@Test
	void retryAfterIsAFloor() {
		Duration delay = this.backOff.delayAfter(ScriptedFetcher.throttled(Duration.ofSeconds(7)));
		assertThat(delay).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void nonRetryableWaitsTheLongDelayAndRestartsTheSequence() {
		for (int i = 0; i < 5; i++) {
			this.backOff.delayAfter(ScriptedFetcher.retryable("InternalServerException"));
		}
		assertThat(this.backOff.delayAfter(ScriptedFetcher.notRetryable("AccessDeniedException")))
			.isEqualTo(Duration.ofMinutes(5));
		assertThat(this.backOff.delayAfter(ScriptedFetcher.retryable("InternalServerException")))
			.isLessThanOrEqualTo(Duration.ofSeconds(1));
	}

}
