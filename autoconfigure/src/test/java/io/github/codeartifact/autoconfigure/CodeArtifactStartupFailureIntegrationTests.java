package io.github.codeartifact.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Startup failures that no retry can fix end at once, with an analysis that names the endpoint
 * and where it came from; the background refresh still retries them. Real SDK over loopback.
 */
@ExtendWith(OutputCaptureExtension.class)
class CodeArtifactStartupFailureIntegrationTests {

	/** A bound on the time to fail, far below the 30 s startup timeout; not a performance claim. */
	private static final Duration AT_ONCE = Duration.ofSeconds(2);

	private final Map<String, String> savedProperties = new LinkedHashMap<>();

	private CodeArtifactEmulator emulator;

	@BeforeEach
	void startEmulator() {
		this.emulator = CodeArtifactEmulator.builder().domain("my-domain", "111122223333").region("eu-west-1").build();
	}

	@AfterEach
	void restore() {
		this.emulator.close();
		this.savedProperties.forEach((name, value) -> {
			if (value != null) {
				System.setProperty(name, value);
			}
			else {
				System.clearProperty(name);
			}
		});
	}

	private ApplicationContextRunner runner(String endpoint) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
			.withPropertyValues("codeartifact.domain=my-domain", "codeartifact.region=eu-west-1",
					"codeartifact.endpoint=" + endpoint);
	}

	@Test
	void noCredentialSourceAnywhereFailsAtOnceWithOneLinePerSource(@TempDir Path home) throws IOException {
		assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null
				&& System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null
				&& System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") == null, "no credentials in the environment");
		Path empty = Files.createFile(home.resolve("empty"));
		// No profile, no instance metadata (it is not on loopback): no source of the default chain has any
		setSystemProperty("aws.sharedCredentialsFile", empty.toString());
		setSystemProperty("aws.configFile", empty.toString());
		setSystemProperty("aws.disableEc2Metadata", "true");
		setSystemProperty("aws.accessKeyId", null);
		String endpoint = this.emulator.endpoint().toString();
		assertTimeout(AT_ONCE, () -> runner(endpoint).run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).contains("no AWS credentials: none of the sources",
					"\n  - SystemPropertyCredentialsProvider: ", "\n  - EnvironmentVariableCredentialsProvider: ",
					"\n  - ProfileCredentialsProvider: ", "\n  - InstanceProfileCredentialsProvider: ",
					"Endpoint: " + endpoint
							+ " (codeartifact.endpoint, \"codeartifact.endpoint\" from property source \"test\")",
					"Retryable: not at startup")
				.doesNotContain("AwsCredentialsProviderChain(credentialsProviders=");
			assertThat(analysis.getAction()).contains("Check the application's AWS credentials");
		}));
		assertThat(this.emulator.calls()).isEmpty();
	}

	@Test
	void refusedConnectionOnAnExplicitEndpointFailsAtOnceNamingIt() throws IOException {
		String endpoint = "http://127.0.0.1:" + closedPort();
		assertTimeout(AT_ONCE, () -> runner(endpoint).withBean(AwsCredentialsProvider.class, () -> credentials())
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("connection refused by the explicit endpoint " + endpoint,
						"Endpoint: " + endpoint
								+ " (codeartifact.endpoint, \"codeartifact.endpoint\" from property source \"test\")");
				assertThat(analysis.getAction()).startsWith("Nothing accepts connections at " + endpoint
						+ " (codeartifact.endpoint").contains("correct codeartifact.endpoint");
			}));
	}

	@Test
	void refusedConnectionIsStillRetriedInTheBackground() throws IOException {
		String endpoint = "http://127.0.0.1:" + closedPort();
		runner(endpoint).withBean(AwsCredentialsProvider.class, () -> credentials())
			.withPropertyValues("codeartifact.fail-fast=false", "codeartifact.refresh.initial-backoff=20ms",
					"codeartifact.refresh.max-backoff=50ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				RefreshingCodeArtifactTokenProvider provider = context.getBean(RefreshingCodeArtifactTokenProvider.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> provider.state().failureCount() >= 3);
				assertThat(provider.state().lastFailure().isRetryable()).isTrue();
			});
	}

	@Test
	void theRegionsDefaultEndpointIsNamedWhenNoneIsSet() {
		try (CodeartifactClient client = CodeartifactClient.builder()
			.region(Region.EU_WEST_1)
			.credentialsProvider(credentials())
			.build()) {
			assertThat(CodeArtifactClientEndpoint.describe(client, null))
				.isEqualTo("https://codeartifact.eu-west-1.amazonaws.com (the default endpoint of region eu-west-1)");
		}
	}

	private void setSystemProperty(String name, String value) {
		this.savedProperties.putIfAbsent(name, System.getProperty(name));
		if (value != null) {
			System.setProperty(name, value);
		}
		else {
			System.clearProperty(name);
		}
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new CodeArtifactTokenFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
		return analysis;
	}

	private static StaticCredentialsProvider credentials() {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
