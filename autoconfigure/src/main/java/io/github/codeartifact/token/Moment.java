package io.github.codeartifact.token;

import java.time.Duration;
import java.time.Instant;

/**
 * A point in time read on both of the engine's clocks: the wall clock, which the service's
 * expirations are stated in, and the monotonic clock of the {@link RefreshScheduler}, which a clock
 * step cannot move. Neither clock alone can be trusted: the wall clock steps back and forth when
 * it is corrected, and the monotonic clock stands still while the machine is suspended. So a moment
 * counts as come as soon as either clock says so: a token is fresh only while neither clock has
 * reached its stale time, and a fetch is due when either clock reaches its due time.
 * <p>
 * All arithmetic saturates: a moment decades away (a token that claims to expire at
 * {@link Instant#MAX}) is simply far away, never an overflow.
 *
 * @param wallMillis the wall clock, in milliseconds since the epoch
 * @param monoNanos the monotonic clock, in nanoseconds from an arbitrary origin; compared by
 * difference only
 */
record Moment(long wallMillis, long monoNanos) {

	/**
	 * Farthest offset on the monotonic clock: about 73 years, so that differences of monotonic
	 * readings never overflow.
	 */
	private static final long MAX_OFFSET_NANOS = Long.MAX_VALUE / 4;

	/**
	 * Returns whether this moment has come at {@code now}, by either clock.
	 */
	boolean isReachedAt(Moment now) {
		return now.wallMillis >= this.wallMillis || now.monoNanos - this.monoNanos >= 0;
	}

	/**
	 * Returns this moment moved by a duration on both clocks.
	 */
	Moment plus(Duration duration) {
		return new Moment(saturatedAdd(this.wallMillis, saturatedMillis(duration)),
				this.monoNanos + boundedNanos(duration));
	}

	/**
	 * Returns the moment of an instant of the wall clock, placed on the monotonic clock by its
	 * distance from an anchor read on both.
	 */
	static Moment at(Instant instant, Moment anchor) {
		long wall = epochMillis(instant);
		Duration fromAnchor = Duration.ofMillis(wall).minusMillis(anchor.wallMillis);
		return new Moment(wall, anchor.monoNanos + boundedNanos(fromAnchor));
	}

	/**
	 * Returns how long until this moment comes, as seen at {@code now}: the shorter of the two
	 * clocks' distances, never negative.
	 */
	Duration until(Moment now) {
		long wallNanos = saturatedNanosOfMillis(saturatedAdd(this.wallMillis, -now.wallMillis));
		long monoNanos = this.monoNanos - now.monoNanos;
		return Duration.ofNanos(Math.max(Math.min(wallNanos, monoNanos), 0));
	}

	/**
	 * Returns when, on the wall clock, this moment is expected: {@code now} plus {@link #until}.
	 */
	Instant expectedAt(Moment now) {
		return Instant.ofEpochMilli(saturatedAdd(now.wallMillis, until(now).toMillis()));
	}

	/**
	 * Returns the wall-clock reading of this moment as an instant.
	 */
	Instant wallInstant() {
		return Instant.ofEpochMilli(this.wallMillis);
	}

	/**
	 * Returns the earlier of two moments, clock by clock.
	 */
	Moment earliest(Moment other) {
		return new Moment(Math.min(this.wallMillis, other.wallMillis),
				(other.monoNanos - this.monoNanos < 0) ? other.monoNanos : this.monoNanos);
	}

	static long epochMillis(Instant instant) {
		try {
			return instant.toEpochMilli();
		}
		catch (ArithmeticException ex) {
			return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
		}
	}

	static long saturatedMillis(Duration duration) {
		try {
			return duration.toMillis();
		}
		catch (ArithmeticException ex) {
			return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
		}
	}

	private static long boundedNanos(Duration duration) {
		long nanos;
		try {
			nanos = duration.toNanos();
		}
		catch (ArithmeticException ex) {
			nanos = duration.isNegative() ? -MAX_OFFSET_NANOS : MAX_OFFSET_NANOS;
		}
		return Math.max(-MAX_OFFSET_NANOS, Math.min(nanos, MAX_OFFSET_NANOS));
	}

	private static long saturatedNanosOfMillis(long millis) {
		long bound = MAX_OFFSET_NANOS / 1_000_000;
		return Math.max(-bound, Math.min(millis, bound)) * 1_000_000;
	}

	private static long saturatedAdd(long a, long b) {
		long sum = a + b;
		// Overflow when both operands have the sign the sum lacks
		if (((a ^ sum) & (b ^ sum)) < 0) {
			return (a < 0) ? Long.MIN_VALUE : Long.MAX_VALUE;
		}
		return sum;
	}

}
