package io.github.codeartifact.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the {@link EmulatorFault#drip(Duration) drip} fault: the normal answer, one byte at a
 * time, which a socket read timeout cannot end and a deadline on the call can.
 */
class DripFaultTests extends EmulatorClientTestBase {

	@Test
	void dripDeliversTheNormalAnswerOverMoreThanTheSocketTimeout() {
		Duration socketTimeout = Duration.ofMillis(500);
		// About 250 bytes, 5 ms apart: each byte well inside the socket timeout, the whole answer past it
		this.emulator.enqueueFault(EmulatorFault.drip(Duration.ofMillis(5)).forOperation(Operation.GET_REPOSITORY_ENDPOINT),
				1);
		try (CodeartifactClient patient = CodeArtifactClients.builder(this.emulator)
			.httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(socketTimeout))
			.build()) {
			long start = System.nanoTime();
			String endpoint = patient
				.getRepositoryEndpoint((request) -> request.domain("my-domain").repository("my-repo").format("maven"))
				.repositoryEndpoint();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(endpoint).isEqualTo(this.emulator.repositoryEndpoint("my-domain", "my-repo", "maven").toString());
			assertThat(took).isGreaterThan(socketTimeout);
		}
		assertThat(this.emulator.calls()).singleElement()
			.satisfies((call) -> assertThat(call.fault()).isNotNull()
				.extracting(EmulatorFault::kind)
				.isEqualTo(EmulatorFault.Kind.DRIP));
		assertThat(getToken().authorizationToken()).isNotEmpty();
	}

	@Test
	void anAttemptTimeoutEndsADripAndTheDripStopsWhenTheClientGoesAway() {
		// About 1,300 bytes, 50 ms apart: over a minute, unless the client gives up
		this.emulator.enqueueFault(EmulatorFault.drip(Duration.ofMillis(50)), 1);
		try (CodeartifactClient bounded = CodeArtifactClients.builder(this.emulator)
			.httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(1)))
			.overrideConfiguration((override) -> override.retryStrategy(AwsRetryStrategy.doNotRetry())
				.apiCallAttemptTimeout(Duration.ofMillis(300)))
			.build()) {
			assertThatExceptionOfType(ApiCallAttemptTimeoutException.class)
				.isThrownBy(() -> bounded.getAuthorizationToken((request) -> request.domain("my-domain")));
			// The client dropped the connection: the emulator stops writing to it
			await().atMost(Duration.ofSeconds(5)).until(() -> this.emulator.openConnections() == 0);
			assertThat(bounded.getAuthorizationToken((request) -> request.domain("my-domain")).authorizationToken())
				.isNotEmpty();
		}
	}

	@Test
	void closingTheEmulatorEndsADripAndItsThreads() {
		this.emulator.enqueueFault(EmulatorFault.drip(Duration.ofMillis(100)), 1);
		ExecutorService caller = Executors.newSingleThreadExecutor();
		try {
			// No deadline on the call: only the emulator's close can end it
			CompletableFuture<GetAuthorizationTokenResponse> call = CompletableFuture.supplyAsync(this::getToken,
					caller);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> this.emulator.calls().size() == 1 && this.emulator.openConnections() == 1);
			assertThat(emulatorThreads()).isNotEmpty();
			this.emulator.close();
			assertThat(emulatorThreads()).isEmpty();
			assertThat(call).failsWithin(Duration.ofSeconds(5))
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(SdkClientException.class);
		}
		finally {
			caller.shutdownNow();
		}
	}

	@Test
	void misuseIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorFault.drip(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorFault.drip(Duration.ofMillis(-1)));
		assertThatIllegalStateException()
			.isThrownBy(() -> EmulatorFault.drip(Duration.ofMillis(10)).retryAfter(Duration.ofSeconds(1)));
		assertThat(EmulatorFault.drip(Duration.ofMillis(10)).forOperation(Operation.GET_AUTHORIZATION_TOKEN))
			.hasToString("DRIP PT0.01S on GetAuthorizationToken");
	}

	private List<Thread> emulatorThreads() {
		String prefix = "codeartifact-emulator-" + this.emulator.port() + "-";
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith(prefix))
			.toList();
	}

	private GetAuthorizationTokenResponse getToken() {
		return this.client.getAuthorizationToken((request) -> request.domain("my-domain"));
	}

}
