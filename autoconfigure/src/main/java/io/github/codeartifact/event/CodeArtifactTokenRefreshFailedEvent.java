package io.github.codeartifact.event;

import java.time.Duration;
import java.time.Instant;

import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;

import org.springframework.context.ApplicationEvent;

/**
 * Published after a fetch of a CodeArtifact authorization token failed.
 */
public class CodeArtifactTokenRefreshFailedEvent extends ApplicationEvent {

	private final String domain;

	private final CodeArtifactTokenException exception;

	private final Duration elapsed;

	private final Instant nextAttempt;

	/**
	 * Creates a new event.
	 * @param source the provider whose fetch failed
	 * @param domain the domain
	 * @param exception the failure
	 * @param elapsed how long the call took
	 * @param nextAttempt when the provider will try again
	 */
	public CodeArtifactTokenRefreshFailedEvent(CodeArtifactTokenProvider source, String domain,
			CodeArtifactTokenException exception, Duration elapsed, Instant nextAttempt) {
		super(source);
		this.domain = domain;
		this.exception = exception;
		this.elapsed = elapsed;
		this.nextAttempt = nextAttempt;
	}

	/**
	 * Returns the provider whose fetch failed.
	 * @return the provider
	 */
	public CodeArtifactTokenProvider getProvider() {
		return (CodeArtifactTokenProvider) getSource();
	}

	/**
	 * Returns the domain.
	 * @return the domain
	 */
	public String getDomain() {
		return this.domain;
	}

	/**
	 * Returns the failure, with the AWS error code.
	 * @return the exception
	 */
	public CodeArtifactTokenException getException() {
		return this.exception;
	}

	/**
	 * Returns how long the call took.
	 * @return the elapsed time
	 */
	public Duration getElapsed() {
		return this.elapsed;
	}

	/**
	 * Returns when the provider will try again.
	 * @return the time of the next attempt
	 */
	public Instant getNextAttempt() {
		return this.nextAttempt;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[domain=" + this.domain + ", errorCode=" + this.exception.getErrorCode()
				+ ", retryable=" + this.exception.isRetryable() + ", nextAttempt=" + this.nextAttempt + "]";
	}

}
