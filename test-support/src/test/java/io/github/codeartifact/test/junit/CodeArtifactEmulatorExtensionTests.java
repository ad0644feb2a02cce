package io.github.codeartifact.test.junit;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.codeartifact.test.CodeArtifactEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CodeArtifactEmulatorExtension}.
 */
@ExtendWith(CodeArtifactEmulatorExtension.class)
class CodeArtifactEmulatorExtensionTests {

	private static final List<CodeArtifactEmulator> USED = new CopyOnWriteArrayList<>();

	private CodeArtifactEmulator beforeEach;

	@BeforeEach
	void remember(CodeArtifactEmulator emulator) {
		this.beforeEach = emulator;
		USED.add(emulator);
	}

	@Test
	void injectsARunningEmulatorWithTheDefaultDomainAndRepository(CodeArtifactEmulator emulator) throws IOException {
		assertThat(emulator).isSameAs(this.beforeEach);
		assertThat(emulator.repositoryEndpoint(CodeArtifactEmulator.DEFAULT_DOMAIN,
				CodeArtifactEmulator.DEFAULT_REPOSITORY, "maven"))
			.hasToString(emulator.endpoint() + "/my-domain-111122223333/maven/my-repo/");
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
			assertThat(socket.isConnected()).isTrue();
		}
	}

	@Test
	void eachTestGetsItsOwnEmulator(CodeArtifactEmulator emulator) {
		assertThat(emulator).isSameAs(this.beforeEach);
		assertThat(emulator.calls()).isEmpty();
	}

	@AfterAll
	static void everyEmulatorWasClosedAfterItsTest() {
		assertThat(USED).hasSize(2).doesNotHaveDuplicates();
		for (CodeArtifactEmulator emulator : USED) {
			assertThatExceptionOfType(ConnectException.class)
				.isThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), emulator.port()).close());
		}
	}

}
