package io.github.codeartifact.actuate;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.codeartifact.buildtools.LoginFileOutcome;
import io.github.codeartifact.buildtools.LoginFileStatus;
import io.github.codeartifact.token.TokenState;
import io.github.codeartifact.token.TokenStatus;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static io.github.codeartifact.actuate.TestStates.CLOCK;
import static io.github.codeartifact.actuate.TestStates.NOW;
import static io.github.codeartifact.actuate.TestStates.assertJsonHasNoToken;
import static org.assertj.core.api.Assertions.assertThat;

class CodeArtifactHealthIndicatorTests {

	private final AtomicReference<TokenState> state = new AtomicReference<>();

	private final CodeArtifactHealthIndicator indicator = new CodeArtifactHealthIndicator(this.state::get, CLOCK);

	@Test
	void upWhileAFreshTokenIsHeld() {
		this.state.set(TestStates.fresh());
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("status", TokenStatus.FRESH)
			.containsEntry("expiration", NOW.plusSeconds(11 * 3600))
			.containsEntry("expiresInSeconds", 11 * 3600L)
			.doesNotContainKeys("lastFailure", "errorCode");
		assertJsonHasNoToken(health);
	}

	@Test
	void upWithTheLastFailureWhileRefreshesFail() {
		this.state.set(TestStates.refreshFailing(TestStates.accessDenied()));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("status", TokenStatus.REFRESH_FAILING)
			.containsEntry("expiresInSeconds", 600L)
			.doesNotContainKey("errorCode");
		assertThat(health.getDetails().get("lastFailure")).isInstanceOfSatisfying(Map.class,
				(failure) -> assertThat(failure).containsEntry("errorCode", "AccessDeniedException")
					.containsEntry("time", NOW.minusSeconds(5))
					.containsKey("message"));
		assertJsonHasNoToken(health);
	}

	@Test
	void anUnparseableLoginFileIsADetailAndTheStatusStaysUp() {
		LoginFileStatus unparseable = new LoginFileStatus("maven-settings", "/home/u/.m2/settings.xml",
				LoginFileOutcome.UNPARSEABLE, NOW, "settings.xml is not well-formed XML: line 2");
		CodeArtifactHealthIndicator indicator = new CodeArtifactHealthIndicator(this.state::get, CLOCK,
				() -> Map.of("maven-settings", unparseable));
		this.state.set(TestStates.fresh());
		Health health = indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("loginFiles", Map.of("maven-settings", unparseable));
		assertThat(this.indicator.health().getDetails()).doesNotContainKey("loginFiles");
		assertJsonHasNoToken(health);
	}

	@Test
	void downBeforeTheFirstToken() {
		this.state.set(TestStates.noToken());
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("status", TokenStatus.NO_TOKEN)
			.doesNotContainKeys("expiration", "errorCode");
	}

	@Test
	void downWithTheErrorCodeWhenTheTokenExpired() {
		this.state.set(TestStates.expired(TestStates.accessDenied()));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("status", TokenStatus.EXPIRED)
			.containsEntry("errorCode", "AccessDeniedException")
			.containsEntry("expiresInSeconds", 0L)
			.containsKey("lastFailure");
		assertJsonHasNoToken(health);
	}

	@Test
	void downWithoutErrorCodeWhenTheFailureHasNone() {
		this.state.set(TestStates.expired(TestStates.ioError()));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).doesNotContainKey("errorCode");
		assertThat(health.getDetails().get("lastFailure")).isInstanceOfSatisfying(Map.class,
				(failure) -> assertThat(failure).doesNotContainKey("errorCode")
					.containsEntry("message", "Unable to execute HTTP request: Connection refused"));
	}

	@Test
	void downWhenTheTokenWentStaleBeforeTheEngineNoticed() {
		TokenState stale = new TokenState(TokenStatus.FRESH, NOW.plusSeconds(30), NOW.minusSeconds(3600),
				NOW.minusSeconds(1), null, NOW.minusSeconds(3600), null, 1, 0);
		this.state.set(stale);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
	}

}
