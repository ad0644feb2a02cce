package io.github.codeartifact.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.codeartifact.actuate.CodeArtifactEndpoint;
import io.github.codeartifact.actuate.CodeArtifactTokenMetrics;
import io.github.codeartifact.autoconfigure.CodeArtifactClientCustomizer;
import io.github.codeartifact.event.CodeArtifactTokenRefreshFailedEvent;
import io.github.codeartifact.event.CodeArtifactTokenRefreshedEvent;
import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.test.CodeArtifactError;
import io.github.codeartifact.test.EmulatorFault;
import io.github.codeartifact.test.RecordingHttpClient;
import io.github.codeartifact.test.TokenLeaks;
import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenRefreshListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs an application with the starter, the actuator over HTTP with every endpoint exposed and the
 * CodeArtifact endpoint writable, at TRACE for our code and DEBUG for the AWS SDK and its request
 * log, against the emulator; drives a success and every failure kind; then looks for every token the
 * emulator issued in everything that a person or a log collector could see: the captured output, the
 * HTTP answers, the messages and stack traces of every exception observed, and the
 * {@code toString()} of our public types.
 */
@ExtendWith(OutputCaptureExtension.class)
class LeakScanTests {

	static final String DOMAIN = "my-domain";

	static final String OWNER = "111122223333";

	/** The session token of the application's (temporary) AWS credentials: not ours, reported only. */
	static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKENOFTHELEAKSCAN";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RecordingHttpClient http = new RecordingHttpClient();

	private final List<Throwable> exceptions = new ArrayList<>();

	private final List<Object> objects = new ArrayList<>();

	@Test
	void noIssuedTokenAppearsAnywhere(CapturedOutput output) {
		try (CodeArtifactEmulator emulator = CodeArtifactEmulator.builder()
			.domain(DOMAIN, OWNER)
			.repository(DOMAIN, "my-repo")
			.build()) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
				.web(WebApplicationType.SERVLET)
				.properties("server.port=0", "codeartifact.domain=" + DOMAIN, "codeartifact.owner=" + OWNER,
						"codeartifact.region=" + emulator.region(), "codeartifact.endpoint=" + emulator.endpoint(),
						// every failure kind is driven by a forced refresh
						"codeartifact.refresh.min-forced-interval=1ms", "codeartifact.refresh.max-wait=3s", "codeartifact.refresh.initial-backoff=50ms",
						"codeartifact.refresh.max-backoff=100ms", "codeartifact.refresh.non-retryable-backoff=100ms",
						"codeartifact.refresh.startup-timeout=5s", "management.endpoints.web.exposure.include=*",
						"management.endpoint.codeartifact.access=unrestricted",
						"management.endpoint.health.show-details=always", "logging.level.io.github.codeartifact=TRACE",
						"logging.level.software.amazon.awssdk=DEBUG", "logging.level.software.amazon.awssdk.request=DEBUG",
						"logging.level.software.amazon.awssdk.requestId=DEBUG", "logging.level.org.apache.http.wire=DEBUG",
						"logging.level.sun.net.www.protocol.http=TRACE")
				.run();
			List<String> known;
			try {
				known = drive(context, emulator);
			}
			finally {
				context.close();
			}
			scan(output, emulator, known);
		}
	}

	private List<String> drive(ConfigurableApplicationContext context, CodeArtifactEmulator emulator) {
		int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		URI actuator = URI.create("http://127.0.0.1:" + port + "/actuator/");
		Observed observed = context.getBean(Observed.class);
		RefreshingCodeArtifactTokenProvider provider = context.getBean(RefreshingCodeArtifactTokenProvider.class);

		// Success: the startup token, a forced refresh, every endpoint
		this.http.get(actuator.resolve("codeartifact"));
		this.http.post(actuator.resolve("codeartifact"));
		this.objects.add(provider.getAuthorizationToken());
		this.objects.add(provider.state());

		// Every failure kind, each followed by a forced refresh and the endpoints that show failures
		List<EmulatorFault> faults = List.of(EmulatorFault.error(CodeArtifactError.ACCESS_DENIED),
				EmulatorFault.error(CodeArtifactError.VALIDATION),
				EmulatorFault.error(CodeArtifactError.RESOURCE_NOT_FOUND),
				EmulatorFault.error(CodeArtifactError.THROTTLING).retryAfter(Duration.ofSeconds(1)),
				EmulatorFault.error(CodeArtifactError.THROTTLING), EmulatorFault.error(CodeArtifactError.INTERNAL_SERVER),
				EmulatorFault.status(503), EmulatorFault.status(502), EmulatorFault.connectionReset(),
				EmulatorFault.malformedBody(), EmulatorFault.missingFields(), EmulatorFault.expiredToken(),
				EmulatorFault.expiringIn(Duration.ofSeconds(30)), EmulatorFault.latency(Duration.ofMillis(1500)));
		for (EmulatorFault fault : faults) {
			emulator.enqueueFault(fault, (fault.kind() == EmulatorFault.Kind.CONNECTION_RESET) ? 2 : 1);
			this.http.post(actuator.resolve("codeartifact"));
			this.http.get(actuator.resolve("codeartifact"));
			this.http.get(actuator.resolve("health"));
			try {
				this.objects.add(provider.refresh());
			}
			catch (CodeArtifactTokenException ex) {
				this.exceptions.add(ex);
			}
			this.objects.add(provider.state());
		}
		// A non-retryable failure left in place for the health and the endpoint to show
		emulator.enqueueFault(EmulatorFault.error(CodeArtifactError.ACCESS_DENIED), 1);
		this.http.post(actuator.resolve("codeartifact"));
		this.http.get(actuator.resolve("health"));
		this.http.get(actuator.resolve("health/codeartifact"));

		// Every exposed endpoint (but the heap dump, which holds the heap), and every meter of ours
		JsonNode links = JSON.readTree(this.http.get(URI.create(actuator.toString().replaceAll("/$", ""))))
			.get("_links");
		for (String name : links.propertyNames()) {
			String href = links.get(name).get("href").asString();
			if (!href.contains("{") && !name.equals("heapdump")) {
				this.http.get(URI.create(href));
			}
		}
		for (String meter : List.of(CodeArtifactTokenMetrics.REMAINING, CodeArtifactTokenMetrics.AGE,
				CodeArtifactTokenMetrics.REFRESH)) {
			assertThat(this.http.get(actuator.resolve("metrics/" + meter))).contains(meter);
		}

		// Our beans, the endpoint's answers and the provider's state, and every exception observed
		for (String name : context.getBeanDefinitionNames()) {
			Object bean = context.getBean(name);
			if (bean.getClass().getName().startsWith("io.github.codeartifact")) {
				this.objects.add(bean);
			}
		}
		this.objects.add(context.getBean(CodeArtifactEndpoint.class).state());
		this.objects.addAll(observed.events);
		this.objects.addAll(observed.tokens);
		for (ApplicationEvent event : observed.events) {
			if (event instanceof CodeArtifactTokenRefreshFailedEvent failed) {
				this.exceptions.add(failed.getException());
			}
			if (event instanceof CodeArtifactTokenRefreshedEvent refreshed) {
				this.objects.add(refreshed.getToken());
			}
		}
		this.exceptions.addAll(observed.failures);
		if (provider.state().lastFailure() != null) {
			this.exceptions.add(provider.state().lastFailure());
		}
		assertThat(observed.failures).as("failures observed").hasSizeGreaterThanOrEqualTo(faults.size() - 1);
		Set<String> errorCodes = new LinkedHashSet<>();
		observed.failures.forEach((failure) -> errorCodes.add(String.valueOf(failure.getErrorCode())));
		System.out.println("FIGURE: leak scan drove " + faults.size() + " failure kinds; error codes seen: " + errorCodes);
		return observed.tokens.stream().map(AuthorizationToken::token).toList();
	}

	private void scan(CapturedOutput output, CodeArtifactEmulator emulator, List<String> known) {
		assertThat(known).as("tokens the application received").hasSizeGreaterThan(10);
		Map<String, String> places = new LinkedHashMap<>();
		places.put("captured log output", output.getAll());
		this.http.answers().forEach((uri, body) -> places.put("HTTP answer of " + uri, body));
		for (Throwable exception : this.exceptions) {
			StringWriter trace = new StringWriter();
			exception.printStackTrace(new PrintWriter(trace));
			StringBuilder chain = new StringBuilder(trace.toString());
			for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
				chain.append('\n').append(cause).append('\n').append(cause.getMessage());
			}
			places.put("exception #" + places.size() + " " + exception.getClass().getSimpleName() + ": "
					+ exception.getMessage(), chain.toString());
		}
		for (Object object : this.objects) {
			places.put("toString() #" + places.size() + " of " + object.getClass().getName(), String.valueOf(object));
		}
		List<String> leaks = TokenLeaks.of(emulator, known).in(places, "the application");
		System.out.println("FIGURE: leak scan looked for " + emulator.issuedTokenCount() + " issued tokens ("
				+ known.size() + " received by the application) in " + places.size() + " places ("
				+ this.http.answers().size() + " HTTP answers, " + this.exceptions.size() + " exceptions, "
				+ this.objects.size() + " objects, " + output.getAll().length() + " characters of log): "
				+ leaks.size() + " leaks");
		// Not a CodeArtifact token, and not ours to fix: the SDK's signer logs the canonical request at DEBUG
		String log = output.getAll();
		int sessionTokenLines = (int) log.lines().filter((line) -> line.contains(SESSION_TOKEN)).count();
		System.out.println("FIGURE: leak scan, AWS credentials (the SDK's, reported only): the session token of"
				+ " temporary credentials shows on " + sessionTokenLines + " lines of output with DEBUG for"
				+ " software.amazon.awssdk (the signer's canonical request) and sun.net.www.protocol.http");
		assertThat(log).as("the SDK's request log is on").contains("software.amazon.awssdk.request");
		assertThat(leaks).as("places that show a token").isEmpty();
	}

	/**
	 * Everything the application tells its listeners.
	 */
	static final class Observed implements TokenRefreshListener, ApplicationListener<ApplicationEvent> {

		final List<AuthorizationToken> tokens = new CopyOnWriteArrayList<>();

		final List<CodeArtifactTokenException> failures = new CopyOnWriteArrayList<>();

		final List<ApplicationEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
			this.tokens.add(token);
		}

		@Override
		public void onRefreshFailed(CodeArtifactTokenException failure, long elapsedNanos, Instant nextAttempt) {
			this.failures.add(failure);
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof CodeArtifactTokenRefreshedEvent || event instanceof CodeArtifactTokenRefreshFailedEvent) {
				this.events.add(event);
			}
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		AwsCredentialsProvider testCredentials() {
			return StaticCredentialsProvider.create(AwsSessionCredentials.create("test", "test", SESSION_TOKEN));
		}

		@Bean
		Observed observed() {
			return new Observed();
		}

		/** A short API call timeout, so that the latency fault is a timeout. */
		@Bean
		CodeArtifactClientCustomizer shortApiCallTimeout() {
			return (builder) -> builder
				.overrideConfiguration(builder.overrideConfiguration().toBuilder().apiCallTimeout(Duration.ofSeconds(1)).build());
		}

	}

}
