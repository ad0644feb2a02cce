package io.github.codeartifact.actuate;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.codeartifact.buildtools.LoginFileStatus;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.TokenState;
import io.github.codeartifact.token.TokenStateSource;
import io.github.codeartifact.token.TokenStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code codeartifact} health indicator: {@code UP} while a fresh token is held, {@code DOWN}
 * when none is. Details: {@code status}, {@code expiration} and {@code expiresInSeconds} of the
 * current token, and {@code lastFailure} ({@code errorCode}, {@code message}, {@code time}) when the
 * last fetch failed; when {@code DOWN}, {@code errorCode} also stands at the top level; and
 * {@code loginFiles}, the login files whose last write did not succeed (unparseable, or not
 * writable) with the reason. Such a file leaves the status as the token decides it: the token, the
 * application's HTTP clients and the build-tool sessions still work, and a {@code DOWN} or
 * {@code OUT_OF_SERVICE} would take the instance out of its load balancer for a file on disk that
 * only tools started outside the application read; the detail and the WARN log say what to fix. It
 * never shows the token itself.
 */
public class CodeArtifactHealthIndicator extends AbstractHealthIndicator {

	private final Supplier<TokenState> state;

	private final Clock clock;

	private final Supplier<Map<String, LoginFileStatus>> loginFileProblems;

	/**
	 * Creates the indicator of a provider that shows its state, such as the starter's
	 * {@link io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider}.
	 * @param source the provider's state
	 */
	public CodeArtifactHealthIndicator(TokenStateSource source) {
		this(source, Map::of);
	}

	/**
	 * Creates the indicator of a provider that shows its state, with the login files' problems.
	 * @param source the provider's state
	 * @param loginFileProblems the login files whose last write did not succeed, by kind, such as
	 * {@link io.github.codeartifact.buildtools.BuildToolLoginFiles#problems()}
	 */
	public CodeArtifactHealthIndicator(TokenStateSource source,
			Supplier<Map<String, LoginFileStatus>> loginFileProblems) {
		this(source::state, Clock.systemUTC(), loginFileProblems);
	}

	CodeArtifactHealthIndicator(Supplier<TokenState> state, Clock clock) {
		this(state, clock, Map::of);
	}

	CodeArtifactHealthIndicator(Supplier<TokenState> state, Clock clock,
			Supplier<Map<String, LoginFileStatus>> loginFileProblems) {
		super("CodeArtifact health check failed");
		this.state = state;
		this.clock = clock;
		this.loginFileProblems = loginFileProblems;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		TokenState state = this.state.get();
		if (holdsFreshToken(state)) {
			builder.up();
		}
		else {
			builder.down();
		}
		builder.withDetail("status", state.status());
		Instant expiration = state.expiration();
		if (expiration != null) {
			builder.withDetail("expiration", expiration);
			Long expiresIn = CodeArtifactDescriptor.secondsUntil(expiration, this.clock);
			if (expiresIn != null) {
				builder.withDetail("expiresInSeconds", expiresIn);
			}
		}
		CodeArtifactTokenException failure = state.lastFailure();
		if (failure != null) {
			Map<String, Object> lastFailure = new LinkedHashMap<>();
			putIfPresent(lastFailure, "errorCode", failure.getErrorCode());
			putIfPresent(lastFailure, "message", failure.getMessage());
			putIfPresent(lastFailure, "time", state.lastAttempt());
			builder.withDetail("lastFailure", lastFailure);
			if (!holdsFreshToken(state) && failure.getErrorCode() != null) {
				builder.withDetail("errorCode", failure.getErrorCode());
			}
		}
		Map<String, LoginFileStatus> loginFiles = this.loginFileProblems.get();
		if (!loginFiles.isEmpty()) {
			builder.withDetail("loginFiles", loginFiles);
		}
	}

	private boolean holdsFreshToken(TokenState state) {
		TokenStatus status = state.status();
		if (status == TokenStatus.NO_TOKEN || status == TokenStatus.EXPIRED) {
			return false;
		}
		Instant freshUntil = (state.staleAt() != null) ? state.staleAt() : state.expiration();
		return freshUntil != null && this.clock.instant().isBefore(freshUntil);
	}

	private static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
