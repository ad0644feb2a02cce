package io.github.codeartifact.actuate;

import java.time.Instant;

import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.TokenState;
import org.jspecify.annotations.Nullable;

/**
 * How the last fetch of a token ended, as shown by the {@code codeartifact} endpoint.
 *
 * @param time when the fetch ended
 * @param outcome {@code success} or {@code failure}
 * @param errorCode the AWS error code of a failure (such as {@code AccessDeniedException}), or
 * {@code null} on success or when the failure did not come from the service (an I/O error)
 * @param message the message of a failure, or {@code null} on success
 * @param retryable whether a failure is retried soon, or {@code null} on success
 */
public record LastRefresh(Instant time, String outcome, @Nullable String errorCode, @Nullable String message,
		@Nullable Boolean retryable) {

	/** Outcome of a fetch that returned a token. */
	public static final String SUCCESS = "success";

	/** Outcome of a fetch that failed. */
	public static final String FAILURE = "failure";

	/**
	 * Describes the last fetch of a state.
	 * @param state the state
	 * @return the last fetch, or {@code null} before the first one ended
	 */
	static @Nullable LastRefresh of(TokenState state) {
		Instant time = state.lastAttempt();
		if (time == null) {
			return null;
		}
		CodeArtifactTokenException failure = state.lastFailure();
		if (failure == null) {
			return new LastRefresh(time, SUCCESS, null, null, null);
		}
		return new LastRefresh(time, FAILURE, failure.getErrorCode(), failure.getMessage(), failure.isRetryable());
	}

}
