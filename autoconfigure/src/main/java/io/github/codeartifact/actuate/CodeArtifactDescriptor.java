package io.github.codeartifact.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.codeartifact.buildtools.BuildToolsDescriptor;
import io.github.codeartifact.token.TokenState;
import io.github.codeartifact.token.TokenStatus;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code codeartifact} endpoint shows: the target, where the refresh engine stands and how
 * its last fetch ended. It never holds the token itself. Times are ISO-8601 instants; durations are
 * ISO-8601 durations such as {@code PT12H}.
 *
 * @param domain the CodeArtifact domain
 * @param owner the AWS account that owns the domain, or {@code null} when not set
 * @param region the AWS region, or {@code null} when unknown
 * @param requestedDuration the token lifetime asked for as an ISO-8601 duration, or {@code null} when
 * the service's default is used
 * @param status where the refresh engine stands
 * @param expiration when the current token expires, or {@code null} when there is none
 * @param expiresInSeconds whole seconds until the current token expires (never negative), or
 * {@code null} when there is none
 * @param issuedAt when the current token was issued, or {@code null} when there is none
 * @param staleAt when the current token stops being handed out, or {@code null} when there is none
 * @param nextRefresh when the next fetch is scheduled, or {@code null} when none is
 * @param lastRefresh how the last fetch ended, or {@code null} before the first one ended
 * @param refreshCount successful fetches so far
 * @param failureCount failed fetches so far
 * @param forcedRefreshCount forced refreshes (the endpoint's refresh, an HTTP 401 retry, a direct
 * {@code refresh()}) that made or joined a call
 * @param refusedRefreshCount forced refreshes refused a call of their own by
 * {@code codeartifact.refresh.min-forced-interval}
 * @param buildTools the build-tool repositories, sessions and login files, or {@code null} when the
 * application has no {@link io.github.codeartifact.buildtools.CodeArtifactBuildTools}
 */
public record CodeArtifactDescriptor(String domain, @Nullable String owner, @Nullable String region,
		@Nullable String requestedDuration, TokenStatus status, @Nullable Instant expiration,
		@Nullable Long expiresInSeconds, @Nullable Instant issuedAt, @Nullable Instant staleAt,
		@Nullable Instant nextRefresh, @Nullable LastRefresh lastRefresh, long refreshCount, long failureCount,
		long forcedRefreshCount, long refusedRefreshCount, @Nullable BuildToolsDescriptor buildTools) {

	static CodeArtifactDescriptor of(CodeArtifactTarget target, TokenState state, Clock clock,
			@Nullable BuildToolsDescriptor buildTools) {
		Duration duration = target.requestedDuration();
		return new CodeArtifactDescriptor(target.domain(), target.owner(), target.region(),
				(duration != null) ? duration.toString() : null, state.status(), state.expiration(),
				secondsUntil(state.expiration(), clock), state.issuedAt(), state.staleAt(), state.nextRefresh(),
				LastRefresh.of(state), state.refreshCount(), state.failureCount(), state.forcedRefreshCount(),
				state.refusedRefreshCount(), buildTools);
	}

	static @Nullable Long secondsUntil(@Nullable Instant expiration, Clock clock) {
		if (expiration == null) {
			return null;
		}
		return Math.max(0, Duration.between(clock.instant(), expiration).toSeconds());
	}

}
