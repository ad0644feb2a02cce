package io.github.codeartifact.actuate;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint with its default, read-only access: it can be read but not written.
 */
@SpringBootTest(classes = ActuatorHttpTestSupport.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=codeartifact")
@DirtiesContext
class CodeArtifactEndpointReadOnlyHttpTests extends ActuatorHttpTestBase {

	@Test
	void readIsAllowedButWriteIsRefused() {
		assertThat(this.actuator.get("codeartifact").status()).isEqualTo(200);
		int callsBefore = emulator.authorizationTokenCallCount();
		assertThat(this.actuator.post("codeartifact").status()).isEqualTo(405);
		assertThat(emulator.authorizationTokenCallCount()).isEqualTo(callsBefore);
		assertThat(this.actuator.get("codeartifact").json().get("refreshCount").asLong()).isEqualTo(1);
	}

	@Test
	void onlyTheIncludedEndpointsAreExposed() {
		assertThat(this.actuator.get("metrics/codeartifact.token.refresh").status()).isEqualTo(404);
		assertThat(this.actuator.get("health").status()).isEqualTo(404);
	}

}
