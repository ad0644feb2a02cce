package io.github.codeartifact.token;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two-clock rule of {@link Moment}, as a table: a moment has come when either clock says so.
 */
class MomentTests {

	private static final Moment AT = new Moment(1_000_000, 5_000_000_000L);

	@ParameterizedTest(name = "wall {0} ms, monotonic {1} ms from the moment: reached {2}, in {3} ms")
	@CsvSource({ "0, 0, true, 0", "-1, -1, false, 1", "-1, 0, true, 0", "0, -1, true, 0",
			// the wall clock stepped back an hour: the monotonic clock still brings the moment
			"-3600000, 0, true, 0", "-3600000, -10, false, 10",
			// the machine was suspended: the wall clock jumped, the monotonic clock did not
			"3600000, -3600000, true, 0", "-10, -3600000, false, 10" })
	void aMomentComesWhenEitherClockReachesIt(long wallOffsetMillis, long monoOffsetMillis, boolean reached,
			long untilMillis) {
		Moment now = new Moment(AT.wallMillis() + wallOffsetMillis, AT.monoNanos() + monoOffsetMillis * 1_000_000);
		assertThat(AT.isReachedAt(now)).isEqualTo(reached);
		assertThat(AT.until(now)).isEqualTo(Duration.ofMillis(untilMillis));
	}

	@Test
	void arithmeticSaturatesAtTheEdgesOfTime() {
		Moment far = AT.plus(Duration.ofSeconds(Long.MAX_VALUE));
		assertThat(far.wallMillis()).isEqualTo(Long.MAX_VALUE);
		assertThat(far.isReachedAt(AT)).isFalse();
		assertThat(far.until(AT)).isPositive();
		Moment max = Moment.at(Instant.MAX, AT);
		assertThat(max.isReachedAt(AT.plus(Duration.ofDays(365 * 50)))).isFalse();
		Moment min = Moment.at(Instant.MIN, AT);
		assertThat(min.isReachedAt(AT)).isTrue();
		assertThat(AT.plus(Duration.ofSeconds(Long.MIN_VALUE)).isReachedAt(AT)).isTrue();
	}

	@Test
	void monotonicReadingsAreComparedByDifferenceAcrossOverflow() {
		Moment nearWrap = new Moment(0, Long.MAX_VALUE - 10);
		Moment later = new Moment(1000, nearWrap.plus(Duration.ofNanos(20)).monoNanos());
		assertThat(later.monoNanos()).isNegative();
		assertThat(later.isReachedAt(nearWrap)).isFalse();
		assertThat(nearWrap.isReachedAt(later)).isTrue();
	}

	@Test
	void anInstantIsPlacedOnTheMonotonicClockByItsDistanceFromTheAnchor() {
		Moment placed = Moment.at(AT.wallInstant().plusSeconds(90), AT);
		assertThat(placed).isEqualTo(new Moment(AT.wallMillis() + 90_000, AT.monoNanos() + 90_000_000_000L));
	}

}
