package io.github.codeartifact.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.AuthorizationTokenFetcher;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.ExecutorRefreshScheduler;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenRefreshSettings;
import io.github.codeartifact.token.TokenStatus;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static io.github.codeartifact.actuate.TestStates.assertJsonHasNoToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The endpoint, the health indicator and the meters on the real refresh engine, fed by a stub fetcher
 * whose tokens are secrets that must never show.
 */
class CodeArtifactActuatorEngineTests {

	private final AtomicInteger issued = new AtomicInteger();

	private final AtomicReference<CodeArtifactTokenException> failure = new AtomicReference<>();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final CodeArtifactTokenMetrics metrics = new CodeArtifactTokenMetrics("my-domain");

	private RefreshingCodeArtifactTokenProvider provider;

	private CodeArtifactEndpoint endpoint;

	private CodeArtifactHealthIndicator health;

	@BeforeEach
	void startEngine() {
		this.metrics.bindTo(this.registry);
		AuthorizationTokenFetcher fetcher = () -> {
			CodeArtifactTokenException ex = this.failure.get();
			if (ex != null) {
				throw ex;
			}
			Instant now = Instant.now();
			return new AuthorizationToken(secret(this.issued.incrementAndGet()), now.plus(Duration.ofHours(1)), now);
		};
		TokenRefreshSettings settings = new TokenRefreshSettings(Duration.ofMinutes(1), Duration.ofSeconds(5),
				Duration.ofMillis(50), Duration.ofMillis(200), 2.0, Duration.ofMinutes(5), Duration.ofSeconds(5));
		this.provider = new RefreshingCodeArtifactTokenProvider("my-domain", fetcher, settings, Clock.systemUTC(),
				new ExecutorRefreshScheduler(), this.metrics, new Random());
		this.provider.start();
		this.provider.awaitFirstToken();
		this.endpoint = new CodeArtifactEndpoint(this.provider, TestStates.TARGET);
		this.health = new CodeArtifactHealthIndicator(this.provider);
	}

	@AfterEach
	void closeEngine() {
		this.provider.close();
	}

	private static String secret(int n) {
		return TestStates.SECRET + "-" + n;
	}

	@Test
	void readShowsTheFirstToken() {
		CodeArtifactDescriptor state = this.endpoint.state();
		assertThat(state.status()).isIn(TokenStatus.FRESH, TokenStatus.REFRESHING);
		assertThat(state.refreshCount()).isEqualTo(1);
		assertThat(state.expiresInSeconds()).isBetween(3500L, 3600L);
		assertThat(state.lastRefresh().outcome()).isEqualTo("success");
		assertJsonHasNoToken(state);
	}

	@Test
	void writeFetchesANewToken() {
		CodeArtifactDescriptor state = this.endpoint.refresh();
		assertThat(state.refreshCount()).isEqualTo(2);
		assertThat(this.provider.getToken()).isEqualTo(secret(2));
		assertJsonHasNoToken(state);
		// The engine tells its listeners after it completes the refresh
		await().untilAsserted(() -> assertThat(
				this.registry.find("codeartifact.token.refresh").tag("outcome", "success").timer())
			.isNotNull()
			.extracting(Timer::count)
			.isEqualTo(2L));
	}

	@Test
	void aFailedWriteKeepsTheCurrentTokenInService() {
		this.failure.set(new CodeArtifactTokenException("Not authorized", "AccessDeniedException", "my-domain",
				false, null));
		CodeArtifactDescriptor state = this.endpoint.refresh();
		assertThat(state.status()).isEqualTo(TokenStatus.REFRESH_FAILING);
		assertThat(state.failureCount()).isEqualTo(1);
		assertThat(state.lastRefresh().outcome()).isEqualTo("failure");
		assertThat(state.lastRefresh().errorCode()).isEqualTo("AccessDeniedException");
		assertJsonHasNoToken(state);
		assertThat(this.provider.getToken()).isEqualTo(secret(1));
		Health health = this.health.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsKey("lastFailure");
		assertJsonHasNoToken(health);
		await().untilAsserted(() -> assertThat(this.registry.find("codeartifact.token.refresh")
			.tags("outcome", "failure", "error", "AccessDeniedException")
			.timer()).isNotNull().extracting(Timer::count).isEqualTo(1L));
		assertThat(this.registry.getMetersAsString()).doesNotContain(TestStates.SECRET);
	}

	@Test
	void healthIsUpWithAFreshToken() {
		Health health = this.health.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertJsonHasNoToken(health);
	}

}
