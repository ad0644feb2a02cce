package io.github.codeartifact.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenRefreshListener;
import io.github.codeartifact.token.TokenState;
import io.github.codeartifact.token.TokenStateSource;
import io.github.codeartifact.token.TokenStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.convert.support.ConfigurableConversionService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The conditions of the three actuator auto-configurations, on a stub provider.
 */
class CodeArtifactActuatorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CodeArtifactEndpointAutoConfiguration.class,
				CodeArtifactHealthIndicatorAutoConfiguration.class, CodeArtifactMetricsAutoConfiguration.class))
		.withPropertyValues("codeartifact.domain=my-domain")
		// Properties are converted as in an application: "none" is Access.NONE.
		.withInitializer((context) -> context.getEnvironment()
			.setConversionService((ConfigurableConversionService) ApplicationConversionService.getSharedInstance()));

	private final ApplicationContextRunner withProvider = this.runner.withBean(
			RefreshingCodeArtifactTokenProvider.class, CodeArtifactActuatorAutoConfigurationTests::provider);

	private static RefreshingCodeArtifactTokenProvider provider() {
		RefreshingCodeArtifactTokenProvider provider = mock(RefreshingCodeArtifactTokenProvider.class);
		given(provider.state()).willReturn(TestStates.fresh());
		return provider;
	}

	@Test
	void endpointWhenExposed() {
		this.withProvider.withPropertyValues("management.endpoints.web.exposure.include=codeartifact")
			.run((context) -> {
				assertThat(context).hasSingleBean(CodeArtifactEndpoint.class);
				assertThat(context.getBean(CodeArtifactEndpoint.class).state().domain()).isEqualTo("my-domain");
			});
	}

	@Test
	void noEndpointWhenNotExposed() {
		this.withProvider.run((context) -> assertThat(context).doesNotHaveBean(CodeArtifactEndpoint.class));
	}

	@Test
	void noEndpointWhenExcludedFromExposure() {
		this.withProvider
			.withPropertyValues("management.endpoints.web.exposure.include=*",
					"management.endpoints.web.exposure.exclude=codeartifact")
			.run((context) -> assertThat(context).doesNotHaveBean(CodeArtifactEndpoint.class));
	}

	@Test
	void noEndpointWhenItsAccessIsNone() {
		this.withProvider
			.withPropertyValues("management.endpoints.web.exposure.include=codeartifact",
					"management.endpoint.codeartifact.access=none")
			.run((context) -> assertThat(context).doesNotHaveBean(CodeArtifactEndpoint.class));
	}

	@Test
	void endpointOverJmxWhenExposedThere() {
		this.withProvider
			.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=codeartifact")
			.run((context) -> assertThat(context).hasSingleBean(CodeArtifactEndpoint.class));
	}

	@Test
	void noEndpointWithoutTheActuator() {
		this.withProvider.withPropertyValues("management.endpoints.web.exposure.include=codeartifact")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(CodeArtifactEndpoint.class);
			});
	}

	@Test
	void userEndpointWins() {
		CodeArtifactEndpoint own = new CodeArtifactEndpoint(provider(),
				new CodeArtifactTarget("own", null, null, null));
		this.withProvider.withPropertyValues("management.endpoints.web.exposure.include=codeartifact")
			.withBean("ownEndpoint", CodeArtifactEndpoint.class, () -> own)
			.run((context) -> assertThat(context).getBean(CodeArtifactEndpoint.class).isSameAs(own));
	}

	@Test
	void healthIndicatorByDefault() {
		this.withProvider.run((context) -> {
			assertThat(context).hasSingleBean(CodeArtifactHealthIndicator.class);
			assertThat(context).hasBean("codeartifactHealthIndicator");
		});
	}

	@Test
	void noHealthIndicatorWhenDisabled() {
		this.withProvider.withPropertyValues("management.health.codeartifact.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CodeArtifactHealthIndicator.class));
	}

	@Test
	void noHealthIndicatorWhenDefaultsAreDisabled() {
		this.withProvider.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CodeArtifactHealthIndicator.class));
	}

	@Test
	void healthIndicatorWhenDefaultsAreDisabledButItIsEnabled() {
		this.withProvider
			.withPropertyValues("management.health.defaults.enabled=false",
					"management.health.codeartifact.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(CodeArtifactHealthIndicator.class));
	}

	@Test
	void noHealthIndicatorWithoutHealthSupport() {
		this.withProvider.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean("codeartifactHealthIndicator");
		});
	}

	@Test
	void userHealthIndicatorWins() {
		HealthIndicator own = () -> null;
		this.withProvider.withBean("codeartifactHealthIndicator", HealthIndicator.class, () -> own)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(CodeArtifactHealthIndicator.class);
				assertThat(context.getBean("codeartifactHealthIndicator")).isSameAs(own);
			});
	}

	@Test
	void metricsWithAMeterRegistry() {
		this.withProvider.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
			.run((context) -> {
			assertThat(context).hasSingleBean(CodeArtifactTokenMetrics.class);
			assertThat(context.getBeansOfType(TokenRefreshListener.class)).hasSize(1);
			assertThat(context.getBean(MeterRegistry.class)
				.get("codeartifact.token.remaining")
				.tag("domain", "my-domain")
				.gauge()).isNotNull();
		});
	}

	@Test
	void metersAreRegisteredByBindingTheMeterBinderNotByCreatingIt() {
		this.withProvider.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			// Without Boot's metrics auto-configuration nothing binds it
			assertThat(context.getBean(CodeArtifactTokenMetrics.class)).isInstanceOf(MeterBinder.class);
			assertThat(context.getBean(MeterRegistry.class).getMeters()).isEmpty();
		});
	}

	@Test
	void noMetricsWithoutAMeterRegistry() {
		this.withProvider.run((context) -> assertThat(context).doesNotHaveBean(CodeArtifactTokenMetrics.class));
	}

	@Test
	void noMetricsWithoutMicrometer() {
		this.withProvider.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(CodeArtifactTokenMetrics.class);
		});
	}

	@Test
	void nothingWithoutARefreshingProvider() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=codeartifact")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(CodeArtifactEndpoint.class);
				assertThat(context).doesNotHaveBean(CodeArtifactHealthIndicator.class);
				assertThat(context).doesNotHaveBean(CodeArtifactTokenMetrics.class);
			});
	}

	@Test
	void allThreeWithTheAutoConfiguredProvider() {
		autoConfiguredProvider()
			.withPropertyValues("management.endpoints.web.exposure.include=codeartifact")
			.run((context) -> {
				assertThat(context).hasSingleBean(RefreshingCodeArtifactTokenProvider.class);
				assertThat(context).hasSingleBean(CodeArtifactEndpoint.class);
				assertThat(context).hasSingleBean(CodeArtifactHealthIndicator.class);
				assertThat(context).hasSingleBean(CodeArtifactTokenMetrics.class);
				CodeArtifactDescriptor state = context.getBean(CodeArtifactEndpoint.class).state();
				assertThat(state.domain()).isEqualTo("my-domain");
				assertThat(state.owner()).isEqualTo("111122223333");
				assertThat(state.region()).isEqualTo("eu-west-1");
				assertThat(state.requestedDuration()).isEqualTo("PT1H");
			});
	}

	@Test
	void nothingWhenTheProviderIsDisabled() {
		autoConfiguredProvider()
			.withPropertyValues("management.endpoints.web.exposure.include=codeartifact", "codeartifact.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(CodeArtifactEndpoint.class);
				assertThat(context).doesNotHaveBean(CodeArtifactHealthIndicator.class);
				assertThat(context).doesNotHaveBean(CodeArtifactTokenMetrics.class);
			});
	}

	// An application's own provider

	@Test
	void ownProviderWithoutStateGetsAHealthIndicatorFromItsTokensExpiry() {
		Instant expiration = Instant.now().plus(Duration.ofHours(1));
		AuthorizationToken token = new AuthorizationToken(TestStates.SECRET, expiration, Instant.now());
		this.runner.withBean(CodeArtifactTokenProvider.class, () -> new FixedTokenProvider(token))
			.withPropertyValues("management.endpoints.web.exposure.include=codeartifact")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasBean("codeartifactHealthIndicator");
				Health health = context.getBean("codeartifactHealthIndicator", HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("expiration", expiration)
					.containsKey("expiresInSeconds");
				TestStates.assertJsonHasNoToken(health);
				// Without its state, there is nothing for the endpoint or the meters to show.
				assertThat(context).doesNotHaveBean(CodeArtifactEndpoint.class);
				assertThat(context).doesNotHaveBean(CodeArtifactTokenMetrics.class);
			});
	}

	@Test
	void ownProviderWithStateGetsTheEndpointHealthAndMetrics() {
		StateShowingProvider own = new StateShowingProvider();
		this.runner.withBean(StateShowingProvider.class, () -> own)
			.withPropertyValues("management.endpoints.web.exposure.include=codeartifact")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CodeArtifactDescriptor state = context.getBean(CodeArtifactEndpoint.class).state();
				assertThat(state.domain()).isEqualTo("my-domain");
				assertThat(state.status()).isEqualTo(TokenStatus.FRESH);
				assertThat(state.nextRefresh()).isEqualTo(TestStates.fresh().nextRefresh());
				context.getBean(CodeArtifactEndpoint.class).refresh();
				assertThat(own.refreshes).hasValue(1);
				assertThat(context).hasSingleBean(CodeArtifactHealthIndicator.class);
				assertThat(context.getBean(CodeArtifactHealthIndicator.class).health().getDetails())
					.containsEntry("status", TokenStatus.FRESH);
				// The provider reports its fetches to the listener beans, as the starter's does.
				TokenRefreshListener listener = context.getBean(TokenRefreshListener.class);
				listener.onRefreshed(own.token, 1_000_000);
				assertThat(context.getBean(MeterRegistry.class)
					.get("codeartifact.token.refresh")
					.tags("domain", "my-domain", "outcome", "success", "error", "none")
					.timer()
					.count()).isEqualTo(1);
			});
	}

	static class FixedTokenProvider implements CodeArtifactTokenProvider {

		private final AuthorizationToken token;

		FixedTokenProvider(AuthorizationToken token) {
			this.token = token;
		}

		@Override
		public AuthorizationToken getAuthorizationToken() {
			return this.token;
		}

		@Override
		public AuthorizationToken refresh() {
			return this.token;
		}

	}

	static class StateShowingProvider implements CodeArtifactTokenProvider, TokenStateSource {

		final AtomicInteger refreshes = new AtomicInteger();

		final AuthorizationToken token = new AuthorizationToken(TestStates.SECRET,
				Instant.now().plus(Duration.ofHours(1)), Instant.now());

		@Override
		public AuthorizationToken getAuthorizationToken() {
			return this.token;
		}

		@Override
		public AuthorizationToken refresh() {
			this.refreshes.incrementAndGet();
			return this.token;
		}

		@Override
		public TokenState state() {
			return TestStates.fresh();
		}

	}

	/**
	 * The real auto-configurations, in their order. Without fail-fast the context starts at once; the
	 * provider's background fetch goes to a closed port and is cut short when the context closes.
	 */
	private ApplicationContextRunner autoConfiguredProvider() {
		return this.runner
			.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class,
					MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class))
			.withBean(AwsCredentialsProvider.class,
					() -> StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.withPropertyValues("codeartifact.owner=111122223333", "codeartifact.region=eu-west-1",
					"codeartifact.duration=1h", "codeartifact.endpoint=http://127.0.0.1:1",
					"codeartifact.fail-fast=false");
	}

}
