package io.github.codeartifact.autoconfigure;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.codeartifact.test.CodeArtifactEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.boot.support.EnvironmentPostProcessorsFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link CodeArtifactBackgroundPreinitializer}.
 */
class CodeArtifactBackgroundPreinitializerTests {

	@AfterEach
	void forgetTheLastApplication() {
		CodeArtifactBackgroundPreinitializer.recordStarterEnabled(true);
	}

	@Test
	void isRegisteredAsBootsBackgroundPreinitializerAndNoLongerAsAListener() {
		SpringFactoriesLoader factories = SpringFactoriesLoader.forDefaultResourceLocation();
		assertThat(factories.load(BackgroundPreinitializer.class))
			.anyMatch(CodeArtifactBackgroundPreinitializer.class::isInstance);
		assertThat(factories.load(ApplicationListener.class)).map((listener) -> listener.getClass().getName())
			.noneMatch((name) -> name.startsWith("io.github.codeartifact"));
	}

	@Test
	void theEnvironmentPostProcessorIsRegisteredWhereBootFindsIt() {
		assertThat(EnvironmentPostProcessorsFactory.fromSpringFactories(getClass().getClassLoader())
			.getEnvironmentPostProcessors(new DeferredLogs(), new DefaultBootstrapContext()))
			.anyMatch(CodeArtifactWarmUpEnvironmentPostProcessor.class::isInstance);
	}

	@ParameterizedTest(name = "codeartifact.enabled={0}: starter on {1}")
	@CsvSource(delimiter = '|', nullValues = "(unset)", textBlock = """
			(unset) | true
			true    | true
			TRUE    | true
			false   | false
			FALSE   | false
			maybe   | false
			""")
	void anApplicationThatTurnsTheStarterOffIsNotWarmedUp(String enabled, boolean starterOn) {
		String[] setting = (enabled != null) ? new String[] { "codeartifact.enabled=" + enabled } : new String[0];
		// The table is the auto-configuration's own condition
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
			.withPropertyValues(setting)
			.withPropertyValues("codeartifact.domain=my-domain", "codeartifact.region=us-east-1",
					"codeartifact.fail-fast=false", "codeartifact.endpoint=http://127.0.0.1:9")
			.run((context) -> assertThat(context.containsBean("codeArtifactTokenProvider")).isEqualTo(starterOn));
		String[] args = Arrays.stream(setting).map((property) -> "--" + property).toArray(String[]::new);
		try (ConfigurableApplicationContext context = application().run(args)) {
			CountingHttpClient.Builder http = new CountingHttpClient.Builder();
			new CodeArtifactBackgroundPreinitializer().preinitialize(http);
			assertThat(http.built).hasValue(starterOn ? 1 : 0);
			assertThat(http.requests).hasValue(0);
		}
	}

	@Test
	void theSettingIsReadAfterTheApplicationsConfigFiles() {
		try (ConfigurableApplicationContext context = application()
			.run("--spring.config.location=classpath:preinitializer/codeartifact-disabled.properties")) {
			assertThat(context.getEnvironment().getProperty("codeartifact.enabled")).isEqualTo("false");
			CountingHttpClient.Builder http = new CountingHttpClient.Builder();
			new CodeArtifactBackgroundPreinitializer().preinitialize(http);
			assertThat(http.built).hasValue(0);
		}
	}

	@Test
	void theApplicationStartedLastDecides() {
		application().run("--codeartifact.enabled=false").close();
		application().run().close();
		CountingHttpClient.Builder http = new CountingHttpClient.Builder();
		new CodeArtifactBackgroundPreinitializer().preinitialize(http);
		assertThat(http.built).hasValue(1);
	}

	private static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(EmptyConfiguration.class).web(WebApplicationType.NONE)
			.logStartupInfo(false);
	}

	@Test
	void warmUpSignsTheFirstCallSoItsClassesAreLoaded() {
		// Signing comes after the endpoint rules, the JSON marshaller and the identity: all of the first call's path
		assertThat(CodeArtifactBackgroundPreinitializer.warmUp(new CountingHttpClient.Builder()).signedHeader())
			.startsWith("AWS4-HMAC-SHA256 Credential=warm-up/");
	}

	@Test
	void warmUpHandsNothingToTheHttpClientAndLeavesNoThread() {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		CountingHttpClient.Builder http = new CountingHttpClient.Builder();
		new CodeArtifactBackgroundPreinitializer().preinitialize(http);
		assertThat(http.built).hasValue(1);
		assertThat(http.requests).hasValue(0);
		assertThat(http.closed).hasValue(1);
		await().pollInSameThread().untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet()).filteredOn(Thread::isAlive)
			.filteredOn((thread) -> !before.contains(thread))
			.isEmpty());
	}

	@Test
	void aDisabledApplicationWithThePreinitializerMakesNoCall() {
		try (CodeArtifactEmulator emulator = CodeArtifactEmulator.builder().domain("my-domain", "111122223333").build()) {
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class,
						CodeArtifactDisabledAutoConfiguration.class))
				.withPropertyValues("codeartifact.enabled=false", "codeartifact.domain=my-domain",
						"codeartifact.region=us-east-1", "codeartifact.endpoint=" + emulator.endpoint())
				.run((context) -> {
					new CodeArtifactBackgroundPreinitializer().preinitialize();
					assertThat(context).hasNotFailed();
				});
			assertThat(emulator.calls()).isEmpty();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

	/**
	 * An HTTP client that counts what it is given and fails every request it would send.
	 */
	private static final class CountingHttpClient implements SdkHttpClient {

		private final Builder builder;

		private CountingHttpClient(Builder builder) {
			this.builder = builder;
		}

		@Override
		public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
			this.builder.requests.incrementAndGet();
			throw new IllegalStateException("The warm-up sent a request");
		}

		@Override
		public void close() {
			this.builder.closed.incrementAndGet();
		}

		static final class Builder implements SdkHttpClient.Builder<Builder> {

			final AtomicInteger built = new AtomicInteger();

			final AtomicInteger requests = new AtomicInteger();

			final AtomicInteger closed = new AtomicInteger();

			@Override
			public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
				this.built.incrementAndGet();
				return new CountingHttpClient(this);
			}

		}

	}

}
