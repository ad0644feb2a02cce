package io.github.codeartifact.token;

/**
 * Hands out a fresh AWS CodeArtifact authorization token. Implementations never return a token that
 * is expired or about to expire: when none is fresh, callers wait a bounded time for the refresh in
 * flight and then get a {@link CodeArtifactTokenException}.
 */
public interface CodeArtifactTokenProvider {

	/**
	 * Returns a fresh token, for an {@code Authorization} header or a build tool's password.
	 * @return the token value
	 * @throws CodeArtifactTokenException when no fresh token can be had within the bounded wait
	 */
	default String getToken() {
		return getAuthorizationToken().token();
	}

	/**
	 * Returns a fresh token with its expiration and issue time.
	 * @return the token
	 * @throws CodeArtifactTokenException when no fresh token can be had within the bounded wait
	 */
	AuthorizationToken getAuthorizationToken();

	/**
	 * Fetches a new token now, for a caller whose token was rejected (an HTTP 401). Retryable
	 * failures are retried within the bounded wait; when the refresh fails, the current fresh token,
	 * if any, stays in service.
	 * @return the new token
	 * @throws CodeArtifactTokenException when no new token can be had within the bounded wait
	 */
	AuthorizationToken refresh();

}
