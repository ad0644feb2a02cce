package io.github.codeartifact.autoconfigure;

import java.time.Instant;
import java.util.List;

import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.TokenRefreshListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Tells each of several listeners, in order. A listener that throws is logged and does not stop the
 * others nor the refresh engine.
 */
final class CompositeTokenRefreshListener implements TokenRefreshListener {

	private static final Log logger = LogFactory.getLog(CompositeTokenRefreshListener.class);

	private final List<TokenRefreshListener> listeners;

	CompositeTokenRefreshListener(List<TokenRefreshListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	List<TokenRefreshListener> getListeners() {
		return this.listeners;
	}

	@Override
	public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
		for (TokenRefreshListener listener : this.listeners) {
			try {
				listener.onRefreshed(token, elapsedNanos);
			}
			catch (RuntimeException ex) {
				logger.warn("TokenRefreshListener " + listener + " failed in onRefreshed", ex);
			}
		}
	}

	@Override
	public void onRefreshFailed(CodeArtifactTokenException failure, long elapsedNanos, Instant nextAttempt) {
		for (TokenRefreshListener listener : this.listeners) {
			try {
				listener.onRefreshFailed(failure, elapsedNanos, nextAttempt);
			}
			catch (RuntimeException ex) {
				logger.warn("TokenRefreshListener " + listener + " failed in onRefreshFailed", ex);
			}
		}
	}

}
