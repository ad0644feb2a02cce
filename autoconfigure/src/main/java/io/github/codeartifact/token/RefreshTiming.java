package io.github.codeartifact.token;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Works out, from the expiration the service returned, when a token goes stale and when its
 * successor is fetched. Every rule is scaled to the token's own lifetime so that even a token of a
 * few seconds (asked for near the end of a role session) is served for most of its life.
 */
final class RefreshTiming {

	private static final Duration SHORT_LIFETIME = Duration.ofMinutes(20);

	private static final Duration LONG_LIFETIME = Duration.ofMinutes(90);

	private static final Duration SHORT_WINDOW = Duration.ofMinutes(5);

	private static final Duration MEDIUM_WINDOW = Duration.ofMinutes(15);

	private static final Duration LONG_WINDOW = Duration.ofMinutes(60);

	/**
	 * How long before its refresh window a token is guarded: checked on the monotonic clock by the
	 * hot path too. It must exceed what can delay the engine's timer (one wake-up step and one call
	 * bounded by the client's timeouts), so that the guard is on well before the token is due.
	 */
	static final Duration GUARD_LEAD = Duration.ofMinutes(5);

	private final Duration staleMargin;

	RefreshTiming(Duration staleMargin) {
		this.staleMargin = staleMargin;
	}

	/**
	 * Returns the stale margin of a token: the configured one, but never more than a quarter of the
	 * token's lifetime.
	 */
	Duration staleMargin(AuthorizationToken token) {
		Duration quarter = nonNegative(token.lifetime()).dividedBy(4);
		return min(this.staleMargin, quarter);
	}

	/**
	 * Returns when the token stops being handed out.
	 */
	Instant staleAt(AuthorizationToken token) {
		return minus(token.expiration(), staleMargin(token));
	}

	/**
	 * Returns how long before staleness the refresh may begin: 5 minutes for a lifetime under 20
	 * minutes, 15 minutes up to 90 minutes, 60 minutes above, never more than half the lifetime.
	 */
	Duration refreshWindow(AuthorizationToken token) {
		Duration lifetime = nonNegative(token.lifetime());
		Duration window = (lifetime.compareTo(SHORT_LIFETIME) < 0) ? SHORT_WINDOW
				: (lifetime.compareTo(LONG_LIFETIME) <= 0) ? MEDIUM_WINDOW : LONG_WINDOW;
		return min(window, lifetime.dividedBy(2));
	}

	/**
	 * Returns a refresh time drawn uniformly from the first three quarters of the refresh window,
	 * so that many instances do not refresh together and the last quarter is left for retries.
	 */
	Instant refreshAt(AuthorizationToken token, RandomGenerator random) {
		Duration window = refreshWindow(token);
		Instant windowStart = minus(staleAt(token), window);
		long spreadMillis = window.toMillis() * 3 / 4;
		return minus(windowStart, Duration.ofMillis(-random.nextLong(spreadMillis + 1)));
	}

	/**
	 * Returns from when the hot path checks the token on the monotonic clock too:
	 * {@link #GUARD_LEAD} before its refresh window opens (from the start, for a short token).
	 */
	Instant guardFrom(AuthorizationToken token) {
		return minus(staleAt(token), refreshWindow(token).plus(GUARD_LEAD));
	}

	/**
	 * Subtracts, saturating at the ends of the time-line: an expiration the service put at the
	 * edge of what an instant can hold must not throw.
	 */
	private static Instant minus(Instant instant, Duration duration) {
		try {
			return instant.minus(duration);
		}
		catch (DateTimeException | ArithmeticException ex) {
			return duration.isNegative() ? Instant.MAX : Instant.MIN;
		}
	}

	private static Duration nonNegative(Duration duration) {
		return duration.isNegative() ? Duration.ZERO : duration;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
