package io.github.codeartifact.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A CodeArtifact authorization token, with the expiration that the service returned and the time it
 * was issued. {@link #toString()} never shows the token itself.
 *
 * @param token the token value, to be kept secret
 * @param expiration when the service says the token expires, on this machine's clock: the
 * starter's fetcher corrects the service's expiration by the clock skew that the service's
 * {@code Date} header shows, when it shows one
 * @param issuedAt when the token was asked for, on this machine's clock
 */
public record AuthorizationToken(String token, Instant expiration, Instant issuedAt) {

	public AuthorizationToken {
		Objects.requireNonNull(token, "token must not be null");
		Objects.requireNonNull(expiration, "expiration must not be null");
		Objects.requireNonNull(issuedAt, "issuedAt must not be null");
	}

	/**
	 * Returns how long the token lives from its issue time to its expiration.
	 * @return the lifetime, negative when the service returned an expiration before the issue time
	 */
	public Duration lifetime() {
		return Duration.between(this.issuedAt, this.expiration);
	}

	@Override
	public String toString() {
		return "AuthorizationToken[token=******, expiration=" + this.expiration + ", issuedAt=" + this.issuedAt + "]";
	}

}
