package io.github.codeartifact.token;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of the refresh engine, for the actuator endpoint, the health indicator and the meters.
 * It never holds the token value.
 *
 * @param status where the engine stands
 * @param expiration expiration of the current token, or {@code null} when there is none
 * @param issuedAt issue time of the current token, or {@code null} when there is none
 * @param staleAt when the current token stops being handed out, or {@code null}
 * @param nextRefresh when the next fetch is scheduled, or {@code null} when none is
 * @param lastAttempt when the last fetch ended, or {@code null} before the first
 * @param lastFailure the last failure if the last fetch failed, else {@code null}
 * @param refreshCount successful fetches so far
 * @param failureCount failed fetches so far
 * @param forcedRefreshCount forced refreshes that made (or joined) a call
 * @param refusedRefreshCount forced refreshes that the minimum forced interval refused a call of
 * their own: they got the token of the previous forced call, or its failure
 */
public record TokenState(TokenStatus status, @Nullable Instant expiration, @Nullable Instant issuedAt,
		@Nullable Instant staleAt, @Nullable Instant nextRefresh, @Nullable Instant lastAttempt,
		@Nullable CodeArtifactTokenException lastFailure, long refreshCount, long failureCount,
		long forcedRefreshCount, long refusedRefreshCount) {

	/**
	 * Creates a state without forced refreshes.
	 * @param status where the engine stands
	 * @param expiration expiration of the current token, or {@code null}
	 * @param issuedAt issue time of the current token, or {@code null}
	 * @param staleAt when the current token stops being handed out, or {@code null}
	 * @param nextRefresh when the next fetch is scheduled, or {@code null}
	 * @param lastAttempt when the last fetch ended, or {@code null}
	 * @param lastFailure the last failure if the last fetch failed, else {@code null}
	 * @param refreshCount successful fetches so far
	 * @param failureCount failed fetches so far
	 */
	public TokenState(TokenStatus status, @Nullable Instant expiration, @Nullable Instant issuedAt,
			@Nullable Instant staleAt, @Nullable Instant nextRefresh, @Nullable Instant lastAttempt,
			@Nullable CodeArtifactTokenException lastFailure, long refreshCount, long failureCount) {
		this(status, expiration, issuedAt, staleAt, nextRefresh, lastAttempt, lastFailure, refreshCount, failureCount,
				0, 0);
	}

}
