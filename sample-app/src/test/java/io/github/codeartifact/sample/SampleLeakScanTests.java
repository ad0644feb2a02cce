package io.github.codeartifact.sample;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.test.CodeArtifactError;
import io.github.codeartifact.test.EmulatorFault;
import io.github.codeartifact.test.Operation;
import io.github.codeartifact.test.RecordingHttpClient;
import io.github.codeartifact.test.TokenLeaks;
import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.TokenRefreshListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leak scan of the sample: its {@code /packages} endpoint (which fetches from the repository
 * through the starter's HTTP authentication interceptor), the actuator, a forced refresh through
 * every failure kind, with our code at TRACE and the AWS SDK, Spring's HTTP clients and the JDK's
 * {@code HttpURLConnection} at DEBUG or finer. No token the emulator issued, nor the
 * {@code Authorization} header values made of it, may show in the output or the HTTP answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleLeakScanTests {

	private final RecordingHttpClient http = new RecordingHttpClient();

	@Test
	void noTokenInTheOutputNorInTheAnswers(CapturedOutput output) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class,
				RecordingConfiguration.class)
			.properties("server.port=0", "management.endpoints.web.exposure.include=*",
					"management.endpoint.codeartifact.access=unrestricted",
					// every failure kind is driven by a forced refresh
					"codeartifact.refresh.min-forced-interval=1ms", "codeartifact.refresh.max-wait=3s",
					"codeartifact.refresh.initial-backoff=50ms", "codeartifact.refresh.max-backoff=100ms",
					"codeartifact.refresh.non-retryable-backoff=100ms", "logging.level.io.github.codeartifact=TRACE",
					"logging.level.software.amazon.awssdk=DEBUG", "logging.level.software.amazon.awssdk.request=DEBUG",
					"logging.level.org.springframework.web=TRACE", "logging.level.org.springframework.http=TRACE",
					"logging.level.sun.net.www.protocol.http=TRACE", "logging.level.jdk.internal.httpclient=TRACE")
			.run();
		CodeArtifactEmulator emulator = context.getBean(CodeArtifactEmulator.class);
		List<String> received;
		try {
			URI base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
			assertThat(this.http.get(base.resolve("/packages/com.example/demo-lib"))).contains("2.0.0");
			this.http.get(base.resolve("/packages/com.example/missing"));
			this.http.get(base.resolve("/packages/bad..group/x"));
			List<EmulatorFault> faults = List.of(EmulatorFault.error(CodeArtifactError.ACCESS_DENIED),
					EmulatorFault.error(CodeArtifactError.THROTTLING).retryAfter(Duration.ofSeconds(1)),
					EmulatorFault.error(CodeArtifactError.INTERNAL_SERVER), EmulatorFault.status(503),
					EmulatorFault.connectionReset(), EmulatorFault.malformedBody(), EmulatorFault.missingFields(),
					EmulatorFault.expiredToken(), EmulatorFault.expiringIn(Duration.ofSeconds(30)));
			for (EmulatorFault fault : faults) {
				emulator.enqueueFault(fault.forOperation(Operation.GET_AUTHORIZATION_TOKEN),
						(fault.kind() == EmulatorFault.Kind.CONNECTION_RESET) ? 2 : 1);
				this.http.post(base.resolve("/actuator/codeartifact"));
				this.http.get(base.resolve("/packages/com.example/demo-lib"));
				this.http.get(base.resolve("/actuator/health"));
			}
			for (String path : List.of("/actuator/codeartifact", "/actuator/health", "/actuator/metrics",
					"/actuator/metrics/codeartifact.token.remaining", "/actuator/metrics/codeartifact.token.age",
					"/actuator/metrics/codeartifact.token.refresh", "/actuator/env", "/actuator/configprops",
					"/actuator/beans", "/actuator/loggers")) {
				this.http.get(base.resolve(path));
			}
			received = context.getBean(Recorded.class).tokens.stream().map(AuthorizationToken::token).toList();
		}
		finally {
			context.close();
		}
		assertThat(received).as("tokens the sample received").hasSizeGreaterThan(5);
		assertThat(emulator.calls(Operation.PACKAGE_REQUEST)).as("repository requests with the token")
			.anyMatch((call) -> call.succeeded());
		Map<String, String> places = new LinkedHashMap<>(this.http.answers());
		places.put("captured output", output.getAll());
		List<String> leaks = TokenLeaks.of(emulator, received).alsoAsBasicCredentials().in(places, "the sample");
		System.out.println("FIGURE: sample leak scan looked for " + emulator.issuedTokenCount() + " issued tokens ("
				+ received.size() + " received, also as Basic credentials) in " + this.http.answers().size()
				+ " HTTP answers and " + output.getAll().length() + " characters of output: " + leaks.size()
				+ " leaks");
		assertThat(leaks).as("places that show a token").isEmpty();
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingConfiguration {

		@Bean
		Recorded recorded() {
			return new Recorded();
		}

	}

	static final class Recorded implements TokenRefreshListener {

		final List<AuthorizationToken> tokens = new CopyOnWriteArrayList<>();

		@Override
		public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
			this.tokens.add(token);
		}

	}

}
