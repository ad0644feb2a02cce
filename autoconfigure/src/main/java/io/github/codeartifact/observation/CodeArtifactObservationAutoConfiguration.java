package io.github.codeartifact.observation;

import io.github.codeartifact.autoconfigure.CodeArtifactProperties;
import io.github.codeartifact.token.AuthorizationTokenFetcher;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Observes each GetAuthorizationToken call ({@link CodeArtifactTokenObservation#TOKEN_REFRESH})
 * when the application has an {@link ObservationRegistry} (Spring Boot's observation
 * auto-configuration makes one): every {@link AuthorizationTokenFetcher} bean, the starter's or the
 * application's, is wrapped in an {@link ObservedAuthorizationTokenFetcher}. A
 * {@link CodeArtifactTokenObservationConvention} bean replaces the default convention.
 * <p>
 * With Micrometer's meters, {@link CodeArtifactTokenMeterObservationHandler} keeps the existing
 * {@code codeartifact.token.refresh} timer as the only one of that name.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
public final class CodeArtifactObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static CodeArtifactTokenFetcherObservationPostProcessor codeArtifactTokenFetcherObservationPostProcessor(
			ObjectProvider<ObservationRegistry> registry,
			ObjectProvider<CodeArtifactTokenObservationConvention> convention,
			ObjectProvider<CodeArtifactProperties> properties) {
		return new CodeArtifactTokenFetcherObservationPostProcessor(registry, convention, properties);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterObservationHandler.class)
	static class MeterHandlerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CodeArtifactTokenMeterObservationHandler codeArtifactTokenMeterObservationHandler() {
			return new CodeArtifactTokenMeterObservationHandler();
		}

	}

	/**
	 * Wraps each {@link AuthorizationTokenFetcher} bean in an {@link ObservedAuthorizationTokenFetcher}.
	 * The registry, the convention and the properties are looked up when the fetcher is created; without
 * the starter's properties ({@code codeartifact.enabled=false}) a fetcher is left as it is.
	 */
	static final class CodeArtifactTokenFetcherObservationPostProcessor implements BeanPostProcessor {

		private final ObjectProvider<ObservationRegistry> registry;

		private final ObjectProvider<CodeArtifactTokenObservationConvention> convention;

		private final ObjectProvider<CodeArtifactProperties> properties;

		CodeArtifactTokenFetcherObservationPostProcessor(ObjectProvider<ObservationRegistry> registry,
				ObjectProvider<CodeArtifactTokenObservationConvention> convention,
				ObjectProvider<CodeArtifactProperties> properties) {
			this.registry = registry;
			this.convention = convention;
			this.properties = properties;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (!(bean instanceof AuthorizationTokenFetcher fetcher) || bean instanceof ObservedAuthorizationTokenFetcher) {
				return bean;
			}
			CodeArtifactProperties properties = this.properties.getIfAvailable();
			if (properties == null) {
				// codeartifact.enabled=false: the fetcher is the application's, for no engine of the starter
				return bean;
			}
			return new ObservedAuthorizationTokenFetcher(fetcher, this.registry.getObject(),
					this.convention.getIfAvailable(), properties.requireDomain(), properties.getOwner());
		}

	}

}
