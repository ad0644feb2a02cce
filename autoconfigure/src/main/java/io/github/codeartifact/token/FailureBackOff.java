package io.github.codeartifact.token;

import java.time.Duration;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Decides how long to wait after a failed fetch. Retryable failures back off exponentially with
 * full jitter (a uniform delay between zero and the exponential ceiling), never sooner than the
 * service's {@code Retry-After}; failures that need a fix wait the long non-retryable delay. Built
 * on a {@link RetryPolicy} that classifies and supplies the exponential ceiling; the engine
 * schedules the delay instead of sleeping as a {@code RetryTemplate} would. Not thread-safe: the
 * engine calls it under its lock.
 */
final class FailureBackOff {

	private final RetryPolicy policy;

	private final Duration maxBackoff;

	private final Duration nonRetryableBackoff;

	private final RandomGenerator random;

	private @Nullable BackOffExecution execution;

	FailureBackOff(TokenRefreshSettings settings, RandomGenerator random) {
		ExponentialBackOff backOff = new ExponentialBackOff(settings.initialBackoff().toMillis(),
				settings.multiplier());
		backOff.setMaxInterval(settings.maxBackoff().toMillis());
		this.policy = RetryPolicy.builder().backOff(backOff).predicate(FailureBackOff::isRetryable).build();
		this.maxBackoff = settings.maxBackoff();
		this.nonRetryableBackoff = settings.nonRetryableBackoff();
		this.random = random;
	}

	/**
	 * Returns the delay before the next attempt after the given failure.
	 */
	Duration delayAfter(CodeArtifactTokenException failure) {
		if (!this.policy.shouldRetry(failure)) {
			this.execution = null;
			return this.nonRetryableBackoff;
		}
		Duration delay = Duration.ofMillis(this.random.nextLong(ceilingMillis() + 1));
		Duration retryAfter = failure.getRetryAfter();
		return (retryAfter != null && retryAfter.compareTo(delay) > 0) ? retryAfter : delay;
	}

	/**
	 * Starts the exponential sequence again, after a success.
	 */
	void reset() {
		this.execution = null;
	}

	private long ceilingMillis() {
		BackOffExecution execution = this.execution;
		if (execution == null) {
			execution = this.policy.getBackOff().start();
			this.execution = execution;
		}
		long ceiling = execution.nextBackOff();
		// The sequence has no attempt limit; STOP would only come from an elapsed-time overflow
		return (ceiling == BackOffExecution.STOP) ? this.maxBackoff.toMillis() : Math.max(ceiling, 0);
	}

	private static boolean isRetryable(Throwable failure) {
		return failure instanceof CodeArtifactTokenException tokenFailure && tokenFailure.isRetryable();
	}

}
