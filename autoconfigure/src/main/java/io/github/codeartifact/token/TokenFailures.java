package io.github.codeartifact.token;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The engine's failure messages for one domain. None of them ever holds a token.
 */
final class TokenFailures {

	private final String domain;

	TokenFailures(String domain) {
		this.domain = domain;
	}

	/** Whatever a fetcher threw that is not a {@link CodeArtifactTokenException}: retryable. */
	CodeArtifactTokenException unexpected(@Nullable Throwable cause) {
		String type = (cause != null) ? cause.getClass().getName() : "unknown";
		return new CodeArtifactTokenException("Unexpected failure fetching a CodeArtifact token for domain '"
				+ this.domain + "' (" + type + ")", null, this.domain, true, cause);
	}

	CodeArtifactTokenException noToken() {
		return new CodeArtifactTokenException("CodeArtifact returned no token for domain '" + this.domain + "'",
				"MalformedResponse", this.domain, true, null);
	}

	/** An answer that could not be served: already past or inside the stale margin. Retryable. */
	CodeArtifactTokenException expiredAnswer(AuthorizationToken token, Instant now) {
		return new CodeArtifactTokenException("CodeArtifact returned a token for domain '" + this.domain
				+ "' that expires at " + token.expiration() + ", already past or inside the stale margin at " + now,
				"ExpiredTokenReceived", this.domain, true, null);
	}

	/** What a caller gets when no fresh token can be had, with the last failure as cause. */
	CodeArtifactTokenException caller(String reason, @Nullable CodeArtifactTokenException last) {
		String message = "A fresh CodeArtifact token for domain '" + this.domain + "' " + reason
				+ " (last error code " + errorCode(last) + ")";
		if (last == null) {
			return new CodeArtifactTokenException(message, null, this.domain, true, null);
		}
		return new CodeArtifactTokenException(message + ": " + last.getMessage(), last.getErrorCode(), this.domain,
				last.isRetryable(), last.getRetryAfter(), last.isSetupFailure(), last);
	}

	/** Why a forced refresh got no new call, for {@link #caller}. */
	static String limited(Duration minForcedInterval, Instant nextAllowed) {
		return "refresh() makes at most one call per " + minForcedInterval
				+ " (codeartifact.refresh.min-forced-interval); the next forced call is allowed at " + nextAllowed
				+ ", and ";
	}

	/** A caller on the refresh thread (a listener, an event listener, the fetcher) must not wait on itself. */
	CodeArtifactTokenException onRefreshThread(String call, @Nullable CodeArtifactTokenException last) {
		return caller("cannot be waited for in " + call + " on the thread that fetches tokens (from a "
				+ "TokenRefreshListener, a refresh event listener or the fetcher): the fetch runs after the callback "
				+ "returns; call it from another thread", last);
	}

	CodeArtifactTokenException closed() {
		return new CodeArtifactTokenException(
				"The CodeArtifact token provider for domain '" + this.domain + "' is closed", null, this.domain, false,
				null);
	}

	/** Returns a failure as it reached a waiting caller. */
	CodeArtifactTokenException asTokenFailure(@Nullable Throwable cause) {
		return (cause instanceof CodeArtifactTokenException failure) ? failure : unexpected(cause);
	}

	static String errorCode(@Nullable CodeArtifactTokenException failure) {
		String code = (failure != null) ? failure.getErrorCode() : null;
		return (code != null) ? code : "none";
	}

}
