package io.github.codeartifact.http;

import java.net.http.HttpClient.Redirect;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.SimpleClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Builds the request factory that carries the token of {@link CodeArtifactAuthInterceptor} with
 * Boot's {@link ClientHttpRequestFactoryBuilder} and {@link HttpClientSettings}, so the
 * application's choice of client, its builder customizers, timeouts and SSL bundle apply, and with
 * redirects off twice: {@link HttpRedirects#DONT_FOLLOW} in the settings, then a last customizer of
 * the client itself, so that no application customizer can turn following back on.
 * <p>
 * A builder of another type cannot be made safe: the JDK's client is used instead, with the same
 * settings, and a warning says so.
 */
final class BootTokenRequestFactories {

	private static final Log logger = LogFactory.getLog(BootTokenRequestFactories.class);

	private BootTokenRequestFactories() {
	}

	/**
	 * Returns a request factory that never follows a redirect, built on first use; a builder that
	 * cannot be told so is reported now.
	 * @param builder the application's builder
	 * @param settings the application's settings
	 * @return the request factory, to build
	 */
	static LazyTransport<ClientHttpRequestFactory> lazily(ClientHttpRequestFactoryBuilder<?> builder,
			HttpClientSettings settings) {
		ClientHttpRequestFactoryBuilder<?> neverFollowing = neverFollowing(builder);
		HttpClientSettings dontFollow = settings.withRedirects(HttpRedirects.DONT_FOLLOW);
		return new LazyTransport<>(() -> neverFollowing.build(dontFollow));
	}

	/**
	 * Returns whether the starter follows the redirects of authorized requests: unless the
	 * application's {@code spring.http.clients.redirects} is {@code dont-follow}.
	 * @param settings the application's settings
	 * @return whether to follow
	 */
	static boolean follows(HttpClientSettings settings) {
		return settings.redirects() != HttpRedirects.DONT_FOLLOW;
	}

	private static ClientHttpRequestFactoryBuilder<?> neverFollowing(ClientHttpRequestFactoryBuilder<?> builder) {
		if (builder instanceof JdkClientHttpRequestFactoryBuilder jdk) {
			return jdk.withHttpClientCustomizer((client) -> client.followRedirects(Redirect.NEVER));
		}
		if (builder instanceof HttpComponentsClientHttpRequestFactoryBuilder httpComponents) {
			return httpComponents.withHttpClientCustomizer(HttpClientBuilder::disableRedirectHandling);
		}
		if (builder instanceof JettyClientHttpRequestFactoryBuilder jetty) {
			return jetty.withHttpClientCustomizer((client) -> client.setFollowRedirects(false));
		}
		if (builder instanceof ReactorClientHttpRequestFactoryBuilder reactor) {
			return reactor.withHttpClientCustomizer((client) -> client.followRedirect(false));
		}
		if (builder instanceof SimpleClientHttpRequestFactoryBuilder) {
			// DONT_FOLLOW turns following off on each connection, after anything else.
			return builder;
		}
		logger.warn(unknownBuilder(builder.getClass().getName()));
		return ClientHttpRequestFactoryBuilder.jdk()
			.withHttpClientCustomizer((client) -> client.followRedirects(Redirect.NEVER));
	}

	/**
	 * Returns the warning for a builder that cannot be told never to follow.
	 */
	static String unknownBuilder(String type) {
		return "CodeArtifact requests use the JDK HttpClient with the application's HTTP client settings: " + type
				+ " cannot be told never to follow redirects, and a followed redirect would carry the token";
	}

}
