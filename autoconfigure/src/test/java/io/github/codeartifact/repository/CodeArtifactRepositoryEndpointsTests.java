package io.github.codeartifact.repository;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.test.CodeArtifactError;
import io.github.codeartifact.test.EmulatorFault;
import io.github.codeartifact.test.Operation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CodeArtifactRepositoryEndpoints} with the real SDK client against the emulator,
 * counting GetRepositoryEndpoint calls on its call record.
 */
class CodeArtifactRepositoryEndpointsTests {

	private static final String DOMAIN = "my-domain";

	private static final String OWNER = "111122223333";

	private CodeArtifactEmulator emulator;

	private CodeartifactClient client;

	private CodeArtifactRepositoryEndpoints endpoints;

	@BeforeEach
	void start() {
		this.emulator = CodeArtifactEmulator.builder()
			.domain(DOMAIN, OWNER)
			.repository(DOMAIN, "my-repo")
			.repository(DOMAIN, "npm-only", "npm")
			.build();
		this.client = EmulatorClients.client(this.emulator);
		this.endpoints = new CodeArtifactRepositoryEndpoints(this.client, DOMAIN, OWNER);
	}

	@AfterEach
	void stop() {
		this.client.close();
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
	void unknownRepositoryIsNotRetryableAndNotCached() {
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
		assertThatExceptionOfType(CodeArtifactRepositoryEndpointException.class)
			.isThrownBy(() -> this.endpoints.endpoint("missing", PackageFormat.MAVEN));
		assertThat(endpointCalls()).isEqualTo(2);
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
	void throttlingIsRetryableWithItsRetryAfterAndTheNextCallerTriesAgain() {
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
		assertThat(this.endpoints.endpoint("my-repo", PackageFormat.MAVEN))
			.isEqualTo(this.emulator.repositoryEndpoint(DOMAIN, "my-repo", "maven"));
		assertThat(endpointCalls()).isEqualTo(2);
	}

	@Test
	void serverErrorIsRetryable() {
		this.emulator.enqueueFault(EmulatorFault.status(503).forOperation(Operation.GET_REPOSITORY_ENDPOINT), 1);
		assertThatExceptionOfType(CodeArtifactRepositoryEndpointException.class)
			.isThrownBy(() -> this.endpoints.endpoint("my-repo", PackageFormat.MAVEN))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
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
