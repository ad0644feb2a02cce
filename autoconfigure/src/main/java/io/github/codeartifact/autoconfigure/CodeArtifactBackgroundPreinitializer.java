package io.github.codeartifact.autoconfigure;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/**
 * Loads and warms the AWS SDK's CodeArtifact client on a background thread while the application
 * context starts, as Spring Boot's own {@code BackgroundPreinitializer} does for Jackson and the
 * like: building the first client loads the SDK's metadata of every AWS service and its endpoint
 * rules, and the first call its marshallers and SigV4 signer, which costs a few hundred
 * milliseconds that would otherwise come on top of startup.
 * <p>
 * The warm-up builds a throwaway client with dummy credentials and makes one GetAuthorizationToken
 * call that an interceptor stops before anything is sent: no network, no credentials lookup. It
 * runs once per JVM, not when {@code codeartifact.enabled=false}, not on one CPU, and not when
 * Spring Boot's {@code spring.backgroundpreinitializer.ignore} system property is {@code true}.
 */
public final class CodeArtifactBackgroundPreinitializer
		implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final String CLIENT_CLASS = "software.amazon.awssdk.services.codeartifact.CodeartifactClient";

	private static final AtomicBoolean started = new AtomicBoolean();

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		if (isWanted(event.getEnvironment()) && started.compareAndSet(false, true)) {
			Thread thread = new Thread(CodeArtifactBackgroundPreinitializer::warmUp, "codeartifact-preinitializer");
			thread.setDaemon(true);
			thread.start();
		}
	}

	static boolean isWanted(Environment environment) {
		return !Boolean.getBoolean("spring.backgroundpreinitializer.ignore")
				&& Runtime.getRuntime().availableProcessors() > 1
				&& environment.getProperty(CodeArtifactProperties.PREFIX + ".enabled", Boolean.class, true)
				&& ClassUtils.isPresent(CLIENT_CLASS, CodeArtifactBackgroundPreinitializer.class.getClassLoader());
	}

	/**
	 * Builds a client and runs one call up to the point of sending it.
	 * @return whether the call was stopped before transmission, as intended
	 */
	static boolean warmUp() {
		StopBeforeTransmission stop = new StopBeforeTransmission();
		try (CodeartifactClient client = CodeartifactClient.builder()
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("warm-up", "warm-up")))
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.overrideConfiguration((o) -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).addExecutionInterceptor(stop))
			.build()) {
			client.getAuthorizationToken((request) -> request.domain("warm-up"));
		}
		catch (RuntimeException ex) {
			// Expected: the interceptor stops the call; anything else only means less was warmed
		}
		return stop.reached;
	}

	/**
	 * Stops the warm-up call once it is marshalled and signed, before it is sent.
	 */
	private static final class StopBeforeTransmission implements ExecutionInterceptor {

		private volatile boolean reached;

		@Override
		public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
			this.reached = true;
			throw new IllegalStateException("CodeArtifact client warm-up: not sent");
		}

	}

}
