package io.github.codeartifact.token;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

/**
 * When the next fetch is due: every rule of the engine's timing in one place.
 * <ul>
 * <li>After a success: at a jittered time inside the token's refresh window
 * ({@link RefreshTiming#refreshAt}), never before now.</li>
 * <li>After a failure: the {@link FailureBackOff} (exponential with full jitter for retryable
 * failures, the long delay for failures that need a fix), and never before the service's
 * {@code Retry-After}, on the monotonic clock.</li>
 * <li>For a caller that finds no fresh token: at once when no failure is pending (the token went
 * stale without one: a clock step, a first call); after a failure the backoff stands.</li>
 * <li>For a forced {@link CodeArtifactTokenProvider#refresh()}: at once, skipping either backoff, so
 * that a fixed policy takes effect at once, but never before {@code Retry-After}; and at most one
 * forced fetch per minimum forced interval, on the monotonic clock, so that no caller or remote
 * party can multiply the calls.</li>
 * <li>For a caller that needs a token valid until an instant
 * ({@link CodeArtifactTokenProvider#getAuthorizationToken(Instant)}) and finds none: as for a caller
 * that needs a token now, through the same single flight, not forced; and at most one such fetch
 * per minimum forced interval, counted apart from the forced ones. Within it, callers get the token
 * that the previous such fetch brought, even when it is still too short, so that callers that find
 * no token long enough ({@code duration=0} near the end of a role session) cannot turn into a
 * stream of calls; with a fixed duration, a token fetched within the interval would expire at most
 * that interval later than its predecessor anyway.</li>
 * </ul>
 * Not thread-safe: the engine calls it under its monitor.
 */
final class RefreshPolicy {

	private final RefreshTiming timing;

	private final FailureBackOff backOff;

	private final RandomGenerator random;

	private final Duration minForcedInterval;

	RefreshPolicy(TokenRefreshSettings settings, RandomGenerator random) {
		this.timing = new RefreshTiming(settings.staleMargin());
		this.backOff = new FailureBackOff(settings, random);
		this.random = random;
		this.minForcedInterval = settings.minForcedInterval();
	}

	RefreshTiming timing() {
		return this.timing;
	}

	/** Returns when the successor of a token received in an attempt started at {@code anchor} is due. */
	Moment afterSuccess(AuthorizationToken token, Moment anchor, Moment now) {
		this.backOff.reset();
		Moment due = Moment.at(this.timing.refreshAt(token, this.random), anchor);
		return due.isReachedAt(now) ? now : due;
	}

	/** Returns when the next attempt after a failure is due. */
	Moment afterFailure(CodeArtifactTokenException failure, Moment now) {
		return now.plus(this.backOff.delayAfter(failure));
	}

	/** Returns the monotonic time before which no attempt may run after a failure. */
	static long notBefore(@Nullable CodeArtifactTokenException failure, Moment now) {
		Duration retryAfter = (failure != null) ? failure.getRetryAfter() : null;
		return (retryAfter != null) ? now.plus(retryAfter).monoNanos() : now.monoNanos();
	}

	/**
	 * Returns when a pending attempt is due for a caller that needs a token now.
	 * @param due when it is due now
	 * @param afterFailure whether the last attempt failed
	 * @param forced whether the caller forces a refresh (and is allowed to)
	 * @param now the time of the call
	 */
	static Moment dueForCaller(Moment due, boolean afterFailure, boolean forced, Moment now) {
		return (forced || !afterFailure) ? due.earliest(now) : due;
	}

	/**
	 * Returns whether a forced fetch, or a fetch for a token valid longer, is allowed, the previous
	 * one of its kind having been asked for at {@code lastForced}.
	 */
	boolean allowsForced(@Nullable Moment lastForced, Moment now) {
		return lastForced == null || now.monoNanos() - lastForced.monoNanos() >= this.minForcedInterval.toNanos();
	}

	/** Returns when, on the wall clock, the next forced fetch is allowed. */
	Instant nextForcedAllowed(Moment lastForced, Moment now) {
		long waitNanos = Math.max(lastForced.plus(this.minForcedInterval).monoNanos() - now.monoNanos(), 0);
		return now.plus(Duration.ofNanos(waitNanos)).wallInstant();
	}

	Duration minForcedInterval() {
		return this.minForcedInterval;
	}

}
