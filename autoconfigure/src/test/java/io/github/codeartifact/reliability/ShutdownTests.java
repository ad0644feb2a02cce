package io.github.codeartifact.reliability;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.test.EmulatorFault;
import io.github.codeartifact.token.ExecutorRefreshScheduler;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closing the application while a refresh is in flight: the emulator holds the answer back far
 * longer than the close may take.
 */
class ShutdownTests {

	static final Duration IN_FLIGHT = Duration.ofSeconds(20);

	static final Duration CLOSE_BOUND = Duration.ofSeconds(5);

	private CodeArtifactEmulator emulator;

	@BeforeEach
	void startEmulator() {
		this.emulator = CodeArtifactEmulator.builder().domain("my-domain", "111122223333").build();
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.close();
	}

	@Test
	void closingDuringAnInFlightRefreshIsQuickAndLeavesNoThread() {
		Set<Thread> before = refreshThreads();
		this.emulator.enqueueFault(EmulatorFault.latency(IN_FLIGHT), 1);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(EmulatorApplication.class)
			.web(WebApplicationType.NONE)
			.properties("codeartifact.domain=my-domain", "codeartifact.region=" + this.emulator.region(),
					"codeartifact.endpoint=" + this.emulator.endpoint(), "codeartifact.fail-fast=false")
			.run();
		Set<Thread> started;
		long start;
		try {
			RefreshingCodeArtifactTokenProvider provider = context.getBean(RefreshingCodeArtifactTokenProvider.class);
			// The emulator took the fault when the call arrived; it records the call once it answers
			await().atMost(Duration.ofSeconds(10)).until(() -> this.emulator.pendingFaults() == 0);
			assertThat(provider.state().status()).isEqualTo(TokenStatus.NO_TOKEN);
			assertThat(this.emulator.authorizationTokenCallCount()).as("calls answered").isZero();
			started = refreshThreads();
			started.removeAll(before);
			assertThat(started).as("the refresh thread of this application").hasSize(1);
		}
		finally {
			start = System.nanoTime();
			context.close();
		}
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		Thread refreshThread = started.iterator().next();
		System.out.println("FIGURE: shutdown during an in-flight refresh (answer held back " + IN_FLIGHT.toSeconds()
				+ " s): context closed in " + took.toMillis() + " ms; refresh thread alive after close: "
				+ refreshThread.isAlive());
		assertThat(took).as("time to close").isLessThan(CLOSE_BOUND);
		await().atMost(Duration.ofSeconds(1)).until(() -> !refreshThread.isAlive());
		assertThat(refreshThreads()).as("refresh threads left behind").isSubsetOf(before);
	}

	private static Set<Thread> refreshThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && ExecutorRefreshScheduler.THREAD_NAME.equals(thread.getName()))
			.collect(Collectors.toSet());
	}

}
