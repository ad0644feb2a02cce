package io.github.codeartifact.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import io.github.codeartifact.event.ApplicationEventTokenRefreshListener;
import io.github.codeartifact.event.CodeArtifactTokenRefreshFailedEvent;
import io.github.codeartifact.event.CodeArtifactTokenRefreshedEvent;
import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.test.CodeArtifactError;
import io.github.codeartifact.test.EmulatorFault;
import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.AuthorizationTokenFetcher;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import io.github.codeartifact.token.ExecutorRefreshScheduler;
import io.github.codeartifact.token.RefreshScheduler;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.SdkAuthorizationTokenFetcher;
import io.github.codeartifact.token.TokenRefreshListener;
import io.github.codeartifact.token.TokenRefreshSettings;
import io.github.codeartifact.token.TokenStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.CodeartifactException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.StreamUtils;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link CodeArtifactAutoConfiguration}. Tokens come from a {@link CodeArtifactEmulator} on
 * the loopback interface, signed with {@code test}/{@code test} credentials from a bean, or from a
 * fake {@link AuthorizationTokenFetcher} where no call is needed.
 */
@ExtendWith(OutputCaptureExtension.class)
class CodeArtifactAutoConfigurationTests {

	private static final String DOMAIN = "my-domain";

	private static final String OWNER = "111122223333";

	private static CodeArtifactEmulator emulator;

	@BeforeAll
	static void startEmulator() {
		emulator = CodeArtifactEmulator.builder().domain(DOMAIN, OWNER).repository(DOMAIN, "my-repo").build();
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	private static StaticCredentialsProvider testCredentials() {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
	}

	/** A context against the emulator, with test credentials from a bean. */
	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
			.withBean(AwsCredentialsProvider.class, CodeArtifactAutoConfigurationTests::testCredentials)
			.withPropertyValues("codeartifact.domain=" + DOMAIN, "codeartifact.region=us-east-1",
					"codeartifact.endpoint=" + emulator.endpoint());
	}

	/** A context whose tokens come from a fake fetcher: no AWS call at all. */
	private ApplicationContextRunner offlineRunner() {
		return runner().withBean(AuthorizationTokenFetcher.class, () -> fakeFetcher(new AtomicInteger()));
	}

	private static AuthorizationTokenFetcher fakeFetcher(AtomicInteger calls) {
		return () -> {
			calls.incrementAndGet();
			Instant now = Instant.now();
			return new AuthorizationToken("fake-token-" + calls.get(), now.plus(Duration.ofHours(12)), now);
		};
	}

	// Beans and their conditions

	@Test
	void startupFetchesTokenFromTheEmulator() {
		runner().run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(CodeArtifactProperties.class)
				.hasSingleBean(CodeartifactClient.class)
				.hasSingleBean(SdkAuthorizationTokenFetcher.class)
				.hasSingleBean(ExecutorRefreshScheduler.class)
				.hasSingleBean(RefreshingCodeArtifactTokenProvider.class)
				.hasSingleBean(CodeArtifactTokenLifecycle.class)
				.hasSingleBean(ApplicationEventTokenRefreshListener.class)
				.hasBean("codeArtifactClient")
				.hasBean("codeArtifactTokenProvider");
			RefreshingCodeArtifactTokenProvider provider = context.getBean(RefreshingCodeArtifactTokenProvider.class);
			// fail-fast: the first token is there when the context has started
			assertThat(provider.state().status()).isEqualTo(TokenStatus.FRESH);
			String token = context.getBean(CodeArtifactTokenProvider.class).getToken();
			assertThat(emulator.isValidToken(token)).isTrue();
			assertThat(context.getBean(CodeArtifactTokenLifecycle.class).isRunning()).isTrue();
		});
	}

	@Test
	void disabledDefinesNoBeans() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
			.withPropertyValues("codeartifact.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(CodeArtifactProperties.class)
				.doesNotHaveBean(CodeartifactClient.class)
				.doesNotHaveBean(CodeArtifactTokenProvider.class)
				.doesNotHaveBean(AuthorizationTokenFetcher.class)
				.doesNotHaveBean(RefreshScheduler.class)
				.doesNotHaveBean(CodeArtifactTokenLifecycle.class));
	}

	@Test
	void disabledIgnoresInvalidValues() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
			.withPropertyValues("codeartifact.enabled=false", "codeartifact.owner=nope")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CodeArtifactTokenProvider.class));
	}

	@Test
	void backsOffWithoutTheCodeArtifactModule() {
		runner().withClassLoader(new FilteredClassLoader(CodeartifactClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(CodeArtifactProperties.class)
				.doesNotHaveBean(CodeArtifactTokenProvider.class));
	}

	@Test
	void usesTheApplicationsCodeartifactClient() {
		CodeartifactClient own = CodeartifactClient.builder()
			.region(Region.US_EAST_1)
			.credentialsProvider(testCredentials())
			.endpointOverride(emulator.endpoint())
			.build();
		runner().withPropertyValues("codeartifact.endpoint=http://127.0.0.1:1")
			.withBean("ownClient", CodeartifactClient.class, () -> own)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(CodeartifactClient.class).doesNotHaveBean("codeArtifactClient");
				assertThat(context.getBean(CodeartifactClient.class)).isSameAs(own);
				assertThat(emulator.isValidToken(context.getBean(CodeArtifactTokenProvider.class).getToken())).isTrue();
			});
	}

	@Test
	void backsOffFromTheApplicationsTokenProvider() {
		CodeArtifactTokenProvider own = new CodeArtifactTokenProvider() {

			@Override
			public AuthorizationToken getAuthorizationToken() {
				return new AuthorizationToken("own", Instant.now().plusSeconds(3600), Instant.now());
			}

			@Override
			public AuthorizationToken refresh() {
				return getAuthorizationToken();
			}

		};
		runner().withBean(CodeArtifactTokenProvider.class, () -> own).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(CodeArtifactTokenProvider.class)
				.doesNotHaveBean(RefreshingCodeArtifactTokenProvider.class)
				.doesNotHaveBean(CodeArtifactTokenLifecycle.class)
				.doesNotHaveBean(AuthorizationTokenFetcher.class)
				.doesNotHaveBean(RefreshScheduler.class);
			assertThat(context.getBean(CodeArtifactTokenProvider.class).getToken()).isEqualTo("own");
		});
	}

	@Test
	void usesTheApplicationsFetcherAndScheduler() {
		AtomicInteger calls = new AtomicInteger();
		ExecutorRefreshScheduler scheduler = new ExecutorRefreshScheduler();
		runner().withBean(AuthorizationTokenFetcher.class, () -> fakeFetcher(calls))
			.withBean("ownScheduler", RefreshScheduler.class, () -> scheduler)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(RefreshScheduler.class);
				assertThat(context.getBean(RefreshScheduler.class)).isSameAs(scheduler);
				assertThat(context.getBean(CodeArtifactTokenProvider.class).getToken()).isEqualTo("fake-token-1");
				assertThat(calls).hasValue(1);
			});
	}

	@Test
	void usesTheApplicationsCredentialsProvider() {
		AtomicInteger resolved = new AtomicInteger();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
			.withBean(AwsCredentialsProvider.class, () -> counting(resolved))
			.withPropertyValues("codeartifact.domain=" + DOMAIN, "codeartifact.region=us-east-1",
					"codeartifact.endpoint=" + emulator.endpoint())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(emulator.isValidToken(context.getBean(CodeArtifactTokenProvider.class).getToken())).isTrue();
				assertThat(resolved).hasPositiveValue();
			});
	}

	@Test
	void closingTheContextLeavesTheApplicationsCredentialsProviderOpen() {
		ClosableCredentialsProvider credentials = new ClosableCredentialsProvider();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
			.withBean(AwsCredentialsProvider.class, () -> credentials, (definition) -> definition.setDestroyMethodName(""))
			.withBean(AuthorizationTokenFetcher.class, () -> fakeFetcher(new AtomicInteger()))
			.withPropertyValues("codeartifact.domain=" + DOMAIN, "codeartifact.region=us-east-1")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(credentials.closed).isFalse();
	}

	static class ClosableCredentialsProvider implements AwsCredentialsProvider, SdkAutoCloseable {

		volatile boolean closed;

		@Override
		public AwsCredentials resolveCredentials() {
			return AwsBasicCredentials.create("test", "test");
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

	@Test
	void usesTheDefaultCredentialsChainWithoutCredentialsBean() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
			.withBean(AuthorizationTokenFetcher.class, () -> fakeFetcher(new AtomicInteger()))
			.withPropertyValues("codeartifact.domain=" + DOMAIN, "codeartifact.region=us-east-1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CodeartifactClient client = context.getBean(CodeartifactClient.class);
				assertThat(client.serviceClientConfiguration().credentialsProvider().getClass().getName())
					.isEqualTo("software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider");
			});
	}

	// Several credentials or region providers: @Primary decides, as for any Boot bean

	@Test
	void thePrimaryCredentialsProviderIsUsed() {
		AtomicInteger primaryResolved = new AtomicInteger();
		AtomicInteger otherResolved = new AtomicInteger();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
			.withBean("otherCredentials", AwsCredentialsProvider.class, () -> counting(otherResolved))
			.withBean("primaryCredentials", AwsCredentialsProvider.class, () -> counting(primaryResolved),
					(definition) -> definition.setPrimary(true))
			.withPropertyValues("codeartifact.domain=" + DOMAIN, "codeartifact.region=us-east-1",
					"codeartifact.endpoint=" + emulator.endpoint())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(emulator.isValidToken(context.getBean(CodeArtifactTokenProvider.class).getToken())).isTrue();
				assertThat(primaryResolved).hasPositiveValue();
				assertThat(otherResolved).hasValue(0);
			});
	}

	private static AwsCredentialsProvider counting(AtomicInteger resolved) {
		return () -> {
			resolved.incrementAndGet();
			return AwsBasicCredentials.create("test", "test");
		};
	}

	@Test
	void severalCredentialsProvidersWithoutPrimaryAreExplained(CapturedOutput output) {
		SpringApplication application = new SpringApplication(ImportAutoConfigurationApplication.class,
				TwoCredentialsProviders.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("codeartifact.domain", DOMAIN, "codeartifact.region", "us-east-1",
				"spring.main.banner-mode", "off"));
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START",
				"The CodeArtifact client needs one AwsCredentialsProvider bean, but found 2: "
						+ "deployCredentials, readCredentials",
				"Mark the one for CodeArtifact @Primary, or define the application's own CodeartifactClient bean");
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoCredentialsProviders {

		@Bean
		AwsCredentialsProvider deployCredentials() {
			return testCredentials();
		}

		@Bean
		AwsCredentialsProvider readCredentials() {
			return testCredentials();
		}

	}

	/** An offline context without a region property, for the region provider beans. */
	private static ApplicationContextRunner withoutRegionProperty() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
			.withBean(AuthorizationTokenFetcher.class, () -> fakeFetcher(new AtomicInteger()))
			.withBean(AwsCredentialsProvider.class, CodeArtifactAutoConfigurationTests::testCredentials)
			.withPropertyValues("codeartifact.domain=" + DOMAIN);
	}

	@Test
	void thePrimaryRegionProviderIsUsed() {
		withoutRegionProperty().withBean("otherRegion", AwsRegionProvider.class, () -> () -> Region.EU_WEST_1)
			.withBean("primaryRegion", AwsRegionProvider.class, () -> () -> Region.AP_SOUTH_1,
					(definition) -> definition.setPrimary(true))
			.run((context) -> assertThat(context.getBean(CodeartifactClient.class).serviceClientConfiguration().region())
				.isEqualTo(Region.AP_SOUTH_1));
	}

	@Test
	void severalRegionProvidersWithoutPrimaryAreExplained() {
		withoutRegionProperty().withBean("europeRegion", AwsRegionProvider.class, () -> () -> Region.EU_WEST_1)
			.withBean("asiaRegion", AwsRegionProvider.class, () -> () -> Region.AP_SOUTH_1)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new NoUniqueAwsProviderFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
				assertThat(analysis.getDescription()).isEqualTo(
						"The CodeArtifact client needs one AwsRegionProvider bean, but found 2: asiaRegion, europeRegion");
				assertThat(analysis.getAction()).contains("Mark the one for CodeArtifact @Primary",
						"set codeartifact.region");
			});
	}

	// Properties that reach the client and the provider

	@Test
	void regionPropertyReachesTheClient() {
		offlineRunner().withPropertyValues("codeartifact.region=eu-central-1")
			.withBean(AwsRegionProvider.class, () -> () -> Region.AP_SOUTH_1)
			.run((context) -> assertThat(context.getBean(CodeartifactClient.class).serviceClientConfiguration().region())
				.isEqualTo(Region.EU_CENTRAL_1));
	}

	@Test
	void regionProviderBeanIsUsedWithoutRegionProperty() {
		withoutRegionProperty().withBean(AwsRegionProvider.class, () -> () -> Region.AP_SOUTH_1)
			.run((context) -> assertThat(context.getBean(CodeartifactClient.class).serviceClientConfiguration().region())
				.isEqualTo(Region.AP_SOUTH_1));
	}

	@Test
	void sdkDefaultRegionChainIsUsedWithoutPropertyOrBean() {
		String previous = System.getProperty("aws.region");
		System.setProperty("aws.region", "sa-east-1");
		try {
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
				.withBean(AuthorizationTokenFetcher.class, () -> fakeFetcher(new AtomicInteger()))
				.withBean(AwsCredentialsProvider.class, CodeArtifactAutoConfigurationTests::testCredentials)
				.withPropertyValues("codeartifact.domain=" + DOMAIN)
				.run((context) -> assertThat(
						context.getBean(CodeartifactClient.class).serviceClientConfiguration().region())
					.isEqualTo(Region.SA_EAST_1));
		}
		finally {
			if (previous != null) {
				System.setProperty("aws.region", previous);
			}
			else {
				System.clearProperty("aws.region");
			}
		}
	}

	@Test
	void endpointPropertyReachesTheClient() {
		offlineRunner().withPropertyValues("codeartifact.endpoint=https://vpce-1.api.codeartifact.example:8443")
			.run((context) -> assertThat(
					context.getBean(CodeartifactClient.class).serviceClientConfiguration().endpointOverride())
				.contains(URI.create("https://vpce-1.api.codeartifact.example:8443")));
	}

	@Test
	void domainOwnerAndDurationReachTheRequest() {
		emulator.resetCalls();
		runner().withPropertyValues("codeartifact.owner=" + OWNER, "codeartifact.duration=1h").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(emulator.authorizationTokenCalls()).hasSize(1)
				.first()
				.satisfies((call) -> assertThat(call.parameters()).containsEntry("domain", DOMAIN)
					.containsEntry("domain-owner", OWNER)
					.containsEntry("duration", "3600"));
		});
	}

	@Test
	void zeroDurationAsksForTheRoleSessionLifetime() {
		emulator.resetCalls();
		runner().withPropertyValues("codeartifact.duration=0").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(emulator.authorizationTokenCalls()).first()
				.satisfies((call) -> assertThat(call.parameters()).containsEntry("duration", "0")
					.doesNotContainKey("domain-owner"));
		});
	}

	@Test
	void defaultsAreTheEngineDefaults() {
		offlineRunner().run((context) -> {
			CodeArtifactProperties properties = context.getBean(CodeArtifactProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.isFailFast()).isTrue();
			assertThat(properties.getDuration()).isEqualTo(Duration.ofHours(12));
			assertThat(properties.getOwner()).isNull();
			assertThat(properties.toSettings()).isEqualTo(TokenRefreshSettings.defaults());
		});
	}

	@Test
	void refreshPropertiesBindToTheSettings() {
		offlineRunner()
			.withPropertyValues("codeartifact.refresh.stale-margin=2m", "codeartifact.refresh.max-wait=3s",
					"codeartifact.refresh.initial-backoff=200ms", "codeartifact.refresh.max-backoff=1m",
					"codeartifact.refresh.multiplier=1.5", "codeartifact.refresh.non-retryable-backoff=10m",
					"codeartifact.refresh.startup-timeout=45s")
			.run((context) -> assertThat(context.getBean(CodeArtifactProperties.class).toSettings())
				.isEqualTo(new TokenRefreshSettings(Duration.ofMinutes(2), Duration.ofSeconds(3),
						Duration.ofMillis(200), Duration.ofMinutes(1), 1.5, Duration.ofMinutes(10),
						Duration.ofSeconds(45))));
	}

	// The client

	@Test
	void sdkRetriesAreOff() {
		offlineRunner().run((context) -> {
			CodeartifactClient client = context.getBean(CodeartifactClient.class);
			ClientOverrideConfiguration override = client.serviceClientConfiguration().overrideConfiguration();
			assertThat(override.retryStrategy()).map(RetryStrategy::maxAttempts).contains(1);
			emulator.resetCalls();
			emulator.enqueueFault(EmulatorFault.error(CodeArtifactError.INTERNAL_SERVER), 1);
			assertThatExceptionOfType(CodeartifactException.class)
				.isThrownBy(() -> client.getAuthorizationToken((request) -> request.domain(DOMAIN)))
				.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(500));
			assertThat(emulator.authorizationTokenCallCount()).isEqualTo(1);
		});
	}

	@Test
	void sdkRetriesStayOffWhenACustomizerReplacesTheOverrideConfiguration() {
		offlineRunner()
			.withBean("timeoutCustomizer", CodeArtifactClientCustomizer.class,
					() -> (builder) -> builder.overrideConfiguration((o) -> o.apiCallTimeout(Duration.ofSeconds(9))))
			.run((context) -> {
				ClientOverrideConfiguration override = overrideConfiguration(context);
				assertThat(override.apiCallTimeout()).contains(Duration.ofSeconds(9));
				assertThat(override.retryStrategy()).map(RetryStrategy::maxAttempts).contains(1);
			});
	}

	@Test
	void aRetryStrategyChosenByACustomizerIsKept() {
		offlineRunner()
			.withBean("retryCustomizer", CodeArtifactClientCustomizer.class,
					() -> (builder) -> builder.overrideConfiguration((o) -> o.retryStrategy(
							AwsRetryStrategy.standardRetryStrategy())))
			.run((context) -> assertThat(overrideConfiguration(context).retryStrategy()).map(RetryStrategy::maxAttempts)
				.contains(3));
	}

	@Test
	void clientTimeoutsHaveDefaults() {
		offlineRunner().run((context) -> {
			ClientOverrideConfiguration override = overrideConfiguration(context);
			assertThat(override.apiCallAttemptTimeout()).contains(Duration.ofSeconds(15));
			assertThat(override.apiCallTimeout()).contains(Duration.ofSeconds(30));
		});
	}

	@Test
	void clientTimeoutPropertiesReachTheClient() {
		offlineRunner()
			.withPropertyValues("codeartifact.client.api-call-attempt-timeout=2s",
					"codeartifact.client.api-call-timeout=5s")
			.run((context) -> {
				ClientOverrideConfiguration override = overrideConfiguration(context);
				assertThat(override.apiCallAttemptTimeout()).contains(Duration.ofSeconds(2));
				assertThat(override.apiCallTimeout()).contains(Duration.ofSeconds(5));
				assertThat(override.retryStrategy()).map(RetryStrategy::maxAttempts).contains(1);
			});
	}

	@Test
	void socketTimeoutPropertyReachesTheHttpClient() {
		offlineRunner().withPropertyValues("codeartifact.client.socket-timeout=300ms").run((context) -> {
			CodeartifactClient client = context.getBean(CodeartifactClient.class);
			// An answer 2 s late: within the api call timeouts, past the socket timeout
			emulator.enqueueFault(EmulatorFault.latency(Duration.ofSeconds(2)), 1);
			assertThatExceptionOfType(SdkClientException.class)
				.isThrownBy(() -> client.getAuthorizationToken((request) -> request.domain(DOMAIN)))
				.withRootCauseInstanceOf(SocketTimeoutException.class);
		});
	}

	@Test
	void timeoutsACustomizerSetsAreKept() {
		offlineRunner().withPropertyValues("codeartifact.client.api-call-timeout=20s")
			.withBean("attemptTimeoutCustomizer", CodeArtifactClientCustomizer.class,
					() -> (builder) -> builder
						.overrideConfiguration((o) -> o.apiCallAttemptTimeout(Duration.ofSeconds(3))))
			.run((context) -> {
				ClientOverrideConfiguration override = overrideConfiguration(context);
				// The customizer's own, and the property for what it left unset
				assertThat(override.apiCallAttemptTimeout()).contains(Duration.ofSeconds(3));
				assertThat(override.apiCallTimeout()).contains(Duration.ofSeconds(20));
				assertThat(override.retryStrategy()).map(RetryStrategy::maxAttempts).contains(1);
			});
		offlineRunner()
			.withBean("timeoutsCustomizer", CodeArtifactClientCustomizer.class,
					() -> (builder) -> builder.overrideConfiguration((o) -> o.apiCallTimeout(Duration.ofSeconds(90))
						.apiCallAttemptTimeout(Duration.ofSeconds(45))))
			.run((context) -> {
				ClientOverrideConfiguration override = overrideConfiguration(context);
				assertThat(override.apiCallAttemptTimeout()).contains(Duration.ofSeconds(45));
				assertThat(override.apiCallTimeout()).contains(Duration.ofSeconds(90));
			});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			codeartifact.client.connect-timeout          | 5s  | How long the client waits for a connection
			codeartifact.client.socket-timeout           | 10s | How long the client waits for data
			codeartifact.client.api-call-attempt-timeout | 15s | one HTTP attempt
			codeartifact.client.api-call-timeout         | 30s | whole CodeArtifact API call
			""")
	void clientPropertiesHaveMetadata(String name, String defaultValue, String description) throws IOException {
		URL metadata = getClass().getClassLoader().getResource("META-INF/spring-configuration-metadata.json");
		assertThat(metadata).as("generated metadata").isNotNull();
		String json = StreamUtils.copyToString(metadata.openStream(), StandardCharsets.UTF_8);
		List<Map<String, Object>> entries = JsonPath.read(json, "$.properties[?(@.name == '" + name + "')]");
		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry).containsEntry("type", "java.time.Duration")
				.containsEntry("defaultValue", defaultValue)
				.containsEntry("sourceType", "io.github.codeartifact.autoconfigure.CodeArtifactClientProperties");
			assertThat((String) entry.get("description")).contains(description);
		});
	}

	@Test
	void customizersAreAppliedInOrder() {
		offlineRunner().withUserConfiguration(CustomizerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(CustomizerConfiguration.class).applied).containsExactly("first", "second",
					"third");
			ClientOverrideConfiguration override = overrideConfiguration(context);
			assertThat(override.apiCallTimeout()).contains(Duration.ofSeconds(7));
			// A customizer sees the properties' settings and may change them.
			assertThat(override.retryStrategy()).map(RetryStrategy::maxAttempts).contains(1);
		});
	}

	// Lifecycle

	@Test
	void contextCloseStopsTheRefreshThread() {
		AtomicInteger calls = new AtomicInteger();
		RefreshingCodeArtifactTokenProvider[] provider = new RefreshingCodeArtifactTokenProvider[1];
		runner().withBean(AuthorizationTokenFetcher.class, () -> fakeFetcher(calls)).run((context) -> {
			assertThat(context).hasNotFailed();
			provider[0] = context.getBean(RefreshingCodeArtifactTokenProvider.class);
			assertThat(refreshThreadAlive()).isTrue();
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> !refreshThreadAlive());
		assertThatExceptionOfType(CodeArtifactTokenException.class).isThrownBy(provider[0]::refresh);
	}

	private static boolean refreshThreadAlive() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.anyMatch((thread) -> thread.isAlive() && ExecutorRefreshScheduler.THREAD_NAME.equals(thread.getName()));
	}

	@Test
	void failFastStopsStartupWhenNoTokenCanBeHad() {
		runner().withPropertyValues("codeartifact.owner=" + OWNER)
			.withBean(AuthorizationTokenFetcher.class, () -> () -> {
				throw new CodeArtifactTokenException("User is not authorized", "AccessDeniedException", DOMAIN, false,
						null);
			})
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(CodeArtifactTokenException.class);
				FailureAnalysis analysis = new CodeArtifactTokenFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("Domain: my-domain", "Owner: 111122223333",
						"Region: us-east-1", "Error code: AccessDeniedException", "User is not authorized");
				assertThat(analysis.getAction()).contains("codeartifact:GetAuthorizationToken",
						"sts:GetServiceBearerToken");
			});
	}

	@Test
	void withoutFailFastStartupSucceedsAndRetriesInTheBackground() {
		AtomicInteger calls = new AtomicInteger();
		runner().withPropertyValues("codeartifact.fail-fast=false", "codeartifact.refresh.initial-backoff=50ms",
				"codeartifact.refresh.max-backoff=100ms")
			.withBean(AuthorizationTokenFetcher.class, () -> () -> {
				if (calls.incrementAndGet() < 3) {
					throw new CodeArtifactTokenException("Rate exceeded", "ThrottlingException", DOMAIN, true, null);
				}
				Instant now = Instant.now();
				return new AuthorizationToken("late-token", now.plus(Duration.ofHours(1)), now);
			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(CodeArtifactTokenLifecycle.class).isFailFast()).isFalse();
				RefreshingCodeArtifactTokenProvider provider = context.getBean(RefreshingCodeArtifactTokenProvider.class);
				await().atMost(Duration.ofSeconds(5)).until(() -> provider.state().status() == TokenStatus.FRESH);
				assertThat(provider.getToken()).isEqualTo("late-token");
				assertThat(calls).hasValue(3);
			});
	}

	// Events and listeners

	@Test
	void refreshEventsArePublished() {
		AtomicInteger calls = new AtomicInteger();
		runner().withPropertyValues("codeartifact.fail-fast=false", "codeartifact.refresh.initial-backoff=50ms")
			.withUserConfiguration(EventsConfiguration.class)
			.withBean(AuthorizationTokenFetcher.class, () -> () -> {
				if (calls.incrementAndGet() == 1) {
					throw new CodeArtifactTokenException("Rate exceeded", "ThrottlingException", DOMAIN, true, null);
				}
				Instant now = Instant.now();
				return new AuthorizationToken("secret-token-value", now.plus(Duration.ofHours(1)), now);
			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				EventsConfiguration events = context.getBean(EventsConfiguration.class);
				await().atMost(Duration.ofSeconds(5)).until(() -> !events.refreshed.isEmpty());
				assertThat(events.failed).hasSize(1).first().satisfies((event) -> {
					assertThat(event.getException().getErrorCode()).isEqualTo("ThrottlingException");
					assertThat(event.getDomain()).isEqualTo(DOMAIN);
					assertThat(event.getProvider()).isSameAs(context.getBean(CodeArtifactTokenProvider.class));
					assertThat(event.getNextAttempt()).isNotNull();
				});
				CodeArtifactTokenRefreshedEvent refreshed = events.refreshed.get(0);
				assertThat(refreshed.getToken().token()).isEqualTo("secret-token-value");
				assertThat(refreshed.getProvider()).isSameAs(context.getBean(CodeArtifactTokenProvider.class));
				assertThat(refreshed.toString()).doesNotContain("secret-token-value").contains(DOMAIN);
				// The application's own TokenRefreshListener beans are told too.
				assertThat(events.listenerCalls).containsExactly("failed:ThrottlingException", "refreshed");
			});
	}

	@Test
	void throwingListenerDoesNotStopTheOthers() {
		runner().withBean("throwing", TokenRefreshListener.class, () -> new TokenRefreshListener() {

			@Override
			public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
				throw new IllegalStateException("boom");
			}

		}).withUserConfiguration(EventsConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			EventsConfiguration events = context.getBean(EventsConfiguration.class);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events.refreshed).hasSize(1));
			assertThat(events.listenerCalls).containsExactly("refreshed");
		});
	}

	// Validation

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			codeartifact.domain                        | a                  | must be 2 to 50 characters
			codeartifact.domain                        | My-Domain          | must be 2 to 50 characters
			codeartifact.domain                        | my-domain-         | [a-z][a-z0-9-]{0,48}[a-z0-9]
			codeartifact.domain                        | 1domain            | starting with a letter
			codeartifact.domain                        | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | must be 2 to 50 characters
			codeartifact.owner                         | 12345              | must be exactly 12 digits
			codeartifact.owner                         | 11112222333a       | must be exactly 12 digits
			codeartifact.duration                      | 10m                | between 15m and 12h
			codeartifact.duration                      | 13h                | between 15m and 12h
			codeartifact.duration                      | 1000500ms          | in whole seconds
			codeartifact.duration                      | -1h                | must be 0
			codeartifact.region                        | ''                 | must be a region the AWS SDK knows or shaped like one
			codeartifact.region                        | nowhere-1          | must be a region the AWS SDK knows or shaped like one
			codeartifact.region                        | us-east            | must be a region the AWS SDK knows or shaped like one
			codeartifact.region                        | US-EAST-1          | must be a region the AWS SDK knows or shaped like one
			codeartifact.endpoint                      | ftp://example.com  | absolute http or https URI
			codeartifact.endpoint                      | /relative          | absolute http or https URI
			codeartifact.refresh.stale-margin          | 0s                 | must be a positive duration
			codeartifact.refresh.max-wait              | -1s                | must be a positive duration
			codeartifact.refresh.initial-backoff       | 0ms                | must be a positive duration
			codeartifact.refresh.max-backoff           | 0s                 | must be a positive duration
			codeartifact.refresh.max-backoff           | 500ms              | must not be shorter than codeartifact.refresh.initial-backoff
			codeartifact.refresh.multiplier            | 0.5                | must be a finite number of at least 1
			codeartifact.refresh.non-retryable-backoff | 0s                 | must be a positive duration
			codeartifact.refresh.startup-timeout       | -5s                | must be a positive duration
			codeartifact.client.connect-timeout        | 0s                 | must be a positive duration
			codeartifact.client.socket-timeout         | -1s                | must be a positive duration
			codeartifact.client.api-call-attempt-timeout | 0ms              | must be a positive duration
			codeartifact.client.api-call-timeout       | -30s               | must be a positive duration
			codeartifact.client.api-call-attempt-timeout | 31s              | must not be longer than codeartifact.client.api-call-timeout (PT30S)
			""")
	void invalidValueStopsStartupBeforeAnyCall(String property, String value, String rule) {
		emulator.resetCalls();
		runner().withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidCodeArtifactPropertyException.class);
			// The analyzer shows the value as written in the environment (10m rather than PT10M).
			FailureAnalysis analysis = analyzeProperty(context, new MockEnvironment().withProperty(property, value));
			assertThat(analysis.getDescription()).contains("Property: " + property, "Value: '" + value + "'", rule);
			assertThat(analysis.getAction()).contains(property);
		});
		assertThat(emulator.calls()).isEmpty();
	}

	@Test
	void missingDomainNamesBothWaysOut() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
			.withBean(AwsCredentialsProvider.class, CodeArtifactAutoConfigurationTests::testCredentials)
			.withPropertyValues("codeartifact.region=us-east-1")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyzeProperty(context, new MockEnvironment());
				assertThat(analysis.getDescription()).contains("property 'codeartifact.domain' is not set",
						"Value: (none)", "is required when codeartifact.enabled is true");
				assertThat(analysis.getAction()).contains("Set codeartifact.domain",
						"or set codeartifact.enabled=false");
			});
	}

	@Test
	void emptyDomainIsMissing() {
		runner().withPropertyValues("codeartifact.domain=").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(analyzeProperty(context, null).getAction()).contains("codeartifact.enabled=false");
		});
	}

	@Test
	void missingRegionNamesTheRegionProperty() {
		assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null
				&& System.getProperty("aws.region") == null, "a region is configured for the AWS SDK");
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
			.withBean(AwsCredentialsProvider.class, CodeArtifactAutoConfigurationTests::testCredentials)
			.withPropertyValues("codeartifact.domain=" + DOMAIN)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyzeProperty(context, new MockEnvironment());
				assertThat(analysis.getDescription()).contains("Property: codeartifact.region", "Value: (none)",
						"is required when the AWS SDK finds no region");
				assertThat(analysis.getAction()).contains("Set codeartifact.region", "AWS_REGION");
			});
	}

	@Test
	void missingCredentialsAreExplained() {
		assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null
				&& System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") == null
				&& System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null, "AWS credentials are configured");
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
			.withPropertyValues("codeartifact.domain=" + DOMAIN, "codeartifact.region=us-east-1",
					"codeartifact.endpoint=" + emulator.endpoint(), "codeartifact.refresh.startup-timeout=1s",
					"codeartifact.refresh.initial-backoff=100ms")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new CodeArtifactTokenFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getAction()).contains("Check the application's AWS credentials");
			});
	}

	@Test
	void springApplicationReportsTheAnalysis(CapturedOutput output) {
		SpringApplication application = new SpringApplication(ImportAutoConfigurationApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(java.util.Map.of("codeartifact.domain", DOMAIN, "codeartifact.region",
				"us-east-1", "codeartifact.duration", "10m", "spring.main.banner-mode", "off"));
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START", "Property: codeartifact.duration", "Value: '10m'",
				"between 15m and 12h", "Origin: \"codeartifact.duration\" from property source \"defaultProperties\"",
				"Set codeartifact.duration to a value such as 12h");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(CodeArtifactAutoConfiguration.class)
	static class ImportAutoConfigurationApplication {

	}

	@Test
	void failureAnalyzersAreRegistered() throws IOException {
		Set<String> analyzers = new LinkedHashSet<>();
		Enumeration<URL> resources = getClass().getClassLoader().getResources("META-INF/spring.factories");
		while (resources.hasMoreElements()) {
			Properties factories = PropertiesLoaderUtils.loadProperties(new UrlResource(resources.nextElement()));
			analyzers.addAll(StringUtils.commaDelimitedListToSet(
					factories.getProperty("org.springframework.boot.diagnostics.FailureAnalyzer", "")));
		}
		assertThat(analyzers).contains(InvalidCodeArtifactPropertyFailureAnalyzer.class.getName(),
				CodeArtifactTokenFailureAnalyzer.class.getName(), NoUniqueAwsProviderFailureAnalyzer.class.getName());
	}

	private static ClientOverrideConfiguration overrideConfiguration(AssertableApplicationContext context) {
		return context.getBean(CodeartifactClient.class).serviceClientConfiguration().overrideConfiguration();
	}

	private static FailureAnalysis analyzeProperty(AssertableApplicationContext context,
			@Nullable Environment environment) {
		FailureAnalysis analysis = new InvalidCodeArtifactPropertyFailureAnalyzer(environment)
			.analyze(context.getStartupFailure());
		assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		final List<String> applied = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		CodeArtifactClientCustomizer second() {
			return (builder) -> this.applied.add("second");
		}

		@Bean
		CodeArtifactClientCustomizer third() {
			return (builder) -> {
				this.applied.add("third");
				builder.overrideConfiguration(
						builder.overrideConfiguration().toBuilder().apiCallTimeout(Duration.ofSeconds(7)).build());
			};
		}

		@Bean
		CodeArtifactClientCustomizer first() {
			return new OrderedCustomizer(this.applied);
		}

	}

	static class OrderedCustomizer implements CodeArtifactClientCustomizer, Ordered {

		private final List<String> applied;

		OrderedCustomizer(List<String> applied) {
			this.applied = applied;
		}

		@Override
		public void customize(software.amazon.awssdk.services.codeartifact.CodeartifactClientBuilder builder) {
			this.applied.add("first");
		}

		@Override
		public int getOrder() {
			return 1;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EventsConfiguration {

		final List<CodeArtifactTokenRefreshedEvent> refreshed = new CopyOnWriteArrayList<>();

		final List<CodeArtifactTokenRefreshFailedEvent> failed = new CopyOnWriteArrayList<>();

		final List<String> listenerCalls = new CopyOnWriteArrayList<>();

		@Bean
		ApplicationListener<CodeArtifactTokenRefreshedEvent> refreshedListener() {
			return this.refreshed::add;
		}

		@Bean
		ApplicationListener<CodeArtifactTokenRefreshFailedEvent> failedListener() {
			return this.failed::add;
		}

		@Bean
		TokenRefreshListener recordingListener() {
			return new TokenRefreshListener() {

				@Override
				public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
					EventsConfiguration.this.listenerCalls.add("refreshed");
				}

				@Override
				public void onRefreshFailed(CodeArtifactTokenException failure, long elapsedNanos, Instant nextAttempt) {
					EventsConfiguration.this.listenerCalls.add("failed:" + failure.getErrorCode());
				}

			};
		}

	}

}
