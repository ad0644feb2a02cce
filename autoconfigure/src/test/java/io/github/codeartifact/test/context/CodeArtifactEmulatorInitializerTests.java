package io.github.codeartifact.test.context;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.token.CodeArtifactTokenProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CodeArtifactEmulatorInitializer} with an {@link ApplicationContextRunner}.
 */
class CodeArtifactEmulatorInitializerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
		.withInitializer(new CodeArtifactEmulatorInitializer());

	@Test
	void theStarterFetchesItsTokenFromTheEmulatorWithTheDefaults() {
		this.runner.run((context) -> {
			CodeArtifactEmulator emulator = context.getBean(CodeArtifactEmulator.class);
			assertThat(emulator.isValidToken(context.getBean(CodeArtifactTokenProvider.class).getToken())).isTrue();
			assertThat(emulator.authorizationTokenCalls()).isNotEmpty()
				.allSatisfy((call) -> assertThat(call.parameters())
					.containsEntry("domain", CodeArtifactEmulator.DEFAULT_DOMAIN)
					.containsEntry("domain-owner", CodeArtifactEmulator.DEFAULT_OWNER));
		});
	}

	@Test
	void domainAndOwnerComeFromTheProperties() {
		this.runner.withPropertyValues("codeartifact.domain=acme", "codeartifact.owner=123456789012")
			.run((context) -> assertThat(context.getBean(CodeArtifactEmulator.class)
				.repositoryEndpoint("acme", CodeArtifactEmulator.DEFAULT_REPOSITORY, "maven")).isNotNull());
	}

	@Test
	void anEndpointOfTheApplicationIsOverridden() {
		this.runner.withPropertyValues("codeartifact.endpoint=https://codeartifact.example.invalid")
			.run((context) -> assertThat(context.getEnvironment().getProperty("codeartifact.endpoint"))
				.isEqualTo(context.getBean(CodeArtifactEmulator.class).endpoint().toString()));
	}

	@Test
	void theEmulatorsCredentialsWinOverTheApplicationsOwn() {
		this.runner.withUserConfiguration(ApplicationCredentials.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(AwsCredentialsProvider.class).resolveCredentials().accessKeyId())
				.isEqualTo(CodeArtifactEmulator.TEST_ACCESS_KEY_ID);
		});
	}

	@Test
	void theEmulatorIsClosedWithTheContext() {
		AtomicReference<CodeArtifactEmulator> emulator = new AtomicReference<>();
		this.runner.run((context) -> emulator.set(context.getBean(CodeArtifactEmulator.class)));
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), emulator.get().port()).close());
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationCredentials {

		@Bean
		AwsCredentialsProvider applicationCredentials() {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDAPPLICATION", "secret"));
		}

	}

}
