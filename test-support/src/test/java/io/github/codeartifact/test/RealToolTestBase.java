package io.github.codeartifact.test;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base for tests that drive the emulator with a real build tool: before each test it
 * starts an emulator on the system clock (the tools check dates against their own) with the
 * domain {@code my-domain} (owned by {@code 111122223333}) and its repository
 * {@code my-repo}; after each test it closes it.
 */
abstract class RealToolTestBase {

	@TempDir
	Path temp;

	CodeArtifactEmulator emulator;

	@BeforeEach
	void startEmulator() {
		this.emulator = CodeArtifactEmulator.builder()
			.domain("my-domain", "111122223333")
			.repository("my-domain", "my-repo")
			.build();
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.close();
	}

}
