package io.github.codeartifact.actuate;

import java.util.concurrent.atomic.AtomicReference;

import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static io.github.codeartifact.actuate.TestStates.CLOCK;
import static io.github.codeartifact.actuate.TestStates.NOW;
import static io.github.codeartifact.actuate.TestStates.SECRET;
import static io.github.codeartifact.actuate.TestStates.assertJsonHasNoToken;
import static org.assertj.core.api.Assertions.assertThat;

class CodeArtifactTokenExpiryHealthIndicatorTests {

	private final AtomicReference<Object> answer = new AtomicReference<>();

	private final CodeArtifactTokenExpiryHealthIndicator indicator = new CodeArtifactTokenExpiryHealthIndicator(
			new CodeArtifactTokenProvider() {

				@Override
				public AuthorizationToken getAuthorizationToken() {
					Object next = CodeArtifactTokenExpiryHealthIndicatorTests.this.answer.get();
					if (next instanceof RuntimeException ex) {
						throw ex;
					}
					return (AuthorizationToken) next;
				}

				@Override
				public AuthorizationToken refresh() {
					throw new AssertionError("a health check never forces a refresh");
				}

			}, CLOCK);

	@Test
	void upWhileTheTokenHasNotExpired() {
		this.answer.set(new AuthorizationToken(SECRET, NOW.plusSeconds(600), NOW.minusSeconds(60)));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("expiration", NOW.plusSeconds(600))
			.containsEntry("expiresInSeconds", 600L)
			.doesNotContainKeys("errorCode", "message");
		assertJsonHasNoToken(health);
	}

	@Test
	void downWhenTheProviderHandsOutAnExpiredToken() {
		this.answer.set(new AuthorizationToken(SECRET, NOW.minusSeconds(1), NOW.minusSeconds(3600)));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("expiration", NOW.minusSeconds(1))
			.containsEntry("expiresInSeconds", 0L);
		assertJsonHasNoToken(health);
	}

	@Test
	void downWithTheErrorCodeWhenNoTokenCanBeHad() {
		this.answer.set(TestStates.accessDenied());
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("errorCode", "AccessDeniedException")
			.containsEntry("message", TestStates.accessDenied().getMessage())
			.doesNotContainKey("expiration");
	}

	@Test
	void downWithoutAnErrorCodeForAFailureThatDidNotComeFromTheService() {
		CodeArtifactTokenException failure = TestStates.ioError();
		this.answer.set(failure);
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("message", failure.getMessage()).doesNotContainKey("errorCode");
	}

}
