package io.github.codeartifact.repository;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.test.CodeArtifactError;
import io.github.codeartifact.test.EmulatorFault;
import io.github.codeartifact.test.MutableClock;
import io.github.codeartifact.test.Operation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link CodeArtifactRepositoryEndpoints} with the real SDK client against the emulator,
 * counting GetRepositoryEndpoint calls on its call record. The failure hold runs on a clock the test
 * moves; waits for another caller's call are real time.
 */
class CodeArtifactRepositoryEndpointsTests {

	private static final String DOMAIN = "my-domain";

	private static final String OWNER = "111122223333";

	/** The API call timeout the endpoints are given, as the auto-configuration gives the client's. */
	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

	/** The clock of the failure hold: it only moves when a test moves it. */
	private final MutableClock clock = MutableClock.startingAt(Instant.parse("2025-03-01T00:00:00Z"));

	private CodeArtifactEmulator emulator;

	private CodeartifactClient client;

	private CodeArtifactRepositoryEndpoints endpoints;

	private ExecutorService callers;

	@BeforeEach
	void start() {
		this.emulator = CodeArtifactEmulator.builder()
			.domain(DOMAIN, OWNER)
			.repository(DOMAIN, "my-repo")
			.repository(DOMAIN, "npm-only", "npm")
			.build();
		this.client = EmulatorClients.client(this.emulator);
		this.endpoints = endpoints(CALL_TIMEOUT);
		this.callers = Executors.newCachedThreadPool();
	}

	private CodeArtifactRepositoryEndpoints endpoints(Duration callTimeout) {
		return new CodeArtifactRepositoryEndpoints(this.client, DOMAIN, OWNER, callTimeout, this.clock);
	}

	@AfterEach
	void stop() {
		this.callers.shutdownNow();
		this.client.close();
		// Ends a drip still in flight, and with it the call of its resolver
		this.emulator.close();
	}

	private int endpointCalls() {
		return this.emulator.calls(Operation.GET_REPOSITORY_ENDPOINT).size();
	}

	@Test
	void resolvesTheEndpointOnceForTheLifeOfTheObject() {
		URI expected = this.emulator.repositoryEndpoint(DOMAIN, "my-repo", "maven");
		assertThat(this.endpoints.endpoint("my-repo", PackageFormat.MAVEN)).isEqualTo(expected);
		assertThat(this.endpoints.endpoint("my-repo", PackageFormat.MAVEN)).isEqualTo(expected);
		assertThat(endpointCalls()).isEqualTo(1);
		assertThat(this.emulator.calls(Operation.GET_REPOSITORY_ENDPOINT).get(0).parameters())
			.containsEntry("domain", DOMAIN)
			.containsEntry("domain-owner", OWNER)
			.containsEntry("repository", "my-repo")
			.containsEntry("format", "maven");
	}

	@Test
	void eachRepositoryAndFormatIsResolvedOnce() {
		this.endpoints.endpoint("my-repo", PackageFormat.MAVEN);
		URI npm = this.endpoints.endpoint("my-repo", PackageFormat.NPM);
		this.endpoints.endpoint("npm-only", PackageFormat.NPM);
		this.endpoints.endpoint("my-repo", PackageFormat.NPM);
		assertThat(npm).isEqualTo(this.emulator.repositoryEndpoint(DOMAIN, "my-repo", "npm"));
		assertThat(endpointCalls()).isEqualTo(3);
	}

	@Test
	void concurrentCallersForTheSameKeyShareOneCall() throws Exception {
		// The one call is slow, so every caller arrives while it is in flight.
		this.emulator.enqueueFault(
				EmulatorFault.latency(Duration.ofSeconds(1)).forOperation(Operation.GET_REPOSITORY_ENDPOINT), 1);
		int callers = 16;
		ExecutorService executor = Executors.newFixedThreadPool(callers);
		try {
			CountDownLatch ready = new CountDownLatch(callers);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<URI>> results = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				results.add(executor.submit(() -> {
					ready.countDown();
					go.await();
					return this.endpoints.endpoint("my-repo", PackageFormat.MAVEN);
				}));
			}
			ready.await(10, TimeUnit.SECONDS);
			go.countDown();
			URI expected = this.emulator.repositoryEndpoint(DOMAIN, "my-repo", "maven");
			for (Future<URI> result : results) {
				assertThat(result.get(20, TimeUnit.SECONDS)).isEqualTo(expected);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(endpointCalls()).isEqualTo(1);
	}

	@Test
	void unknownRepositoryIsNotRetryableAndHeldBriefly() {
		assertThatExceptionOfType(CodeArtifactRepositoryEndpointException.class)
			.isThrownBy(() -> this.endpoints.endpoint("missing", PackageFormat.MAVEN))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("ResourceNotFoundException");
				assertThat(ex.isRetryable()).isFalse();
				assertThat(ex.getDomain()).isEqualTo(DOMAIN);
				assertThat(ex.getRepository()).isEqualTo("missing");
				assertThat(ex.getFormat()).isEqualTo(PackageFormat.MAVEN);
				assertThat(ex.getMessage()).contains("GetRepositoryEndpoint", "'missing'", "maven", DOMAIN, OWNER,
						"ResourceNotFoundException");
			});
		// Within the hold: the same failure, without a call
		assertThatExceptionOfType(CodeArtifactRepositoryEndpointException.class)
			.isThrownBy(() -> this.endpoints.endpoint("missing", PackageFormat.MAVEN))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("ResourceNotFoundException");
				assertThat(ex.getMessage()).contains("'missing'", "held until 2025-03-01T00:00:01Z");
			});
		assertThat(endpointCalls()).isEqualTo(1);
		// After it, a new call
		this.clock.advance(Duration.ofSeconds(1));
		assertThatExceptionOfType(CodeArtifactRepositoryEndpointException.class)
			.isThrownBy(() -> this.endpoints.endpoint("missing", PackageFormat.MAVEN));
		assertThat(endpointCalls()).isEqualTo(2);
	}

	@Test
	void aFailureIsHeldForOneSecondThenTheNextCallerTriesAgain() {
		failTheFirstCall();
		this.clock.advance(Duration.ofMillis(999));
		assertThatExceptionOfType(CodeArtifactRepositoryEndpointException.class)
			.isThrownBy(() -> this.endpoints.endpoint("my-repo", PackageFormat.MAVEN))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
		assertThat(endpointCalls()).isEqualTo(1);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.endpoints.endpoint("my-repo", PackageFormat.MAVEN))
			.isEqualTo(this.emulator.repositoryEndpoint(DOMAIN, "my-repo", "maven"));
		assertThat(endpointCalls()).isEqualTo(2);
		// Another repository or format is not held by this one's failure
		this.endpoints.endpoint("my-repo", PackageFormat.NPM);
		assertThat(endpointCalls()).isEqualTo(3);
	}

	@Test
	void aClockSteppedBackDoesNotProlongTheHold() {
		failTheFirstCall();
		this.clock.advance(Duration.ofHours(-1));
		assertThat(this.endpoints.endpoint("my-repo", PackageFormat.MAVEN))
			.isEqualTo(this.emulator.repositoryEndpoint(DOMAIN, "my-repo", "maven"));
		assertThat(endpointCalls()).isEqualTo(2);
	}

	@Test
	void concurrentCallersAgainstAFailingServiceMakeOneCall() throws Exception {
		this.emulator.enqueueFault(EmulatorFault.status(503).forOperation(Operation.GET_REPOSITORY_ENDPOINT), 1000);
		int callers = 50;
		int tries = 5;
		CountDownLatch ready = new CountDownLatch(callers);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<List<Throwable>>> results = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			results.add(this.callers.submit(() -> {
				ready.countDown();
				go.await();
				// Each caller tries again as soon as it fails: every try after the first comes after a failure
				List<Throwable> failures = new ArrayList<>();
				for (int attempt = 0; attempt < tries; attempt++) {
					try {
						this.endpoints.endpoint("my-repo", PackageFormat.MAVEN);
					}
					catch (RuntimeException ex) {
						failures.add(ex);
					}
				}
				return failures;
			}));
		}
		assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
		go.countDown();
		for (Future<List<Throwable>> result : results) {
			assertThat(result.get(20, TimeUnit.SECONDS)).hasSize(tries)
				.allSatisfy((failure) -> assertThat(failure)
					.isInstanceOfSatisfying(CodeArtifactRepositoryEndpointException.class, (ex) -> {
						assertThat(ex.isRetryable()).isTrue();
						assertThat(ex.getRepository()).isEqualTo("my-repo");
					}));
		}
		System.out.println("GetRepositoryEndpoint: " + callers + " callers x " + tries
				+ " tries against a failing service made " + endpointCalls() + " call(s)");
		assertThat(endpointCalls()).as("GetRepositoryEndpoint calls for %d callers x %d", callers, tries).isEqualTo(1);
	}

	@Test
	void aStuckResolutionReleasesItsWaitersAfterTheBound() throws Exception {
		// A client without API call timeouts, stuck on a drip; the endpoints are told calls take 200 ms
		Duration callTimeout = Duration.ofMillis(200);
		CodeArtifactRepositoryEndpoints stuck = endpoints(callTimeout);
		Duration bound = callTimeout.plus(CodeArtifactRepositoryEndpoints.WAIT_SLACK);
		this.emulator.enqueueFault(
				EmulatorFault.drip(Duration.ofMillis(100)).forOperation(Operation.GET_REPOSITORY_ENDPOINT), 1);
		Future<URI> resolver = this.callers.submit(() -> stuck.endpoint("my-repo", PackageFormat.MAVEN));
		await().atMost(Duration.ofSeconds(5)).until(() -> endpointCalls() == 1);
		int waiters = 5;
		List<Future<Duration>> waited = new ArrayList<>();
		for (int i = 0; i < waiters; i++) {
			waited.add(this.callers.submit(() -> {
				long start = System.nanoTime();
				assertThatExceptionOfType(CodeArtifactRepositoryEndpointException.class)
					.isThrownBy(() -> stuck.endpoint("my-repo", PackageFormat.MAVEN))
					.satisfies((ex) -> {
						assertThat(ex.isRetryable()).isTrue();
						assertThat(ex.getErrorCode()).isNull();
						assertThat(ex.getMessage()).contains("'my-repo'", "another caller's call",
								"did not complete within " + bound);
					});
				return Duration.ofNanos(System.nanoTime() - start);
			}));
		}
		await().atMost(bound.plusSeconds(5)).until(() -> waited.stream().allMatch(Future::isDone));
		for (Future<Duration> waiter : waited) {
			assertThat(waiter.get()).isGreaterThanOrEqualTo(bound);
		}
		assertThat(resolver.isDone()).as("the resolver is still stuck").isFalse();
		assertThat(endpointCalls()).isEqualTo(1);
	}

	@Test
	void anInterruptedWaiterKeepsItsInterruptFlag() throws Exception {
		this.emulator.enqueueFault(
				EmulatorFault.drip(Duration.ofMillis(100)).forOperation(Operation.GET_REPOSITORY_ENDPOINT), 1);
		this.callers.submit(() -> this.endpoints.endpoint("my-repo", PackageFormat.MAVEN));
		await().atMost(Duration.ofSeconds(5)).until(() -> endpointCalls() == 1);
		CompletableFuture<Throwable> failure = new CompletableFuture<>();
		CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
		Thread waiter = new Thread(() -> {
			try {
				this.endpoints.endpoint("my-repo", PackageFormat.MAVEN);
			}
			catch (RuntimeException ex) {
				failure.complete(ex);
			}
			interruptedAfter.complete(Thread.currentThread().isInterrupted());
		}, "endpoint-waiter");
		waiter.setDaemon(true);
		waiter.start();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> waiter.getState() == Thread.State.TIMED_WAITING || waiter.getState() == Thread.State.WAITING);
		waiter.interrupt();
		assertThat(failure).succeedsWithin(Duration.ofSeconds(5))
			.isInstanceOfSatisfying(CodeArtifactRepositoryEndpointException.class, (ex) -> {
				assertThat(ex.getMessage()).contains("interrupted");
				assertThat(ex.getCause()).isInstanceOf(InterruptedException.class);
			});
		assertThat(interruptedAfter).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(true);
	}

	@Test
	void rejectsANonPositiveCallTimeout() {
		assertThatIllegalArgumentException().isThrownBy(() -> endpoints(Duration.ZERO))
			.withMessageContaining("callTimeout");
	}

	@Test
	void formatWithoutAnEndpointIsNotFound() {
		assertThatExceptionOfType(CodeArtifactRepositoryEndpointException.class)
			.isThrownBy(() -> this.endpoints.endpoint("npm-only", PackageFormat.MAVEN))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("ResourceNotFoundException"));
	}

	@Test
	void accessDeniedIsNotRetryable() {
		CodeArtifactRepositoryEndpoints otherOwner = new CodeArtifactRepositoryEndpoints(this.client, DOMAIN,
				"999999999999");
		assertThatExceptionOfType(CodeArtifactRepositoryEndpointException.class)
			.isThrownBy(() -> otherOwner.endpoint("my-repo", PackageFormat.MAVEN))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("AccessDeniedException");
				assertThat(ex.isRetryable()).isFalse();
			});
	}

	@Test
	void throttlingIsRetryableAndHeldForItsRetryAfter() {
		this.emulator.enqueueFault(EmulatorFault.error(CodeArtifactError.THROTTLING)
			.retryAfter(Duration.ofSeconds(7))
			.forOperation(Operation.GET_REPOSITORY_ENDPOINT), 1);
		assertThatExceptionOfType(CodeArtifactRepositoryEndpointException.class)
			.isThrownBy(() -> this.endpoints.endpoint("my-repo", PackageFormat.MAVEN))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("ThrottlingException");
				assertThat(ex.isRetryable()).isTrue();
				assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
			});
		// Held for the Retry-After, longer than the one-second hold
		this.clock.advance(Duration.ofSeconds(6));
		assertThatExceptionOfType(CodeArtifactRepositoryEndpointException.class)
			.isThrownBy(() -> this.endpoints.endpoint("my-repo", PackageFormat.MAVEN))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(7)));
		assertThat(endpointCalls()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.endpoints.endpoint("my-repo", PackageFormat.MAVEN))
			.isEqualTo(this.emulator.repositoryEndpoint(DOMAIN, "my-repo", "maven"));
		assertThat(endpointCalls()).isEqualTo(2);
	}

	@Test
	void serverErrorIsRetryable() {
		assertThat(failTheFirstCall().isRetryable()).isTrue();
	}

	/** Makes the next GetRepositoryEndpoint call answer 503, and calls for my-repo. */
	private CodeArtifactRepositoryEndpointException failTheFirstCall() {
		this.emulator.enqueueFault(EmulatorFault.status(503).forOperation(Operation.GET_REPOSITORY_ENDPOINT), 1);
		return assertThatExceptionOfType(CodeArtifactRepositoryEndpointException.class)
			.isThrownBy(() -> this.endpoints.endpoint("my-repo", PackageFormat.MAVEN))
			.actual();
	}

	@Test
	void connectionResetIsRetryableWithoutErrorCode() {
		// HttpURLConnection quietly sends a GET once more after a reset: reset both.
		this.emulator.enqueueFault(EmulatorFault.connectionReset().forOperation(Operation.GET_REPOSITORY_ENDPOINT), 2);
		assertThatExceptionOfType(CodeArtifactRepositoryEndpointException.class)
			.isThrownBy(() -> this.endpoints.endpoint("my-repo", PackageFormat.MAVEN))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isNull();
				assertThat(ex.isRetryable()).isTrue();
				assertThat(ex.getMessage()).contains("client-side failure");
			});
	}

	@Test
	void answerWithoutEndpointIsMalformedAndRetryable() {
		this.emulator.enqueueFault(EmulatorFault.missingFields().forOperation(Operation.GET_REPOSITORY_ENDPOINT), 1);
		assertThatExceptionOfType(CodeArtifactRepositoryEndpointException.class)
			.isThrownBy(() -> this.endpoints.endpoint("my-repo", PackageFormat.MAVEN))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("MalformedResponse");
				assertThat(ex.isRetryable()).isTrue();
			});
	}

	@Test
	void recordsTheOriginsOfResolvedEndpoints() {
		URI endpoint = this.emulator.repositoryEndpoint(DOMAIN, "my-repo", "maven");
		URI file = endpoint.resolve("com/example/lib/maven-metadata.xml");
		assertThat(this.endpoints.isResolvedOrigin(file)).isFalse();
		this.endpoints.endpoint("my-repo", PackageFormat.MAVEN);
		assertThat(this.endpoints.isResolvedOrigin(file)).isTrue();
		assertThat(this.endpoints.resolvedOrigins()).containsExactly("http://127.0.0.1:" + this.emulator.port());
		// Another port, another scheme or another name of the same machine is another origin.
		assertThat(this.endpoints.isResolvedOrigin(URI.create("http://127.0.0.1:" + (this.emulator.port() + 1) + "/")))
			.isFalse();
		assertThat(this.endpoints.isResolvedOrigin(URI.create("https://127.0.0.1:" + this.emulator.port() + "/")))
			.isFalse();
		assertThat(this.endpoints.isResolvedOrigin(URI.create("http://localhost:" + this.emulator.port() + "/")))
			.isFalse();
	}

	@Test
	void rejectsUnknownFormatsAndBlankRepositories() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.endpoints.endpoint("my-repo", PackageFormat.UNKNOWN_TO_SDK_VERSION));
		assertThatIllegalArgumentException().isThrownBy(() -> this.endpoints.endpoint(" ", PackageFormat.MAVEN));
		assertThat(endpointCalls()).isZero();
	}

	@Test
	void defaultPortsCountAsTheSameOrigin() {
		assertThat(CodeArtifactRepositoryEndpoints.origin(URI.create("https://Example.com/maven/")))
			.isEqualTo(CodeArtifactRepositoryEndpoints.origin(URI.create("https://example.com:443/x")));
	}

}
