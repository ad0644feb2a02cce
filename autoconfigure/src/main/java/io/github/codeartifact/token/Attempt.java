package io.github.codeartifact.token;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * The next fetch: scheduled, then running, then completed. Callers share its outcome. Mutable
 * fields are guarded by the engine's monitor.
 */
final class Attempt {

	final CompletableFuture<AuthorizationToken> outcome = new CompletableFuture<>();

	/** When the fetch is due, by either clock. */
	Moment due;

	/** The service's {@code Retry-After}, on the monotonic clock: no fetch before it. */
	long notBeforeNanos;

	boolean running;

	/** Whether a caller forced this fetch with {@link CodeArtifactTokenProvider#refresh()}. */
	boolean forced;

	/** When the fetch started, on both clocks: the anchor of the token it receives. */
	@Nullable Moment startedAt;

	/** The timer's generation: a timer that fires after being replaced does nothing. */
	int generation;

	/** When the timer wakes, on the monotonic clock (the one the scheduler's delays run on). */
	long wakeNanos;

	RefreshScheduler.@Nullable Cancellable timer;

	Attempt(Moment due, long notBeforeNanos) {
		this.due = due;
		this.notBeforeNanos = notBeforeNanos;
	}

	/** Whether the fetch may run now: it is due, and the service's {@code Retry-After} is over. */
	boolean isDueAt(Moment now) {
		return this.due.isReachedAt(now) && now.monoNanos() - this.notBeforeNanos >= 0;
	}

	/** Returns how long until the fetch may run, never negative. */
	Duration delayAt(Moment now) {
		Duration untilDue = this.due.until(now);
		Duration untilAllowed = Duration.ofNanos(Math.max(this.notBeforeNanos - now.monoNanos(), 0));
		return (untilAllowed.compareTo(untilDue) > 0) ? untilAllowed : untilDue;
	}

	/** Returns when, on the wall clock, the fetch is expected to run. */
	Instant expectedAt(Moment now) {
		return now.plus(delayAt(now)).wallInstant();
	}

	void cancelTimer() {
		RefreshScheduler.Cancellable current = this.timer;
		if (current != null) {
			current.cancel();
			this.timer = null;
		}
	}

}
