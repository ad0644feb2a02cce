package io.github.codeartifact.http;

import java.net.URI;
import java.util.function.Predicate;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.repository.CodeArtifactRepositoryAutoConfiguration;
import io.github.codeartifact.repository.CodeArtifactRepositoryEndpoints;
import io.github.codeartifact.token.CodeArtifactTokenProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * Registers the HTTP authentication to CodeArtifact repositories when spring-web is on the
 * classpath and the application has a {@link CodeArtifactTokenProvider}: the
 * {@link CodeArtifactRepositoryHosts}, the {@link CodeArtifactAuthInterceptor} and the
 * {@link CodeArtifactRestClientCustomizer}, and with WebFlux the
 * {@link CodeArtifactExchangeFilterFunction}. None of them is applied to the application's clients:
 * each client opts in.
 */
@AutoConfiguration(after = { CodeArtifactAutoConfiguration.class, CodeArtifactRepositoryAutoConfiguration.class })
@ConditionalOnClass(ClientHttpRequestInterceptor.class)
@ConditionalOnBean(CodeArtifactTokenProvider.class)
@EnableConfigurationProperties(CodeArtifactHttpProperties.class)
public final class CodeArtifactHttpAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CodeArtifactRepositoryHosts codeArtifactRepositoryHosts(CodeArtifactHttpProperties properties,
			ObjectProvider<CodeArtifactRepositoryEndpoints> endpoints) {
		Predicate<URI> resolved = (uri) -> {
			CodeArtifactRepositoryEndpoints known = endpoints.getIfAvailable();
			return known != null && known.isResolvedOrigin(uri);
		};
		return new CodeArtifactRepositoryHosts(properties.getHosts(), resolved);
	}

	@Bean
	@ConditionalOnMissingBean
	CodeArtifactAuthInterceptor codeArtifactAuthInterceptor(CodeArtifactTokenProvider tokenProvider,
			CodeArtifactRepositoryHosts codeArtifactRepositoryHosts, CodeArtifactHttpProperties properties) {
		return new CodeArtifactAuthInterceptor(tokenProvider, codeArtifactRepositoryHosts,
				properties.getAuthScheme());
	}

	@Bean
	@ConditionalOnMissingBean
	CodeArtifactRestClientCustomizer codeArtifactRestClientCustomizer(
			CodeArtifactAuthInterceptor codeArtifactAuthInterceptor) {
		return new CodeArtifactRestClientCustomizer(codeArtifactAuthInterceptor);
	}

	/**
	 * The {@code WebClient} filter, when WebFlux is on the classpath.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ExchangeFilterFunction.class)
	static class WebClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CodeArtifactExchangeFilterFunction codeArtifactExchangeFilterFunction(CodeArtifactTokenProvider tokenProvider,
				CodeArtifactRepositoryHosts codeArtifactRepositoryHosts, CodeArtifactHttpProperties properties) {
			return new CodeArtifactExchangeFilterFunction(tokenProvider, codeArtifactRepositoryHosts,
					properties.getAuthScheme());
		}

	}

}
