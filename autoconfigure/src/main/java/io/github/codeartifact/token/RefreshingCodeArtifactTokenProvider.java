package io.github.codeartifact.token;

import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * The default {@link CodeArtifactTokenProvider}: keeps a fresh token in hand, refreshed in the
 * background before it goes stale. (Skeleton: the engine is being written.)
 */
public final class RefreshingCodeArtifactTokenProvider implements CodeArtifactTokenProvider, AutoCloseable {

	public RefreshingCodeArtifactTokenProvider(String domain, AuthorizationTokenFetcher fetcher,
			TokenRefreshSettings settings, Clock clock, RefreshScheduler scheduler, TokenRefreshListener listener,
			RandomGenerator random) {
		throw new UnsupportedOperationException("not written yet");
	}

	/** Starts background refreshing: the first token is fetched at once. */
	public void start() {
		throw new UnsupportedOperationException("not written yet");
	}

	/**
	 * Waits for the first token, retrying retryable failures for up to the startup timeout.
	 * @return the first token
	 * @throws CodeArtifactTokenException on a non-retryable failure or when the timeout passes
	 */
	public AuthorizationToken awaitFirstToken() {
		throw new UnsupportedOperationException("not written yet");
	}

	/**
	 * Returns a snapshot of the engine, without the token value.
	 * @return the state
	 */
	public TokenState state() {
		throw new UnsupportedOperationException("not written yet");
	}

	@Override
	public AuthorizationToken getAuthorizationToken() {
		throw new UnsupportedOperationException("not written yet");
	}

	@Override
	public AuthorizationToken refresh() {
		throw new UnsupportedOperationException("not written yet");
	}

	/** Stops refreshing; waiting callers are released with an exception; no thread is left behind. */
	@Override
	public void close() {
		throw new UnsupportedOperationException("not written yet");
	}

}
