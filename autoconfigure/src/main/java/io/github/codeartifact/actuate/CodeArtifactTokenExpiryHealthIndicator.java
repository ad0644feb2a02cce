package io.github.codeartifact.actuate;

import java.time.Clock;
import java.time.Instant;

import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code codeartifact} health indicator of an application's own {@link CodeArtifactTokenProvider}
 * that does not show its state ({@link io.github.codeartifact.token.TokenStateSource}): it asks the
 * provider for its token, as any caller does, and is {@code UP} while that token has not expired.
 * Details: {@code expiration} and {@code expiresInSeconds}; when the provider throws a
 * {@link CodeArtifactTokenException}, {@code DOWN} with its {@code errorCode} and {@code message}. It
 * never shows the token itself.
 */
public class CodeArtifactTokenExpiryHealthIndicator extends AbstractHealthIndicator {

	private final CodeArtifactTokenProvider provider;

	private final Clock clock;

	/**
	 * Creates the indicator of a provider.
	 * @param provider the provider, asked for its token on each health check
	 */
	public CodeArtifactTokenExpiryHealthIndicator(CodeArtifactTokenProvider provider) {
		this(provider, Clock.systemUTC());
	}

	CodeArtifactTokenExpiryHealthIndicator(CodeArtifactTokenProvider provider, Clock clock) {
		super("CodeArtifact health check failed");
		this.provider = provider;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		AuthorizationToken token;
		try {
			token = this.provider.getAuthorizationToken();
		}
		catch (CodeArtifactTokenException ex) {
			builder.down();
			if (ex.getErrorCode() != null) {
				builder.withDetail("errorCode", ex.getErrorCode());
			}
			builder.withDetail("message", ex.getMessage());
			return;
		}
		Instant expiration = token.expiration();
		if (this.clock.instant().isBefore(expiration)) {
			builder.up();
		}
		else {
			builder.down();
		}
		builder.withDetail("expiration", expiration);
		builder.withDetail("expiresInSeconds", CodeArtifactDescriptor.secondsUntil(expiration, this.clock));
	}

}
