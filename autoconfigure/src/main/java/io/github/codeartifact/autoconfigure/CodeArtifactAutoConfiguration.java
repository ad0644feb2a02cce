package io.github.codeartifact.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.util.Random;

import io.github.codeartifact.event.ApplicationEventTokenRefreshListener;
import io.github.codeartifact.token.AbortableHttpClient;
import io.github.codeartifact.token.AuthorizationTokenFetcher;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import io.github.codeartifact.token.ExecutorRefreshScheduler;
import io.github.codeartifact.token.RefreshScheduler;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.SdkAuthorizationTokenFetcher;
import io.github.codeartifact.token.TokenRefreshListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.CodeartifactClientBuilder;

import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of a refreshing
 * {@link CodeArtifactTokenProvider}: a {@link CodeartifactClient}, the refresh engine and its
 * lifecycle, and the Spring events after each refresh.
 * <p>
 * Turned off by {@code codeartifact.enabled=false}. Every bean backs off when the application
 * defines one of the same type.
 */
@AutoConfiguration
@ConditionalOnClass(CodeartifactClient.class)
@ConditionalOnBooleanProperty(name = CodeArtifactProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties({ CodeArtifactProperties.class, CodeArtifactClientProperties.class })
public final class CodeArtifactAutoConfiguration {

	private static final Log logger = LogFactory.getLog(CodeArtifactAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	CodeartifactClient codeArtifactClient(CodeArtifactProperties properties, CodeArtifactClientProperties clientProperties,
			ObjectProvider<AwsCredentialsProvider> credentialsProvider, ObjectProvider<AwsRegionProvider> regionProvider,
			ObjectProvider<CodeArtifactClientCustomizer> customizers) {
		properties.validate();
		// The client closes its credentials provider on close: our own default chain, never the application's bean.
		AwsCredentialsProvider applicationCredentials = uniqueOrPrimary(credentialsProvider,
				AwsCredentialsProvider.class);
		AwsCredentialsProvider credentials = (applicationCredentials != null)
				? new NonClosingCredentialsProvider(applicationCredentials)
				: DefaultCredentialsProvider.builder().build();
		CodeartifactClientBuilder builder = CodeartifactClient.builder()
			.credentialsProvider(credentials)
			.region(resolveRegion(properties, regionProvider))
			// Abortable, so that closing the refresh engine cuts a call in flight short
			.httpClientBuilder(AbortableHttpClient.builder(UrlConnectionHttpClient.builder()
				.connectionTimeout(clientProperties.getConnectTimeout())
				.socketTimeout(clientProperties.getSocketTimeout())));
		URI endpoint = properties.getEndpoint();
		if (endpoint != null) {
			builder.endpointOverride(endpoint);
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		builder.overrideConfiguration(withStarterDefaults(builder.overrideConfiguration(), clientProperties));
		return builder.build();
	}

	/**
	 * Adds the starter's call settings to what the customizers left, after them:
	 * {@code overrideConfiguration(Consumer)} replaces the whole override configuration, so a
	 * customizer that sets one timeout would otherwise bring the SDK's retries back and drop the
	 * starter's timeouts. A retry strategy or a timeout that a customizer chose is kept.
	 */
	@SuppressWarnings("deprecation") // retryPolicy() is how older customizers choose their retries
	private static ClientOverrideConfiguration withStarterDefaults(ClientOverrideConfiguration override,
			CodeArtifactClientProperties clientProperties) {
		ClientOverrideConfiguration.Builder defaults = override.toBuilder();
		if (override.retryStrategy().isEmpty() && override.retryPolicy().isEmpty()) {
			// The refresh engine retries with its own backoff and startup timeout: one SDK call is one attempt.
			defaults.retryStrategy(AwsRetryStrategy.doNotRetry());
		}
		// The read timeout restarts with every byte: only these deadlines end a drip-feeding answer.
		if (override.apiCallAttemptTimeout().isEmpty()) {
			defaults.apiCallAttemptTimeout(clientProperties.getApiCallAttemptTimeout());
		}
		if (override.apiCallTimeout().isEmpty()) {
			defaults.apiCallTimeout(clientProperties.getApiCallTimeout());
		}
		return defaults.build();
	}

	private static Region resolveRegion(CodeArtifactProperties properties,
			ObjectProvider<AwsRegionProvider> regionProvider) {
		String region = properties.getRegion();
		if (region != null) {
			if (!CodeArtifactProperties.isKnownRegion(region)) {
				logger.warn("codeartifact.region '" + region + "' is not a region this AWS SDK knows; it is shaped like "
						+ "one, so it is used as is (a region newer than the SDK?)");
			}
			return Region.of(region);
		}
		AwsRegionProvider application = uniqueOrPrimary(regionProvider, AwsRegionProvider.class);
		AwsRegionProvider provider = (application != null) ? application : new DefaultAwsRegionProviderChain();
		try {
			return provider.getRegion();
		}
		catch (SdkClientException ex) {
			throw new InvalidCodeArtifactPropertyException(CodeArtifactProperties.PREFIX + ".region", null,
					"is required when the AWS SDK finds no region (" + ex.getMessage() + ")",
					"Set " + CodeArtifactProperties.PREFIX + ".region to the region of the domain, such as "
							+ "us-east-1, or set the AWS_REGION environment variable.");
		}
	}

	/**
	 * The application's bean of a type: the only one or the {@code @Primary} one, as Boot injects
	 * beans; several without a primary are a {@link NoUniqueAwsProviderException} that names them.
	 */
	private static <T> @Nullable T uniqueOrPrimary(ObjectProvider<T> beans, Class<T> type) {
		try {
			return beans.getIfAvailable();
		}
		catch (NoUniqueBeanDefinitionException ex) {
			throw new NoUniqueAwsProviderException(type, ex);
		}
	}

	/**
	 * The refreshing provider and what it needs, unless the application has its own
	 * {@link CodeArtifactTokenProvider}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(CodeArtifactTokenProvider.class)
	static class TokenProviderConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AuthorizationTokenFetcher codeArtifactAuthorizationTokenFetcher(CodeartifactClient codeArtifactClient,
				CodeArtifactProperties properties) {
			return new SdkAuthorizationTokenFetcher(codeArtifactClient, properties.requireDomain(),
					properties.getOwner(), properties.getDuration(), Clock.systemUTC());
		}

		@Bean
		@ConditionalOnMissingBean
		RefreshScheduler codeArtifactRefreshScheduler() {
			return new ExecutorRefreshScheduler();
		}

		@Bean
		@ConditionalOnMissingBean
		ApplicationEventTokenRefreshListener codeArtifactTokenEventPublisher(ApplicationEventPublisher publisher,
				CodeArtifactProperties properties, ObjectProvider<CodeArtifactTokenProvider> tokenProvider) {
			return new ApplicationEventTokenRefreshListener(publisher, properties.requireDomain(),
					tokenProvider::getObject);
		}

		@Bean
		@ConditionalOnMissingBean
		TokenRefreshListenerGate codeArtifactTokenRefreshListenerGate() {
			return new TokenRefreshListenerGate();
		}

		/**
		 * The engine, started at once: the client's first use, the credentials lookup and the first
		 * call run on the refresh thread while the context creates its other beans; the token
		 * lifecycle then waits for the token (fail-fast), and the gate holds the reports to the
		 * listeners until the context starts.
		 */
		@Bean
		@ConditionalOnMissingBean(CodeArtifactTokenProvider.class)
		RefreshingCodeArtifactTokenProvider codeArtifactTokenProvider(CodeArtifactProperties properties,
				AuthorizationTokenFetcher codeArtifactAuthorizationTokenFetcher,
				RefreshScheduler codeArtifactRefreshScheduler, ObjectProvider<TokenRefreshListener> listeners,
				TokenRefreshListenerGate codeArtifactTokenRefreshListenerGate) {
			TokenRefreshListener listener = codeArtifactTokenRefreshListenerGate
				.holding(new CompositeTokenRefreshListener(listeners.orderedStream().toList()));
			RefreshingCodeArtifactTokenProvider provider = new RefreshingCodeArtifactTokenProvider(
					properties.requireDomain(), properties.getOwner(), codeArtifactAuthorizationTokenFetcher,
					properties.toSettings(), Clock.systemUTC(), codeArtifactRefreshScheduler, listener, new Random());
			provider.start();
			return provider;
		}

		@Bean
		@ConditionalOnMissingBean
		CodeArtifactTokenLifecycle codeArtifactTokenLifecycle(RefreshingCodeArtifactTokenProvider codeArtifactTokenProvider,
				CodeArtifactProperties properties, ObjectProvider<CodeartifactClient> codeArtifactClient,
				Environment environment) {
			return new CodeArtifactTokenLifecycle(codeArtifactTokenProvider, properties.requireDomain(),
					properties.getOwner(), () -> CodeArtifactClientRegion.of(codeArtifactClient),
					() -> describeEndpoint(codeArtifactClient, environment), properties.isFailFast());
		}

		private static @Nullable String describeEndpoint(ObjectProvider<CodeartifactClient> client,
				Environment environment) {
			CodeartifactClient available = client.getIfAvailable();
			return (available != null) ? CodeArtifactClientEndpoint.describe(available, environment) : null;
		}

	}

}
