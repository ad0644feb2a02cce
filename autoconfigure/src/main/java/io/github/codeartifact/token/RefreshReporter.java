package io.github.codeartifact.token;

import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Tells the log and the {@link TokenRefreshListener} of each outcome, after the engine has
 * recorded it and scheduled the next attempt: a listener that throws (anything at all) is logged
 * and cannot stop the engine. INFO for the first token, DEBUG for each refresh, WARN for each
 * failure, ERROR when a token expires with no successor. Never a token.
 */
final class RefreshReporter {

	private static final Log logger = LogFactory.getLog(RefreshingCodeArtifactTokenProvider.class);

	private final String domain;

	private final @Nullable String owner;

	private final TokenRefreshListener listener;

	RefreshReporter(String domain, @Nullable String owner, TokenRefreshListener listener) {
		this.domain = domain;
		this.owner = owner;
		this.listener = listener;
	}

	void refreshed(AuthorizationToken token, boolean first, Instant nextRefresh, long elapsedNanos) {
		if (first) {
			logger.info("Fetched the first CodeArtifact token for domain '" + this.domain + "'"
					+ ((this.owner != null) ? " (owner " + this.owner + ")" : "") + ", expiring at "
					+ token.expiration());
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Refreshed the CodeArtifact token for domain '" + this.domain + "', expiring at "
					+ token.expiration() + "; next refresh at " + nextRefresh);
		}
		notifyListener(() -> this.listener.onRefreshed(token, elapsedNanos));
	}

	void failed(CodeArtifactTokenException failure, Instant nextAttempt, @Nullable Instant expiredAt,
			long elapsedNanos) {
		logger.warn("Failed to fetch a CodeArtifact token for domain '" + this.domain + "' (error code "
				+ TokenFailures.errorCode(failure) + ", " + (failure.isRetryable() ? "retryable" : "not retryable")
				+ "); next attempt at " + nextAttempt + ": " + failure.getMessage(), unexpectedCause(failure));
		if (expiredAt != null) {
			logger.error("The CodeArtifact token for domain '" + this.domain + "' expired at " + expiredAt
					+ " with no successor; last error code " + TokenFailures.errorCode(failure));
		}
		notifyListener(() -> this.listener.onRefreshFailed(failure, elapsedNanos, nextAttempt));
	}

	void endedByClose() {
		logger.debug("Fetch of a CodeArtifact token for domain '" + this.domain + "' ended by close");
	}

	/** The engine's own bookkeeping failed: the attempt was settled as a retryable failure. */
	void recovered(Throwable failure, Instant nextAttempt) {
		logger.error("CodeArtifact token refresh for domain '" + this.domain + "' failed unexpectedly; next attempt at "
				+ nextAttempt, failure);
	}

	/**
	 * The cause worth a stack trace: a failure that did not come from the service or the SDK's
	 * classification (a {@code NoClassDefFoundError}, a bug in a custom fetcher).
	 */
	private static @Nullable Throwable unexpectedCause(CodeArtifactTokenException failure) {
		Throwable cause = failure.getCause();
		boolean classified = cause == null || cause instanceof CodeArtifactTokenException
				|| cause.getClass().getName().startsWith("software.amazon.awssdk.");
		return classified ? null : cause;
	}

	private static void notifyListener(Runnable call) {
		try {
			call.run();
		}
		catch (Throwable ex) {
			logger.warn("TokenRefreshListener failed", ex);
			if (ex instanceof VirtualMachineError error) {
				throw error;
			}
		}
	}

}
