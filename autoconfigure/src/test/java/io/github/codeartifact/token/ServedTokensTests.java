package io.github.codeartifact.token;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which token is served ({@link ServedTokens}), as a table: a 1 h token issued at minute 0 and
 * a shorter successor issued at minute 30 (as {@code duration=0} gives near the end of a role
 * session), asked for at a given minute.
 */
class ServedTokensTests {

	private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

	private static final Moment ANCHOR = new Moment(T0.toEpochMilli(), 0);

	private final RefreshTiming timing = new RefreshTiming(Duration.ofMinutes(1));

	private ServedToken token(String value, int issuedMinute, int lifetimeMinutes) {
		Instant issued = T0.plus(Duration.ofMinutes(issuedMinute));
		return ServedToken.of(new AuthorizationToken(value, issued.plus(Duration.ofMinutes(lifetimeMinutes)), issued),
				ANCHOR, this.timing);
	}

	private static Moment minute(double minute) {
		long millis = (long) (minute * 60_000);
		return new Moment(ANCHOR.wallMillis() + millis, ANCHOR.monoNanos() + millis * 1_000_000);
	}

	@ParameterizedTest(name = "successor of {0} min, forced {1}, at minute {2}: {3}")
	@CsvSource(nullValues = "none", value = {
			// the successor outlives the first: it is served, nothing is kept in reserve
			"60, false, 31, second", "60, false, 89.5, none", "60, false, 88.9, second",
			// a shorter successor: served while fresh, then the first until it goes stale
			"10, false, 31, second", "10, false, 39.5, first", "10, false, 58.9, first", "10, false, 59, none",
			// forced (the first was rejected): never the first again
			"10, true, 39.5, none", "10, true, 31, second" })
	void theFreshestServableTokenIsServed(int successorMinutes, boolean forced, double atMinute,
			@Nullable String served) {
		ServedTokens tokens = new ServedTokens();
		tokens.accept(token("first", 0, 60), false);
		tokens.accept(token("second", 30, successorMinutes), forced);
		ServedToken result = tokens.servedAt(minute(atMinute));
		String value = (result != null && result.isFreshAt(minute(atMinute))) ? result.token().token() : null;
		assertThat(value).isEqualTo(served);
	}

	@Test
	void theGuardedCopyIsSwappedInOnceItsTimeHasCome() {
		ServedTokens tokens = new ServedTokens();
		tokens.accept(token("first", 0, 60), false);
		tokens.guardAt(minute(38.9));
		assertThat(tokens.current().guarded()).isFalse();
		tokens.guardAt(minute(39));
		assertThat(tokens.current().guarded()).isTrue();
		assertThat(tokens.current().token().token()).isEqualTo("first");
	}

	@Test
	void aTokenIsFreshOnlyWhileBothClocksSaySo() {
		ServedToken first = token("first", 0, 60);
		// the wall clock stepped back 40 min at minute 20: the monotonic clock ends it at minute 59
		Moment stepped = new Moment(minute(19).wallMillis(), minute(59).monoNanos());
		assertThat(first.isFreshAt(stepped)).isFalse();
		// suspended for two hours at minute 20: the wall clock ends it
		Moment resumed = new Moment(minute(140).wallMillis(), minute(20).monoNanos());
		assertThat(first.isFreshAt(resumed)).isFalse();
		assertThat(first.isFreshAt(minute(58.9))).isTrue();
	}

}
