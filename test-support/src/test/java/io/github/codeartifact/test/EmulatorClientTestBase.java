package io.github.codeartifact.test;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/**
 * Base for tests that talk to a {@link CodeArtifactEmulator} through a real SDK client.
 * Before each test it starts an emulator with the domain {@code my-domain} (owned by
 * {@code 111122223333}) and its repository {@code my-repo}, on a {@link #clock} that
 * starts at {@link #NOW} and moves only when the test moves it, plus whatever
 * {@link #configure(CodeArtifactEmulator.Builder)} adds, and a client from
 * {@link CodeArtifactClients#client(CodeArtifactEmulator)}; after each test it closes
 * both.
 */
abstract class EmulatorClientTestBase {

	static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

	final MutableClock clock = MutableClock.startingAt(NOW);

	CodeArtifactEmulator emulator;

	CodeartifactClient client;

	@BeforeEach
	void startEmulatorAndClient() {
		CodeArtifactEmulator.Builder builder = CodeArtifactEmulator.builder()
			.domain("my-domain", "111122223333")
			.repository("my-domain", "my-repo")
			.clock(this.clock);
		configure(builder);
		this.emulator = builder.build();
		this.client = CodeArtifactClients.client(this.emulator);
	}

	/**
	 * Adds to the emulator's configuration (domains, repositories) before it starts.
	 * Does nothing unless overridden.
	 * @param builder the builder, with {@code my-domain} and {@code my-repo} added
	 */
	void configure(CodeArtifactEmulator.Builder builder) {
	}

	@AfterEach
	void stopEmulatorAndClient() {
		this.client.close();
		this.emulator.close();
	}

}
