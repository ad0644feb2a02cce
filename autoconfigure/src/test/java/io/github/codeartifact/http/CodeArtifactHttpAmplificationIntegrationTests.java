package io.github.codeartifact.http;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.repository.CodeArtifactRepositoryAutoConfiguration;
import io.github.codeartifact.test.CodeArtifactEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repository that rejects every token (a remote party, or a policy that denies reads) cannot
 * multiply GetAuthorizationToken calls through the 401 retry of the interceptor and the filter:
 * the real engine against the emulator, the repository a loopback server that always answers 401.
 */
class CodeArtifactHttpAmplificationIntegrationTests {

	private static final int REQUESTS = 300;

	private final CodeArtifactEmulator emulator = CodeArtifactEmulator.builder()
		.domain("my-domain", "111122223333")
		.repository("my-domain", "my-repo")
		.keyPair("test", "test")
		.build();

	private final RecordingServer repository = new RecordingServer();

	@AfterEach
	void stop() {
		this.repository.close();
		this.emulator.close();
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class,
					CodeArtifactRepositoryAutoConfiguration.class, CodeArtifactHttpAutoConfiguration.class))
			.withBean(AwsCredentialsProvider.class,
					() -> StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.withPropertyValues("codeartifact.domain=my-domain", "codeartifact.region=us-east-1",
					"codeartifact.endpoint=" + this.emulator.endpoint(),
					"codeartifact.http.hosts=127.0.0.1:" + this.repository.port());
	}

	@Test
	void threeHundredRejectedRestClientRequestsMakeOneForcedCall() {
		runner().run((context) -> {
			assertThat(context).hasNotFailed();
			RestClient client = context.getBean(CodeArtifactRestClientCustomizer.class).builder().build();
			int before = this.emulator.authorizationTokenCallCount();
			for (int i = 0; i < REQUESTS; i++) {
				int status = client.get()
					.uri(this.repository.uri("/status/401"))
					.exchange((request, response) -> response.getStatusCode().value());
				assertThat(status).isEqualTo(401);
			}
			report("RestClient", before);
		});
	}

	@Test
	void threeHundredRejectedWebClientRequestsMakeOneForcedCall() {
		runner().run((context) -> {
			assertThat(context).hasNotFailed();
			WebClient client = WebClient.builder()
				.filter(context.getBean(CodeArtifactExchangeFilterFunction.class))
				.build();
			int before = this.emulator.authorizationTokenCallCount();
			for (int i = 0; i < REQUESTS; i++) {
				Integer status = client.get()
					.uri(this.repository.uri("/status/401"))
					.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
					.block();
				assertThat(status).isEqualTo(401);
			}
			report("WebClient", before);
		});
	}

	private void report(String client, int callsBefore) {
		int calls = this.emulator.authorizationTokenCallCount() - callsBefore;
		int sent = this.repository.requests().size();
		System.out.println("FIGURE: " + REQUESTS + " " + client + " requests answered 401 made " + calls
				+ " GetAuthorizationToken call(s) and " + sent + " repository requests");
		// One forced refresh inside min-forced-interval; no retry with a token already rejected
		assertThat(calls).isEqualTo(1);
		assertThat(sent).isEqualTo(REQUESTS + 1);
	}

}
