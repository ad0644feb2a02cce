package io.github.codeartifact.token;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AuthorizationToken} and {@link CodeArtifactTokenException}.
 */
class AuthorizationTokenTests {

	@Test
	void toStringMasksTheToken() {
		Instant now = Instant.parse("2025-01-01T00:00:00Z");
		AuthorizationToken token = new AuthorizationToken("secret-token-value", now.plusSeconds(60), now);
		assertThat(token.toString()).doesNotContain("secret-token-value").contains("******");
		assertThat(token.lifetime()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void exceptionCarriesItsClassification() {
		CodeArtifactTokenException ex = new CodeArtifactTokenException("throttled", "ThrottlingException", "d", true,
				Duration.ofSeconds(3), null);
		assertThat(ex.getErrorCode()).isEqualTo("ThrottlingException");
		assertThat(ex.getDomain()).isEqualTo("d");
		assertThat(ex.isRetryable()).isTrue();
		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(3));
	}

}
