package io.github.codeartifact.token;

import java.time.Duration;
import java.util.Objects;

/**
 * How the refresh engine times its work. Values are checked by the caller (the auto-configuration
 * validates {@code codeartifact.refresh.*}); this type only requires them to be present.
 *
 * @param staleMargin how long before its expiration a token stops being handed out (never more than
 * a quarter of the token's lifetime)
 * @param maxWait how long a caller that finds no fresh token waits for the refresh in flight
 * @param initialBackoff first delay after a retryable failure
 * @param maxBackoff upper bound of the delay between retries of retryable failures
 * @param multiplier growth of the delay from one retryable failure to the next
 * @param nonRetryableBackoff delay after a failure that needs a fix (access denied, unknown domain)
 * @param startupTimeout how long retryable failures are retried for the first token at startup
 * @param minForcedInterval the shortest time between two calls that {@code refresh()} forces
 */
public record TokenRefreshSettings(Duration staleMargin, Duration maxWait, Duration initialBackoff,
		Duration maxBackoff, double multiplier, Duration nonRetryableBackoff, Duration startupTimeout,
		Duration minForcedInterval) {

	/** Default stale margin: one minute. */
	public static final Duration DEFAULT_STALE_MARGIN = Duration.ofMinutes(1);

	/** Default bounded wait of a caller: ten seconds. */
	public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);

	/** Default first retry delay: one second. */
	public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);

	/** Default largest retry delay: two minutes. */
	public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(2);

	/** Default growth of the retry delay. */
	public static final double DEFAULT_MULTIPLIER = 2.0;

	/** Default delay after a failure that needs a fix: five minutes. */
	public static final Duration DEFAULT_NON_RETRYABLE_BACKOFF = Duration.ofMinutes(5);

	/** Default time for the first token at startup: thirty seconds. */
	public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);

	/** Default shortest time between two forced calls: thirty seconds. */
	public static final Duration DEFAULT_MIN_FORCED_INTERVAL = Duration.ofSeconds(30);

	public TokenRefreshSettings {
		Objects.requireNonNull(staleMargin, "staleMargin must not be null");
		Objects.requireNonNull(maxWait, "maxWait must not be null");
		Objects.requireNonNull(initialBackoff, "initialBackoff must not be null");
		Objects.requireNonNull(maxBackoff, "maxBackoff must not be null");
		Objects.requireNonNull(nonRetryableBackoff, "nonRetryableBackoff must not be null");
		Objects.requireNonNull(startupTimeout, "startupTimeout must not be null");
		Objects.requireNonNull(minForcedInterval, "minForcedInterval must not be null");
	}

	/**
	 * Creates settings with the default minimum forced interval.
	 * @param staleMargin how long before its expiration a token stops being handed out
	 * @param maxWait how long a caller that finds no fresh token waits
	 * @param initialBackoff first delay after a retryable failure
	 * @param maxBackoff upper bound of the delay between retries
	 * @param multiplier growth of the delay
	 * @param nonRetryableBackoff delay after a failure that needs a fix
	 * @param startupTimeout how long retryable failures are retried at startup
	 */
	public TokenRefreshSettings(Duration staleMargin, Duration maxWait, Duration initialBackoff, Duration maxBackoff,
			double multiplier, Duration nonRetryableBackoff, Duration startupTimeout) {
		this(staleMargin, maxWait, initialBackoff, maxBackoff, multiplier, nonRetryableBackoff, startupTimeout,
				DEFAULT_MIN_FORCED_INTERVAL);
	}

	/**
	 * Returns the defaults.
	 * @return the default settings
	 */
	public static TokenRefreshSettings defaults() {
		return new TokenRefreshSettings(DEFAULT_STALE_MARGIN, DEFAULT_MAX_WAIT, DEFAULT_INITIAL_BACKOFF,
				DEFAULT_MAX_BACKOFF, DEFAULT_MULTIPLIER, DEFAULT_NON_RETRYABLE_BACKOFF, DEFAULT_STARTUP_TIMEOUT,
				DEFAULT_MIN_FORCED_INTERVAL);
	}

}
