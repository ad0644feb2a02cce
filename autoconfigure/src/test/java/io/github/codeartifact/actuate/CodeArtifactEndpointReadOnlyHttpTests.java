package io.github.codeartifact.actuate;

import io.github.codeartifact.actuate.ActuatorHttpTestSupport.Actuator;
import io.github.codeartifact.actuate.ActuatorHttpTestSupport.IssuedTokens;
import io.github.codeartifact.test.CodeArtifactEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint with its default, read-only access: it can be read but not written.
 */
@SpringBootTest(classes = ActuatorHttpTestSupport.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=codeartifact")
@DirtiesContext
class CodeArtifactEndpointReadOnlyHttpTests {

	private static final CodeArtifactEmulator emulator = ActuatorHttpTestSupport.startEmulator();

	@DynamicPropertySource
	static void emulatorProperties(DynamicPropertyRegistry registry) {
		ActuatorHttpTestSupport.emulatorProperties(registry, emulator);
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@LocalServerPort
	private int port;

	@Autowired
	private IssuedTokens issued;

	@Test
	void readIsAllowedButWriteIsRefused() {
		Actuator actuator = new Actuator(this.port, this.issued);
		assertThat(actuator.get("codeartifact").status()).isEqualTo(200);
		int callsBefore = emulator.authorizationTokenCallCount();
		assertThat(actuator.post("codeartifact").status()).isEqualTo(405);
		assertThat(emulator.authorizationTokenCallCount()).isEqualTo(callsBefore);
		assertThat(actuator.get("codeartifact").json().get("refreshCount").asLong()).isEqualTo(1);
	}

	@Test
	void onlyTheIncludedEndpointsAreExposed() {
		Actuator actuator = new Actuator(this.port, this.issued);
		assertThat(actuator.get("metrics/codeartifact.token.refresh").status()).isEqualTo(404);
		assertThat(actuator.get("health").status()).isEqualTo(404);
	}

}
