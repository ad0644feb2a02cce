package io.github.codeartifact.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.TokenState;
import io.github.codeartifact.token.TokenStatus;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engine states for the unit tests, around a fixed "now".
 */
final class TestStates {

	static final String SECRET = "SECRET-eyJ2ZXIiOjEsImlzdSI6MTcwMDAwMDAwMH0-TOKEN";

	static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final CodeArtifactTarget TARGET = new CodeArtifactTarget("my-domain", null, "eu-west-1",
			Duration.ofHours(12));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TestStates() {
	}

	static TokenState noToken() {
		return new TokenState(TokenStatus.NO_TOKEN, null, null, null, NOW, null, null, 0, 0);
	}

	static TokenState fresh() {
		return new TokenState(TokenStatus.FRESH, NOW.plus(Duration.ofHours(11)), NOW.minus(Duration.ofHours(1)),
				NOW.plus(Duration.ofHours(10)), NOW.plus(Duration.ofHours(8)), NOW.minus(Duration.ofHours(1)), null, 3,
				1);
	}

	static TokenState refreshFailing(CodeArtifactTokenException failure) {
		return new TokenState(TokenStatus.REFRESH_FAILING, NOW.plusSeconds(600), NOW.minus(Duration.ofHours(11)),
				NOW.plusSeconds(300), NOW.plusSeconds(30), NOW.minusSeconds(5), failure, 5, 2);
	}

	static TokenState expired(CodeArtifactTokenException failure) {
		return new TokenState(TokenStatus.EXPIRED, NOW.minusSeconds(60), NOW.minus(Duration.ofHours(12)),
				NOW.minusSeconds(120), NOW.plusSeconds(60), NOW.minusSeconds(1), failure, 5, 7);
	}

	static CodeArtifactTokenException accessDenied() {
		return new CodeArtifactTokenException("User is not authorized to perform: codeartifact:GetAuthorizationToken",
				"AccessDeniedException", "my-domain", false, null);
	}

	static CodeArtifactTokenException ioError() {
		return new CodeArtifactTokenException("Unable to execute HTTP request: Connection refused", null, "my-domain",
				true, null);
	}

	/**
	 * Serializes a value as the actuator would and checks the token is nowhere in it.
	 * @param value the value
	 * @return the JSON
	 */
	static String assertJsonHasNoToken(Object value) {
		String json = JSON.writeValueAsString(value);
		assertThat(json).doesNotContain(SECRET);
		return json;
	}

}
