package io.github.codeartifact.token;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the next fetch is due ({@link RefreshPolicy}), as tables.
 */
class RefreshPolicyTests {

	private static final Moment NOW = new Moment(Instant.parse("2025-01-01T00:00:00Z").toEpochMilli(), 0);

	private final RefreshPolicy policy = new RefreshPolicy(TokenRefreshSettings.defaults(), new SplittableRandom(5));

	private static CodeArtifactTokenException failure(boolean retryable, Duration retryAfter) {
		return new CodeArtifactTokenException("x", "Code", "d", retryable, retryAfter, null);
	}

	@ParameterizedTest(name = "after failure (retryable {0}, Retry-After {1}): due within {2}..{3}")
	@CsvSource(nullValues = "none", value = { "true, none, PT0S, PT1S", "true, PT30S, PT30S, PT30S",
			"false, none, PT5M, PT5M", "false, PT30S, PT5M, PT5M" })
	void afterAFailure(boolean retryable, Duration retryAfter, Duration earliest, Duration latest) {
		CodeArtifactTokenException failure = failure(retryable, retryAfter);
		Duration due = this.policy.afterFailure(failure, NOW).until(NOW);
		assertThat(due).isBetween(earliest, latest);
		long notBefore = RefreshPolicy.notBefore(failure, NOW);
		assertThat(Duration.ofNanos(notBefore - NOW.monoNanos()))
			.isEqualTo((retryAfter != null) ? retryAfter : Duration.ZERO);
	}

	@ParameterizedTest(name = "after failure {0}, forced {1}: due {2}")
	@CsvSource({ "false, false, now", "false, true, now", "true, false, backoff", "true, true, now" })
	void forACallerThatNeedsATokenNow(boolean afterFailure, boolean forced, String expected) {
		Moment backoff = NOW.plus(Duration.ofMinutes(5));
		Moment due = RefreshPolicy.dueForCaller(backoff, afterFailure, forced, NOW);
		assertThat(due).isEqualTo(expected.equals("now") ? NOW : backoff);
	}

	@ParameterizedTest(name = "previous forced call {0} ago (wall clock moved {1}): allowed {2}")
	@CsvSource(nullValues = "none", value = { "none, PT0S, true", "PT29.999S, PT0S, false", "PT30S, PT0S, true",
			// a wall-clock step must not unlock extra calls: only the monotonic clock counts
			"PT1S, PT1H, false", "PT31S, -PT1H, true" })
	void aForcedCallIsAllowedOncePerInterval(Duration sincePrevious, Duration wallStep, boolean allowed) {
		Moment previous = (sincePrevious != null) ? NOW : null;
		Duration elapsed = (sincePrevious != null) ? sincePrevious : Duration.ZERO;
		Moment now = new Moment(NOW.wallMillis() + elapsed.plus(wallStep).toMillis(),
				NOW.monoNanos() + elapsed.toNanos());
		assertThat(this.policy.allowsForced(previous, now)).isEqualTo(allowed);
	}

	@Test
	void afterASuccessTheRefreshIsInsideTheWindowAndNeverInThePast() {
		AuthorizationToken hour = new AuthorizationToken("t", NOW.wallInstant().plus(Duration.ofHours(1)),
				NOW.wallInstant());
		Duration due = this.policy.afterSuccess(hour, NOW, NOW).until(NOW);
		assertThat(due).isBetween(Duration.ofMinutes(44), Duration.ofMinutes(59));
		Moment late = NOW.plus(Duration.ofHours(2));
		assertThat(this.policy.afterSuccess(hour, NOW, late)).isEqualTo(late);
	}

}
