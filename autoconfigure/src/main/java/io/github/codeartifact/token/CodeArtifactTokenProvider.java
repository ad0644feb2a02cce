package io.github.codeartifact.token;

import java.time.Instant;

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

	/**
	 * Returns a fresh token that stays valid until at least {@code validUntil}, for a caller that
	 * hands the token to a process that reads it once (a build tool): the token in service when it
	 * lives long enough, else a new one fetched first.
	 * <p>
	 * The token returned can still expire before {@code validUntil} when no token can live that
	 * long (a {@code duration} of 0 near the end of a role session, or a lifetime shorter than the
	 * run): callers that need the validity check {@link AuthorizationToken#expiration()}.
	 * <p>
	 * This default asks {@link #getAuthorizationToken()} and, when that token expires too soon,
	 * {@link #refresh()}. The default provider overrides it: it fetches through its single flight,
	 * counts no forced refresh, and makes at most one such call per minimum forced interval.
	 * @param validUntil the instant until which the token must stay valid
	 * @return a fresh token, valid until {@code validUntil} when any token can be
	 * @throws CodeArtifactTokenException when no fresh token can be had within the bounded wait
	 */
	default AuthorizationToken getAuthorizationToken(Instant validUntil) {
		AuthorizationToken token = getAuthorizationToken();
		return token.expiration().isBefore(validUntil) ? refresh() : token;
	}

}
