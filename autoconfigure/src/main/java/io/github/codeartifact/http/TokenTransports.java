package io.github.codeartifact.http;

import java.net.http.HttpClient;
import java.net.http.HttpClient.Redirect;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * The transports that carry the token when none is built from the application's HTTP client
 * settings ({@link BootTokenTransports}): the JDK's {@code HttpClient} with
 * {@link Redirect#NEVER}, the system proxy selector and default TLS. And the one place where a
 * transport the starter built is closed.
 */
final class TokenTransports {

	private static final Log logger = LogFactory.getLog(TokenTransports.class);

	private TokenTransports() {
	}

	/**
	 * Returns a JDK {@code HttpClient} that never follows a redirect.
	 */
	static HttpClient neverFollowingHttpClient() {
		return HttpClient.newBuilder().followRedirects(Redirect.NEVER).build();
	}

	/**
	 * Returns a request factory on {@link #neverFollowingHttpClient()}.
	 */
	static ClientHttpRequestFactory requestFactory() {
		return new JdkClientHttpRequestFactory(neverFollowingHttpClient());
	}

	/**
	 * Closes a transport the starter built, when it holds resources.
	 * @param transport a request factory or a connector
	 */
	static void close(Object transport) {
		try {
			if (transport instanceof DisposableBean disposable) {
				disposable.destroy();
			}
			else if (transport instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}
		catch (Exception ex) {
			logger.debug("Could not close the CodeArtifact HTTP transport", ex);
		}
	}

}
