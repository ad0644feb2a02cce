package io.github.codeartifact.reliability;

import java.time.Duration;
import java.time.Instant;

import io.github.codeartifact.token.AuthorizationToken;

/**
 * The test's own statement of when a token may be handed out, independent of the engine's code: a
 * token is fresh at an instant of the engine's clock when that instant is before its expiration less
 * its stale margin, the configured margin but never more than a quarter of the token's lifetime
 * (expiration less issue time).
 */
final class Freshness {

	private Freshness() {
	}

	static Instant staleAt(AuthorizationToken token, Duration configuredMargin) {
		Duration lifetime = token.lifetime().isNegative() ? Duration.ZERO : token.lifetime();
		Duration quarter = lifetime.dividedBy(4);
		Duration margin = (configuredMargin.compareTo(quarter) <= 0) ? configuredMargin : quarter;
		return token.expiration().minus(margin);
	}

	static boolean isFresh(AuthorizationToken token, Duration configuredMargin, Instant now) {
		return now.isBefore(staleAt(token, configuredMargin));
	}

	static boolean isExpired(AuthorizationToken token, Instant now) {
		return !now.isBefore(token.expiration());
	}

}
