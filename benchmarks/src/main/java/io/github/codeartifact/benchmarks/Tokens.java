package io.github.codeartifact.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.AuthorizationTokenFetcher;
import io.github.codeartifact.token.ExecutorRefreshScheduler;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenRefreshListener;
import io.github.codeartifact.token.TokenRefreshSettings;

/**
 * What the benchmark states share: a long-lived token and the real engine around a stub fetcher.
 */
final class Tokens {

	/** As long as a real token value (about 1 KB of base64url text). */
	static final String VALUE = "eyJ2ZXIiOjEsImlzdSI6" + "a".repeat(1000);

	/** Settings whose bounded wait outlasts any benchmark, so that a forced refresh waits through it. */
	static final TokenRefreshSettings LONG_WAIT;

	static {
		TokenRefreshSettings defaults = TokenRefreshSettings.defaults();
		LONG_WAIT = new TokenRefreshSettings(defaults.staleMargin(), Duration.ofHours(1), defaults.initialBackoff(),
				defaults.maxBackoff(), defaults.multiplier(), defaults.nonRetryableBackoff(),
				defaults.startupTimeout());
	}

	private Tokens() {
	}

	/** A token issued now that lives twelve hours, the longest CodeArtifact allows. */
	static AuthorizationToken longLived() {
		Instant now = Instant.now();
		return new AuthorizationToken(VALUE, now.plus(Duration.ofHours(12)), now);
	}

	/** The real engine, as the auto-configuration builds it, around the given fetcher; not started. */
	static RefreshingCodeArtifactTokenProvider provider(AuthorizationTokenFetcher fetcher,
			TokenRefreshSettings settings) {
		return new RefreshingCodeArtifactTokenProvider("bench", fetcher, settings, Clock.systemUTC(),
				new ExecutorRefreshScheduler(), TokenRefreshListener.NONE, new Random());
	}

}
