package io.github.codeartifact.observation;

import java.time.Instant;

import io.github.codeartifact.actuate.CodeArtifactMetricsAutoConfiguration;
import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.autoconfigure.CodeArtifactProperties;
import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.AuthorizationTokenFetcher;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleTracer;
import io.micrometer.tracing.test.simple.TracerAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link CodeArtifactObservationAutoConfiguration}.
 */
class CodeArtifactObservationAutoConfigurationTests {

	private static final AuthorizationTokenFetcher STUB = () -> new AuthorizationToken("SECRET-observed",
			Instant.now().plusSeconds(3600), Instant.now());

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CodeArtifactObservationAutoConfiguration.class))
		.withUserConfiguration(Properties.class)
		.withPropertyValues("codeartifact.domain=my-domain")
		.withBean(AuthorizationTokenFetcher.class, () -> STUB);

	@Test
	void fetcherBeansAreObservedWithBootsObservationRegistry() {
		this.runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class)).run((context) -> {
			AuthorizationTokenFetcher fetcher = context.getBean(AuthorizationTokenFetcher.class);
			assertThat(fetcher).isInstanceOf(ObservedAuthorizationTokenFetcher.class);
			assertThat(((ObservedAuthorizationTokenFetcher) fetcher).getDelegate()).isSameAs(STUB);
		});
	}

	@Test
	void nothingIsObservedWithoutAnObservationRegistry() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(CodeArtifactTokenMeterObservationHandler.class);
			assertThat(context.getBean(AuthorizationTokenFetcher.class)).isSameAs(STUB);
		});
	}

	@Test
	void nothingIsObservedWithoutMicrometerObservation() {
		this.runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(AuthorizationTokenFetcher.class)).isSameAs(STUB);
			});
	}

	@Test
	void theEnginesCallsAreSpansAndTheRefreshTimerIsRecordedOncePerCall() {
		SimpleTracer tracer = new SimpleTracer();
		application(tracer, STUB).run((context) -> {
			assertThat(context).hasNotFailed();
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			await().untilAsserted(() -> assertThat(meters.find("codeartifact.token.refresh").timers()).hasSize(1));
			Timer timer = meters.get("codeartifact.token.refresh")
				.tags("domain", "my-domain", "outcome", "success", "error", "none")
				.timer();
			assertThat(timer.count()).isEqualTo(1);
			assertThat(timer.getId().getDescription()).isEqualTo("Calls to CodeArtifact for an authorization token");
			assertThat(meters.find("codeartifact.token.refresh.active").meters()).isEmpty();
			TracerAssert.assertThat(tracer).onlySpan().hasTag("domain", "my-domain").hasTag("outcome", "success");
		});
	}

	@Test
	void aFailedCallKeepsTheAwsErrorCodeInTheTimersErrorTag() {
		SimpleTracer tracer = new SimpleTracer();
		AuthorizationTokenFetcher denied = () -> {
			throw new CodeArtifactTokenException("not authorized", "AccessDeniedException", "my-domain", false, null);
		};
		application(tracer, denied).withPropertyValues("codeartifact.fail-fast=false").run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				await().untilAsserted(() -> assertThat(meters.find("codeartifact.token.refresh").timers()).hasSize(1));
				assertThat(meters.get("codeartifact.token.refresh")
					.tags("domain", "my-domain", "outcome", "failure", "error", "AccessDeniedException")
					.timer()
					.count()).isEqualTo(1);
				TracerAssert.assertThat(tracer).onlySpan().hasTag("outcome", "failure");
			});
	}

	private ApplicationContextRunner application(SimpleTracer tracer, AuthorizationTokenFetcher fetcher) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class,
					CodeArtifactMetricsAutoConfiguration.class, CodeArtifactObservationAutoConfiguration.class,
					ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class))
			.withPropertyValues("codeartifact.domain=my-domain", "codeartifact.region=eu-west-1")
			.withBean(AuthorizationTokenFetcher.class, () -> fetcher)
			.withBean(DefaultTracingObservationHandler.class, () -> new DefaultTracingObservationHandler(tracer));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CodeArtifactProperties.class)
	static class Properties {

	}

}
