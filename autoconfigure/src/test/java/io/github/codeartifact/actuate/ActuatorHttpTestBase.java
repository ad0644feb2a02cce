package io.github.codeartifact.actuate;

import io.github.codeartifact.actuate.ActuatorHttpTestSupport.Actuator;
import io.github.codeartifact.actuate.ActuatorHttpTestSupport.IssuedTokens;
import io.github.codeartifact.test.CodeArtifactEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the actuator's HTTP tests. Each test class gets its own CodeArtifact emulator,
 * started before its application context loads and closed after its last test, the
 * application pointed at it, and before each test a fresh {@link Actuator} on the
 * application's port. The test classes run one after the other, each with its own
 * context ({@code @DirtiesContext}), so the one static emulator is only ever that of
 * the running class.
 */
abstract class ActuatorHttpTestBase {

	static CodeArtifactEmulator emulator;

	@LocalServerPort
	private int port;

	@Autowired
	private IssuedTokens issued;

	Actuator actuator;

	@BeforeAll
	static void startEmulator() {
		emulator = ActuatorHttpTestSupport.startEmulator();
	}

	@DynamicPropertySource
	static void emulatorProperties(DynamicPropertyRegistry registry) {
		ActuatorHttpTestSupport.emulatorProperties(registry, emulator);
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@BeforeEach
	void actuator() {
		this.actuator = new Actuator(this.port, this.issued);
	}

}
