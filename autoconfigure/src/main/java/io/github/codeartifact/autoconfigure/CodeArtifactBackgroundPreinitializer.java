package io.github.codeartifact.autoconfigure;

import io.github.codeartifact.token.AbortableHttpClient;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;

/**
 * Loads and initializes the AWS SDK classes of the first GetAuthorizationToken call on Spring
 * Boot's background preinitialization thread, while the application context starts: building the
 * first client loads the SDK's metadata of every AWS service and its endpoint rules, and the first
 * call its marshallers and SigV4 signer, a few hundred milliseconds that would otherwise come on
 * top of startup.
 * <p>
 * Registered in {@code META-INF/spring.factories} under {@link BackgroundPreinitializer}: Boot
 * runs it once per JVM, not in a native image, not on one CPU and not with
 * {@code spring.backgroundpreinitializer.ignore=true}, and holds {@code ApplicationReadyEvent}
 * until it is done. It sees no {@code Environment}: {@link CodeArtifactWarmUpEnvironmentPostProcessor},
 * which runs on the same event just before, tells it whether the application turned the starter off
 * with {@code codeartifact.enabled=false}, and then it does nothing: such an application loads none
 * of the SDK's classes. Otherwise it is made harmless: it builds a throwaway client with
 * dummy static credentials and makes one call that an interceptor stops once it is signed, before it
 * reaches the HTTP client. No network, no credentials lookup, no bean touched, no thread left behind
 * (the client is closed).
 */
final class CodeArtifactBackgroundPreinitializer implements BackgroundPreinitializer {

	private static final String DUMMY = "warm-up";

	/**
	 * Set from the environment of the application being started; static, as Boot runs the
	 * preinitializers once per JVM, from the first application's {@code ApplicationEnvironmentPreparedEvent}.
	 */
	private static volatile boolean starterDisabled;

	/**
	 * Records whether the application being started uses the starter.
	 * @param enabled {@code false} when the application set {@code codeartifact.enabled=false}
	 */
	static void recordStarterEnabled(boolean enabled) {
		starterDisabled = !enabled;
	}

	@Override
	public void preinitialize() {
		preinitialize(UrlConnectionHttpClient.builder());
	}

	void preinitialize(SdkHttpClient.Builder<?> httpClient) {
		if (!starterDisabled) {
			warmUp(httpClient);
		}
	}

	/**
	 * Builds a client over the given HTTP client and runs one call up to the point of sending it.
	 * @param httpClient the HTTP client the starter's own client is built with
	 * @return the request as it was about to be sent
	 */
	static StopBeforeTransmission warmUp(SdkHttpClient.Builder<?> httpClient) {
		StopBeforeTransmission stop = new StopBeforeTransmission();
		try (CodeartifactClient client = CodeartifactClient.builder()
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(DUMMY, DUMMY)))
			.httpClientBuilder(AbortableHttpClient.builder(httpClient))
			.overrideConfiguration((o) -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).addExecutionInterceptor(stop))
			.build()) {
			client.getAuthorizationToken((request) -> request.domain(DUMMY));
		}
		catch (RuntimeException ex) {
			// Expected: the interceptor stops the call; anything else only means less was warmed
		}
		return stop;
	}

	/**
	 * Stops the warm-up call once it is marshalled and signed, before it is sent.
	 */
	static final class StopBeforeTransmission implements ExecutionInterceptor {

		private volatile @Nullable String signedHeader;

		@Override
		public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
			this.signedHeader = context.httpRequest().firstMatchingHeader("Authorization").orElse("");
			throw new IllegalStateException("CodeArtifact client warm-up: not sent");
		}

		/**
		 * Returns the {@code Authorization} header of the stopped request.
		 * @return the header, empty when unsigned, {@code null} when the call never got that far
		 */
		@Nullable String signedHeader() {
			return this.signedHeader;
		}

	}

}
