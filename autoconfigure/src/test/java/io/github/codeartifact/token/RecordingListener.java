package io.github.codeartifact.token;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the outcomes a {@link TokenRefreshListener} is told of.
 */
final class RecordingListener implements TokenRefreshListener {

	final List<AuthorizationToken> refreshed = new CopyOnWriteArrayList<>();

	final List<Failure> failures = new CopyOnWriteArrayList<>();

	@Override
	public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
		this.refreshed.add(token);
	}

	@Override
	public void onRefreshFailed(CodeArtifactTokenException failure, long elapsedNanos, Instant nextAttempt) {
		this.failures.add(new Failure(failure, elapsedNanos, nextAttempt));
	}

	Failure lastFailure() {
		return this.failures.get(this.failures.size() - 1);
	}

	record Failure(CodeArtifactTokenException exception, long elapsedNanos, Instant nextAttempt) {
	}

}
