package io.github.codeartifact.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.codeartifact.event.CodeArtifactTokenRefreshFailedEvent;
import io.github.codeartifact.event.CodeArtifactTokenRefreshedEvent;
import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.test.CodeArtifactError;
import io.github.codeartifact.test.EmulatorFault;
import io.github.codeartifact.test.RecordedCall;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for {@link CodeArtifactAutoConfiguration}: the real SDK client, SigV4-signed
 * over loopback, against a {@link CodeArtifactEmulator}, in real time.
 */
@ExtendWith(OutputCaptureExtension.class)
class CodeArtifactAutoConfigurationIntegrationTests {

	private static final String DOMAIN = "my-domain";

	private static final String OWNER = "111122223333";

	private static final String REGION = "eu-west-1";

	private CodeArtifactEmulator emulator;

	@BeforeEach
	void startEmulator() {
		this.emulator = CodeArtifactEmulator.builder()
			.domain(DOMAIN, OWNER)
			.repository(DOMAIN, "my-repo")
			.keyPair("test", "test")
			.region(REGION)
			.build();
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.close();
	}

	private ApplicationContextRunner runner() {
		return runner("test");
	}

	private ApplicationContextRunner runner(String secretAccessKey) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
			.withBean(AwsCredentialsProvider.class,
					() -> StaticCredentialsProvider.create(AwsBasicCredentials.create("test", secretAccessKey)))
			.withPropertyValues("codeartifact.domain=" + DOMAIN, "codeartifact.region=" + REGION,
					"codeartifact.endpoint=" + this.emulator.endpoint());
	}

	@Test
	void startupGetsAToken(CapturedOutput output) {
		runner().withPropertyValues("codeartifact.owner=" + OWNER).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(this.emulator.authorizationTokenCallCount()).isEqualTo(1);
			String token = context.getBean(CodeArtifactTokenProvider.class).getToken();
			assertThat(this.emulator.isValidToken(token)).isTrue();
			assertThat(this.emulator.authorizationTokenCalls()).singleElement()
				.satisfies((call) -> assertThat(call.parameters()).containsEntry("domain-owner", OWNER)
					.containsEntry("duration", "43200"));
			// Logged on the refresh thread just after the waiting startup was released
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(output).contains("Fetched the first CodeArtifact token for domain '"
						+ DOMAIN + "' (owner " + OWNER + "), expiring at "));
		});
	}

	@Test
	void shortLivedTokensAreRefreshedInTheBackground() {
		// A 3 s token with a 500 ms stale margin is replaced about 2.5 s after it was issued.
		this.emulator.forceTokenLifetime(Duration.ofSeconds(3));
		runner().withPropertyValues("codeartifact.refresh.stale-margin=500ms")
			.withUserConfiguration(RefreshedEvents.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CodeArtifactTokenProvider provider = context.getBean(CodeArtifactTokenProvider.class);
				String first = provider.getToken();
				await().atMost(Duration.ofSeconds(6))
					.pollInterval(Duration.ofMillis(50))
					.until(() -> this.emulator.authorizationTokenCallCount() >= 2);
				await().atMost(Duration.ofSeconds(2)).until(() -> !provider.getToken().equals(first));
				String second = provider.getToken();
				assertThat(this.emulator.isValidToken(second)).isTrue();
				assertThat(context.getBean(RefreshingCodeArtifactTokenProvider.class).state().status())
					.isIn(TokenStatus.FRESH, TokenStatus.REFRESHING);
				List<CodeArtifactTokenRefreshedEvent> events = context.getBean(RefreshedEvents.class).events;
				await().atMost(Duration.ofSeconds(2)).until(() -> events.size() >= 2);
				assertThat(events.get(1).getToken().token()).isEqualTo(second);
			});
	}

	@Test
	void throttlingAtStartupIsRetriedAndStartupSucceeds() {
		this.emulator.enqueueFault(
				EmulatorFault.error(CodeArtifactError.THROTTLING).retryAfter(Duration.ofMillis(1000)), 1);
		this.emulator.enqueueFault(EmulatorFault.error(CodeArtifactError.THROTTLING), 1);
		runner().withPropertyValues("codeartifact.refresh.initial-backoff=100ms", "codeartifact.refresh.max-backoff=200ms",
				"codeartifact.refresh.startup-timeout=5s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				List<RecordedCall> calls = this.emulator.authorizationTokenCalls();
				assertThat(calls).extracting(RecordedCall::errorType)
					.containsExactly("ThrottlingException", "ThrottlingException", null);
				// The service's Retry-After is honoured before the second attempt.
				assertThat(Duration.between(calls.get(0).time(), calls.get(1).time()))
					.isGreaterThanOrEqualTo(Duration.ofMillis(900));
				assertThat(this.emulator.isValidToken(context.getBean(CodeArtifactTokenProvider.class).getToken()))
					.isTrue();
			});
	}

	@Test
	void accessDeniedAtStartupFailsWithAnAnalysis() {
		runner().withPropertyValues("codeartifact.owner=999988887777").run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).contains("Domain: my-domain", "Owner: 999988887777",
					"Region: eu-west-1", "Error code: AccessDeniedException");
			assertThat(analysis.getAction()).contains("codeartifact:GetAuthorizationToken",
					"sts:GetServiceBearerToken", "arn:aws:codeartifact:eu-west-1:999988887777:domain/my-domain");
			assertThat(this.emulator.authorizationTokenCallCount()).isEqualTo(1);
		});
	}

	@Test
	void unknownDomainAtStartupFailsWithAnAnalysis() {
		runner().withPropertyValues("codeartifact.domain=other-domain").run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).contains("Domain: other-domain",
					"Error code: ResourceNotFoundException");
			assertThat(analysis.getAction()).contains("Check codeartifact.domain, codeartifact.owner and codeartifact.region");
		});
	}

	@Test
	void rejectedCredentialsAtStartupFailWithAnAnalysis() {
		runner("wrong-secret").run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("Error code: InvalidSignatureException");
				assertThat(analysis.getAction()).contains("Check the application's AWS credentials");
			});
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new CodeArtifactTokenFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).isNotNull();
		System.out.println("Failure analysis:\n" + analysis.getDescription() + "\n\nAction:\n" + analysis.getAction());
		return analysis;
	}

	/**
	 * A Spring event listener that calls {@code refresh()} on the refresh thread, as "refresh on
	 * failure" code does: it fails fast instead of stalling the only refresh thread for max-wait
	 * (an hour here), and the forced fetch it asked for runs once it has returned.
	 */
	@Test
	void anEventListenerThatCallsRefreshOnFailureDoesNotStallTheRefreshThread() {
		this.emulator.enqueueFault(EmulatorFault.error(CodeArtifactError.INTERNAL_SERVER), 1);
		runner().withPropertyValues("codeartifact.fail-fast=false", "codeartifact.refresh.max-wait=1h",
				"codeartifact.refresh.initial-backoff=10m", "codeartifact.refresh.max-backoff=10m")
			.withUserConfiguration(RefreshOnFailure.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CodeArtifactTokenProvider provider = context.getBean(CodeArtifactTokenProvider.class);
				RefreshOnFailure listener = context.getBean(RefreshOnFailure.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> !listener.failures.isEmpty());
				assertThat(listener.failures.get(0)).hasMessageContaining("thread that fetches tokens");
				// The next attempt comes from the forced refresh, not after the 10 min backoff
				await().atMost(Duration.ofSeconds(10))
					.until(() -> context.getBean(RefreshingCodeArtifactTokenProvider.class).state().refreshCount() == 1);
				assertThat(this.emulator.isValidToken(provider.getToken())).isTrue();
				assertThat(this.emulator.authorizationTokenCallCount()).isEqualTo(2);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class RefreshOnFailure {

		final List<Throwable> failures = new CopyOnWriteArrayList<>();

		@Bean
		ApplicationListener<CodeArtifactTokenRefreshFailedEvent> refreshOnFailure() {
			return (event) -> {
				try {
					event.getProvider().refresh();
				}
				catch (CodeArtifactTokenException ex) {
					this.failures.add(ex);
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RefreshedEvents {

		final List<CodeArtifactTokenRefreshedEvent> events = new CopyOnWriteArrayList<>();

		@Bean
		ApplicationListener<CodeArtifactTokenRefreshedEvent> refreshedEventsListener() {
			return this.events::add;
		}

	}

}
