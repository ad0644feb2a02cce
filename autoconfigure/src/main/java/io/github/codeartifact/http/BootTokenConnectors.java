package io.github.codeartifact.http;

import java.net.http.HttpClient.Redirect;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.HttpComponentsClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JettyClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.client.ExchangeStrategies;

/**
 * The reactive counterpart of {@link BootTokenRequestFactories}: the connector that carries the
 * token of {@link CodeArtifactExchangeFilterFunction}, built with Boot's
 * {@link ClientHttpConnectorBuilder} and {@link HttpClientSettings}, with redirects off in the
 * settings and in a last customizer of the client.
 */
final class BootTokenConnectors {

	private static final Log logger = LogFactory.getLog(BootTokenConnectors.class);

	/** Boot's codec customizer, looked up by name: Boot's codec module is optional. */
	static final String CODEC_CUSTOMIZER = "org.springframework.boot.http.codec.CodecCustomizer";

	private BootTokenConnectors() {
	}

	/**
	 * Returns a connector that never follows a redirect, built on first use; a builder that cannot
	 * be told so is reported now.
	 * @param builder the application's builder
	 * @param settings the application's settings
	 * @return the connector, to build
	 */
	static LazyTransport<ClientHttpConnector> lazily(ClientHttpConnectorBuilder<?> builder,
			HttpClientSettings settings) {
		ClientHttpConnectorBuilder<?> neverFollowing = neverFollowing(builder);
		HttpClientSettings dontFollow = settings.withRedirects(HttpRedirects.DONT_FOLLOW);
		return new LazyTransport<>(() -> neverFollowing.build(dontFollow));
	}

	/**
	 * Returns the codecs of Boot's {@code WebClient.Builder}: the defaults with the application's
	 * {@code CodecCustomizer}s ({@code spring.codec.*}), when Boot's codec module is there.
	 * @param beanFactory the application's beans
	 * @param classLoader the application's class loader
	 * @return the codecs of the responses
	 */
	static ExchangeStrategies strategies(ListableBeanFactory beanFactory, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(CODEC_CUSTOMIZER, classLoader)) {
			return ExchangeStrategies.withDefaults();
		}
		return ExchangeStrategies.builder()
			.codecs((configurer) -> beanFactory.getBeanProvider(CodecCustomizer.class)
				.orderedStream()
				.forEach((customizer) -> customizer.customize(configurer)))
			.build();
	}

	private static ClientHttpConnectorBuilder<?> neverFollowing(ClientHttpConnectorBuilder<?> builder) {
		if (builder instanceof JdkClientHttpConnectorBuilder jdk) {
			return jdk.withHttpClientCustomizer((client) -> client.followRedirects(Redirect.NEVER));
		}
		if (builder instanceof HttpComponentsClientHttpConnectorBuilder httpComponents) {
			return httpComponents.withHttpClientCustomizer(HttpAsyncClientBuilder::disableRedirectHandling);
		}
		if (builder instanceof JettyClientHttpConnectorBuilder jetty) {
			return jetty.withHttpClientCustomizer((client) -> client.setFollowRedirects(false));
		}
		if (builder instanceof ReactorClientHttpConnectorBuilder reactor) {
			return reactor.withHttpClientCustomizer((client) -> client.followRedirect(false));
		}
		logger.warn(BootTokenRequestFactories.unknownBuilder(builder.getClass().getName()));
		return ClientHttpConnectorBuilder.jdk()
			.withHttpClientCustomizer((client) -> client.followRedirects(Redirect.NEVER));
	}

}
