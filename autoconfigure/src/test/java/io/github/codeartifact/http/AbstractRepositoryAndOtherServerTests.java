package io.github.codeartifact.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base for the tests of a client's authentication against the emulator's package repository and a
 * second plain HTTP server, both started fresh for each test and stopped after it. Both listen on
 * 127.0.0.1 on different ports: a resolved endpoint is trusted for its scheme, host and port only,
 * so the other server is another host to the code under test.
 */
abstract class AbstractRepositoryAndOtherServerTests {

	EmulatorRepository repository;

	RecordingServer other;

	@BeforeEach
	void start() {
		this.repository = new EmulatorRepository();
		this.other = new RecordingServer();
	}

	@AfterEach
	void stop() {
		this.other.close();
		this.repository.close();
	}

	/**
	 * Returns a provider that serves a valid token of the repository and another one on each
	 * refresh.
	 * @return the provider
	 */
	CountingTokenProvider validTokens() {
		return new CountingTokenProvider(this.repository.newToken(), this.repository::newToken);
	}

}
