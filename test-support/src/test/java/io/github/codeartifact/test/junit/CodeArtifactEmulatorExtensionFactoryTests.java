package io.github.codeartifact.test.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.codeartifact.test.CodeArtifactEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CodeArtifactEmulatorExtension} registered with a factory.
 */
class CodeArtifactEmulatorExtensionFactoryTests {

	@RegisterExtension
	static final CodeArtifactEmulatorExtension emulators = new CodeArtifactEmulatorExtension(
			() -> CodeArtifactEmulator.builder().domain("acme", "123456789012").repository("acme", "libs").region("eu-west-1").build());

	@Test
	void injectsTheEmulatorTheFactoryBuilt(CodeArtifactEmulator emulator) {
		assertThat(emulator.region()).isEqualTo("eu-west-1");
		assertThat(emulator.repositoryEndpoint("acme", "libs", "npm"))
			.hasToString(emulator.endpoint() + "/acme-123456789012/npm/libs/");
	}

}
