package io.github.codeartifact.token;

import java.time.Instant;

/**
 * Told of each refresh outcome, on the thread that made the call. The auto-configuration turns these
 * into Spring events and meters. Implementations must be quick and must not throw.
 */
public interface TokenRefreshListener {

	/** A listener that does nothing. */
	TokenRefreshListener NONE = new TokenRefreshListener() {
	};

	/**
	 * A new token was fetched.
	 * @param token the new token
	 * @param elapsedNanos how long the call took
	 */
	default void onRefreshed(AuthorizationToken token, long elapsedNanos) {
	}

	/**
	 * A fetch failed.
	 * @param failure the failure
	 * @param elapsedNanos how long the call took
	 * @param nextAttempt when the engine will try again
	 */
	default void onRefreshFailed(CodeArtifactTokenException failure, long elapsedNanos, Instant nextAttempt) {
	}

}
