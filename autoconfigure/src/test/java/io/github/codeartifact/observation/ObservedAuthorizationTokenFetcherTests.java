package io.github.codeartifact.observation;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.AuthorizationTokenFetcher;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleTracer;
import io.micrometer.tracing.test.simple.TracerAssert;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ObservedAuthorizationTokenFetcher}: one {@code codeartifact.token.refresh}
 * observation per call, with its keys, for a success and for each kind of failure, and a span.
 */
class ObservedAuthorizationTokenFetcherTests {

	private static final String SECRET = "SECRET-observed-TOKEN";

	private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@Test
	void aSuccessfulCallIsOneObservation() {
		AtomicInteger calls = new AtomicInteger();
		AuthorizationTokenFetcher observed = observed(() -> {
			calls.incrementAndGet();
			// The call runs inside the observation's scope
			assertThat(this.registry.getCurrentObservation()).isNotNull();
			return new AuthorizationToken(SECRET, NOW.plusSeconds(3600), NOW);
		}, this.registry);
		assertThat(observed.fetch().token()).isEqualTo(SECRET);
		assertThat(calls).hasValue(1);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsEqualTo(1)
			.hasSingleObservationThat()
			.hasNameEqualTo("codeartifact.token.refresh")
			.hasContextualNameEqualTo("codeartifact GetAuthorizationToken")
			.hasBeenStarted()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("domain", "my-domain")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasLowCardinalityKeyValue("error", "none");
		assertNoKeyHoldsTheToken();
	}

	@Test
	void aFailureWithAnAwsErrorCodeHasTheCodeAsItsError() {
		CodeArtifactTokenException denied = new CodeArtifactTokenException("not authorized", "AccessDeniedException",
				"my-domain", false, null);
		AuthorizationTokenFetcher observed = observed(() -> {
			throw denied;
		}, this.registry);
		assertThatExceptionOfType(CodeArtifactTokenException.class).isThrownBy(observed::fetch).isSameAs(denied);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsEqualTo(1)
			.hasSingleObservationThat()
			.hasBeenStopped()
			.hasError(denied)
			.hasLowCardinalityKeyValue("domain", "my-domain")
			.hasLowCardinalityKeyValue("outcome", "failure")
			.hasLowCardinalityKeyValue("error", "AccessDeniedException");
	}

	@Test
	void aFailureWithoutACodeHasTheClassOfItsCause() {
		CodeArtifactTokenException io = new CodeArtifactTokenException("Unable to execute HTTP request", null,
				"my-domain", true, SdkClientException.create("Connection refused"));
		AuthorizationTokenFetcher observed = observed(() -> {
			throw io;
		}, this.registry);
		assertThatExceptionOfType(CodeArtifactTokenException.class).isThrownBy(observed::fetch);
		IllegalStateException bug = new IllegalStateException("a fetcher's bug");
		AuthorizationTokenFetcher buggy = observed(() -> {
			throw bug;
		}, this.registry);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(buggy::fetch).isSameAs(bug);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsEqualTo(2)
			.hasAnObservation((observation) -> observation.hasError(io)
				.hasLowCardinalityKeyValue("outcome", "failure")
				.hasLowCardinalityKeyValue("error", "SdkClientException"))
			.hasAnObservation((observation) -> observation.hasError(bug)
				.hasLowCardinalityKeyValue("outcome", "failure")
				.hasLowCardinalityKeyValue("error", "IllegalStateException"));
	}

	@Test
	void eachCallIsItsOwnObservation() {
		AuthorizationTokenFetcher observed = observed(() -> new AuthorizationToken(SECRET, NOW.plusSeconds(3600), NOW),
				this.registry);
		observed.fetch();
		observed.fetch();
		observed.fetch();
		TestObservationRegistryAssert.assertThat(this.registry).hasNumberOfObservationsEqualTo(3);
	}

	@Test
	void aTracerGetsOneSpanPerCallWithTheKeysAsTags() {
		SimpleTracer tracer = new SimpleTracer();
		ObservationRegistry traced = ObservationRegistry.create();
		traced.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
		observed(() -> new AuthorizationToken(SECRET, NOW.plusSeconds(3600), NOW), traced).fetch();
		TracerAssert.assertThat(tracer)
			.onlySpan()
			.hasNameEqualTo("codeartifact GetAuthorizationToken")
			.hasTag("domain", "my-domain")
			.hasTag("outcome", "success")
			// Micrometer Tracing keeps "error" for the span's error, not as a tag
			.doesNotHaveTagWithKey("error")
			.isEnded();
		assertThat(tracer.onlySpan().getTags().toString()).doesNotContain(SECRET);
	}

	@Test
	void aFailedCallIsASpanWithTheError() {
		SimpleTracer tracer = new SimpleTracer();
		ObservationRegistry traced = ObservationRegistry.create();
		traced.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
		CodeArtifactTokenException throttled = new CodeArtifactTokenException("Rate exceeded", "ThrottlingException",
				"my-domain", true, null);
		AuthorizationTokenFetcher observed = observed(() -> {
			throw throttled;
		}, traced);
		assertThatExceptionOfType(CodeArtifactTokenException.class).isThrownBy(observed::fetch);
		TracerAssert.assertThat(tracer)
			.onlySpan()
			.hasTag("outcome", "failure")
			.isEnded()
			// Micrometer Tracing turns the "error" key into the span's error
			.assertThatThrowable()
			.hasMessage("ThrottlingException");
	}

	@Test
	void anApplicationsConventionReplacesTheDefault() {
		CodeArtifactTokenObservationConvention own = new CodeArtifactTokenObservationConvention() {

			@Override
			public String getName() {
				return "my.token.calls";
			}

		};
		new ObservedAuthorizationTokenFetcher(() -> new AuthorizationToken(SECRET, NOW.plusSeconds(3600), NOW),
				this.registry, own, "my-domain", null)
			.fetch();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasNameEqualTo("my.token.calls");
	}

	private void assertNoKeyHoldsTheToken() {
		TestObservationRegistryAssert.assertThat(this.registry).hasSingleObservationThat().satisfies((context) -> {
			for (KeyValue keyValue : context.getAllKeyValues()) {
				assertThat(keyValue.getValue()).doesNotContain(SECRET);
			}
			assertThat(context.toString()).doesNotContain(SECRET);
		});
	}

	private static AuthorizationTokenFetcher observed(AuthorizationTokenFetcher fetcher, ObservationRegistry registry) {
		return new ObservedAuthorizationTokenFetcher(fetcher, registry, null, "my-domain", "111122223333");
	}

}
