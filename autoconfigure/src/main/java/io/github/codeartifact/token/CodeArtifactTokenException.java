package io.github.codeartifact.token;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when no fresh CodeArtifact authorization token can be had. Carries the AWS error code (such
 * as {@code AccessDeniedException} or {@code ThrottlingException}), the domain, whether the failure
 * is worth retrying soon, and the {@code Retry-After} the service asked for. Its message never
 * contains a token.
 */
public class CodeArtifactTokenException extends RuntimeException {

	private final @Nullable String errorCode;

	private final String domain;

	private final boolean retryable;

	private final @Nullable Duration retryAfter;

	private final boolean setupFailure;

	/**
	 * Creates a new exception.
	 * @param message what went wrong, never with a token
	 * @param errorCode the AWS error code, or {@code null}
	 * @param domain the domain
	 * @param retryable whether the failure is worth retrying soon
	 * @param retryAfter the {@code Retry-After} the service asked for, or {@code null}
	 * @param setupFailure whether the failure comes from the application's set-up, see
	 * {@link #isSetupFailure()}
	 * @param cause the cause, or {@code null}
	 */
	public CodeArtifactTokenException(String message, @Nullable String errorCode, String domain, boolean retryable,
			@Nullable Duration retryAfter, boolean setupFailure, @Nullable Throwable cause) {
		super(message, cause);
		this.errorCode = errorCode;
		this.domain = domain;
		this.retryable = retryable;
		this.retryAfter = retryAfter;
		this.setupFailure = setupFailure;
	}

	public CodeArtifactTokenException(String message, @Nullable String errorCode, String domain, boolean retryable,
			@Nullable Duration retryAfter, @Nullable Throwable cause) {
		this(message, errorCode, domain, retryable, retryAfter, false, cause);
	}

	public CodeArtifactTokenException(String message, @Nullable String errorCode, String domain, boolean retryable,
			@Nullable Throwable cause) {
		this(message, errorCode, domain, retryable, null, cause);
	}

	/**
	 * Returns the AWS error code, such as {@code AccessDeniedException}, or {@code null} when the
	 * failure did not come from the service (an I/O error, a timeout).
	 * @return the error code or {@code null}
	 */
	public @Nullable String getErrorCode() {
		return this.errorCode;
	}

	/**
	 * Returns the CodeArtifact domain the token was asked for.
	 * @return the domain
	 */
	public String getDomain() {
		return this.domain;
	}

	/**
	 * Returns whether the failure is transient (throttling, a server error, an I/O error, a malformed
	 * answer) and worth retrying soon, as opposed to one that needs a fix (access denied, an unknown
	 * domain, a validation error, rejected credentials).
	 * @return whether the failure is retryable
	 */
	public boolean isRetryable() {
		return this.retryable;
	}

	/**
	 * Returns how long the service asked callers to wait before trying again ({@code Retry-After}).
	 * @return the delay, or {@code null} when the service did not say
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * Returns whether the failure comes from the application's set-up and no retry within the
	 * startup wait can fix it: no AWS credentials source anywhere, or a refused connection to an
	 * explicitly configured endpoint. Such a failure ends the wait for the first token at once; it
	 * may still be {@link #isRetryable() retryable} for the background refresh, which keeps trying
	 * after startup (credentials may appear, an endpoint may come up).
	 * @return whether the failure is one of set-up
	 */
	public boolean isSetupFailure() {
		return this.setupFailure;
	}

}
