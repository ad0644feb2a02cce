package io.github.codeartifact.http;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the redirect tests: the {@link RedirectServers}, started once for a test class and
 * cleared before each test, and the transports a test class built, closed after it.
 */
abstract class AbstractRedirectTests {

	static RedirectServers servers;

	private static final List<Runnable> closers = new ArrayList<>();

	@BeforeAll
	static void startServers() {
		servers = new RedirectServers();
	}

	@AfterAll
	static void stopServers() {
		closers.forEach(Runnable::run);
		closers.clear();
		servers.close();
	}

	@BeforeEach
	void resetServers() {
		servers.reset();
	}

	/**
	 * Closes something after the test class.
	 */
	static void closeAfterAll(Runnable closer) {
		closers.add(closer);
	}

}
