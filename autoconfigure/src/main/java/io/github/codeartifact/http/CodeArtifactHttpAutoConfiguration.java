package io.github.codeartifact.http;

import java.net.URI;
import java.util.function.Predicate;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.repository.CodeArtifactRepositoryAutoConfiguration;
import io.github.codeartifact.repository.CodeArtifactRepositoryEndpoints;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * Registers the HTTP authentication to CodeArtifact repositories when spring-web is on the
 * classpath and the application has a {@link CodeArtifactTokenProvider}: the
 * {@link CodeArtifactRepositoryHosts} (its rules logged once at INFO), the
 * {@link CodeArtifactAuthInterceptor} and the {@link CodeArtifactRestClientCustomizer}, and with
 * WebFlux the {@link CodeArtifactExchangeFilterFunction}. None of them is applied to the
 * application's clients: each client opts in.
 * <p>
 * With Boot's HTTP client module, the interceptor and the filter send the token on a transport
 * built like Boot's own clients (the application's {@code ClientHttpRequestFactoryBuilder} or
 * {@code ClientHttpConnectorBuilder} and {@code HttpClientSettings}), told never to follow a
 * redirect; they follow redirects themselves unless {@code spring.http.clients.redirects} is
 * {@code dont-follow}. Without it, on the JDK's {@code HttpClient}.
 */
@AutoConfiguration(after = { CodeArtifactAutoConfiguration.class, CodeArtifactRepositoryAutoConfiguration.class })
@ConditionalOnClass(ClientHttpRequestInterceptor.class)
@ConditionalOnBean(CodeArtifactTokenProvider.class)
@EnableConfigurationProperties(CodeArtifactHttpProperties.class)
public final class CodeArtifactHttpAutoConfiguration {

	private static final Log logger = LogFactory.getLog(CodeArtifactHttpAutoConfiguration.class);

	private static final String BOOT_HTTP_CLIENT = "org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder";

	@Bean
	@ConditionalOnMissingBean
	CodeArtifactRepositoryHosts codeArtifactRepositoryHosts(CodeArtifactHttpProperties properties,
			ObjectProvider<CodeArtifactRepositoryEndpoints> endpoints) {
		Predicate<URI> resolved = (uri) -> {
			CodeArtifactRepositoryEndpoints known = endpoints.getIfAvailable();
			return known != null && known.isResolvedOrigin(uri);
		};
		CodeArtifactRepositoryHosts hosts = new CodeArtifactRepositoryHosts(properties.getHosts(), resolved);
		logger.info("The CodeArtifact token goes to " + hosts);
		return hosts;
	}

	@Bean
	@ConditionalOnMissingBean
	CodeArtifactRestClientCustomizer codeArtifactRestClientCustomizer(
			CodeArtifactAuthInterceptor codeArtifactAuthInterceptor) {
		return new CodeArtifactRestClientCustomizer(codeArtifactAuthInterceptor);
	}

	private static CodeArtifactAuthorization authorization(CodeArtifactTokenProvider tokenProvider,
			CodeArtifactRepositoryHosts hosts, CodeArtifactHttpProperties properties) {
		return new CodeArtifactAuthorization(tokenProvider, hosts, properties.getAuthScheme());
	}

	/**
	 * The interceptor on a transport built with Boot's HTTP client builder and settings.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ClientHttpRequestFactoryBuilder.class)
	static class BootTransportInterceptorConfiguration {

		@Bean(destroyMethod = "closeTransport")
		@ConditionalOnMissingBean
		CodeArtifactAuthInterceptor codeArtifactAuthInterceptor(CodeArtifactTokenProvider tokenProvider,
				CodeArtifactRepositoryHosts codeArtifactRepositoryHosts, CodeArtifactHttpProperties properties,
				ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings, ResourceLoader resourceLoader) {
			HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults);
			ClientHttpRequestFactoryBuilder<?> builder = requestFactoryBuilder
				.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader()));
			return new CodeArtifactAuthInterceptor(authorization(tokenProvider, codeArtifactRepositoryHosts, properties),
					new AuthorizedRedirects(codeArtifactRepositoryHosts, BootTokenRequestFactories.follows(settings)),
					BootTokenRequestFactories.lazily(builder, settings));
		}

	}

	/**
	 * The interceptor on the JDK's {@code HttpClient}, without Boot's HTTP client module.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(BOOT_HTTP_CLIENT)
	static class JdkTransportInterceptorConfiguration {

		@Bean(destroyMethod = "closeTransport")
		@ConditionalOnMissingBean
		CodeArtifactAuthInterceptor codeArtifactAuthInterceptor(CodeArtifactTokenProvider tokenProvider,
				CodeArtifactRepositoryHosts codeArtifactRepositoryHosts, CodeArtifactHttpProperties properties) {
			return new CodeArtifactAuthInterceptor(tokenProvider, codeArtifactRepositoryHosts,
					properties.getAuthScheme());
		}

	}

	/**
	 * The {@code WebClient} filter, when WebFlux is on the classpath.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ExchangeFilterFunction.class)
	static class WebClientConfiguration {

		/**
		 * The filter on a connector built with Boot's HTTP client builder and settings.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(ClientHttpConnectorBuilder.class)
		static class BootTransportFilterConfiguration {

			@Bean(destroyMethod = "closeTransport")
			@ConditionalOnMissingBean
			CodeArtifactExchangeFilterFunction codeArtifactExchangeFilterFunction(
					CodeArtifactTokenProvider tokenProvider, CodeArtifactRepositoryHosts codeArtifactRepositoryHosts,
					CodeArtifactHttpProperties properties, ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
					ObjectProvider<HttpClientSettings> httpClientSettings, ResourceLoader resourceLoader,
					ListableBeanFactory beanFactory) {
				HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults);
				ClientHttpConnectorBuilder<?> builder = connectorBuilder
					.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader()));
				return new CodeArtifactExchangeFilterFunction(
						authorization(tokenProvider, codeArtifactRepositoryHosts, properties),
						new AuthorizedRedirects(codeArtifactRepositoryHosts, BootTokenRequestFactories.follows(settings)),
						BootTokenConnectors.lazily(builder, settings),
						BootTokenConnectors.strategies(beanFactory, resourceLoader.getClassLoader()));
			}

		}

		/**
		 * The filter on the JDK's {@code HttpClient}, without Boot's HTTP client module.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnMissingClass(BOOT_HTTP_CLIENT)
		static class JdkTransportFilterConfiguration {

			@Bean(destroyMethod = "closeTransport")
			@ConditionalOnMissingBean
			CodeArtifactExchangeFilterFunction codeArtifactExchangeFilterFunction(
					CodeArtifactTokenProvider tokenProvider, CodeArtifactRepositoryHosts codeArtifactRepositoryHosts,
					CodeArtifactHttpProperties properties) {
				return new CodeArtifactExchangeFilterFunction(tokenProvider, codeArtifactRepositoryHosts,
						properties.getAuthScheme());
			}

		}

	}

}
